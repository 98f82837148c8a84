import { api, auditActions, type AuditAction, type AuditEntry, type AuditQuery } from '@pm/shared';
import { useState } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/I18nProvider';
import { useApiResource } from '../attendance/useApiResource';
import { detach } from '../../util/detach';

const asText = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The same filters as a query string, for the CSV link. */
function exportHref(filter: AuditQuery): string {
  const query = new URLSearchParams(Object.entries(filter).flatMap(([key, value]) => (value ? [[key, String(value)]] : []))).toString();
  return query ? `${api['audit.csv'].path}?${query}` : api['audit.csv'].path;
}

/** `/admin/audit`: the administrator (or an auditor at their side) searches the audit log and exports it. */
export function AuditPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AuditQuery>({});
  const [filter, setFilter] = useState<AuditQuery>({});
  const first = useApiResource(() => callApi('audit.list', { query: filter }), JSON.stringify(filter));
  /** Pages after the first, asked for with "show more"; a new search starts again. */
  const [later, setLater] = useState<{ entries: AuditEntry[]; more: boolean }>();
  const [laterError, setLaterError] = useState<unknown>();
  const entries = [...(first.data?.entries ?? []), ...(later?.entries ?? [])];
  const more = later ? later.more : (first.data?.more ?? false);
  const error = first.error ?? laterError;
  const showMore = async () => {
    try {
      const page = await callApi('audit.list', { query: { ...filter, before: entries.at(-1)?.id } });
      setLater({ entries: [...(later?.entries ?? []), ...page.entries], more: page.more });
      setLaterError(undefined);
    } catch (failure) {
      setLaterError(failure);
    }
  };
  const field = (key: 'from' | 'to' | 'actor' | 'target', type: 'date' | 'search') => (
    <label>
      {t(`audit.${key}`)}
      <input type={type} value={draft[key] ?? ''} onChange={(e) => setDraft({ ...draft, [key]: e.target.value || undefined })} />
    </label>
  );
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">{t('audit.heading')}</h1>
      <p>{t('audit.intro')}</p>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setLater(undefined);
          setFilter(draft);
        }}
      >
        {field('from', 'date')}
        {field('to', 'date')}
        <label>
          {t('audit.action')}
          <select value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: (e.target.value || undefined) as AuditAction | undefined })}>
            <option value="">{t('audit.actionAll')}</option>
            {auditActions.map((action) => <option key={action} value={action}>{t(`audit.action.${action}`)}</option>)}
          </select>
        </label>
        {field('actor', 'search')}
        {field('target', 'search')}
        <button type="submit" className="button button--primary">{t('audit.search')}</button>
        <a className="button" href={exportHref(filter)} download>{t('audit.export')}</a>
      </form>
      <ErrorNotice error={error} />
      {entries.length === 0 ? (
        !first.loading && !error && <p>{t('audit.empty')}</p>
      ) : (
        <table className="table" data-testid="audit-entries">
          <thead>
            <tr><th>{t('audit.at')}</th><th>{t('audit.actor')}</th><th>{t('audit.address')}</th><th>{t('audit.action')}</th><th>{t('audit.target')}</th><th>{t('audit.change')}</th></tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{new Date(entry.at).toLocaleString('vi-VN')}</td>
                <td>{entry.actor}{entry.role && ` (${t(`role.${entry.role}`)})`}</td>
                <td>{entry.address}</td>
                <td>{t(`audit.action.${entry.action}`)}</td>
                <td>{entry.target}</td>
                <td>
                  <details>
                    <summary>{asText(entry.after).slice(0, 80)}</summary>
                    <pre>{asText(entry.before)}</pre>
                    <pre>{asText(entry.after)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" className="button" onClick={() => detach(showMore(), 'loading more of the audit log')}>{t('audit.more')}</button>
      )}
    </section>
  );
}
