import { can, formatOffset, type DirectiveDetail, type Identity } from '@pm/shared';
import { useEffect, useState } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { DirectiveEditForm } from './DirectiveEditForm';
import { DirectiveStatus, shortDay } from './DirectiveStatus';
import { ReportForm } from './ReportForm';
import '../minutes/minutes.css';
import { Icon } from '../../components/Icon';
import { detach } from '../../util/detach';

/** `/directives/:id`: one directive, its reports with attachments, and what the account may do next. */
export function DirectiveDetailPage({ directiveId, identity }: { directiveId: string; identity: Identity }) {
  const { t } = useI18n();
  const [directive, setDirective] = useState<DirectiveDetail>();
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    callApi('directives.get', { params: { id: directiveId } }).then((a) => setDirective(a.directive), setError);
  }, [directiveId]);
  if (!directive) return <ErrorNotice error={error} />;

  const decide = async (status: 'CONFIRMED' | 'IN_PROGRESS') => {
    setError(undefined);
    try {
      setSaved(false);
      setDirective((await callApi('directives.update', { params: { id: directive.id }, body: { version: directive.version, status } })).directive);
    } catch (failure) {
      setError(failure);
    }
  };
  const units = (list: DirectiveDetail['responsibleUnits']) => list.map((u) => u.name).join(', ') || '—';
  const manage = can(identity.role, 'directives.manage');

  return (
    <section aria-labelledby="directive-heading" data-testid="directive-detail">
      <p>
        <Link href="/directives">← {t('directives.back')}</Link>
      </p>
      <h1 id="directive-heading">{directive.content}</h1>
      <DirectiveStatus directive={directive} />
      <dl className="check__figures">
        <dt>{t('directives.meeting')}</dt>
        <dd>{directive.meeting.name}{directive.agendaItem && ` — ${directive.agendaItem.position}. ${directive.agendaItem.title}`}</dd>
        <dt>{t('directives.responsible')}</dt>
        <dd>{units(directive.responsibleUnits)}</dd>
        <dt>{t('directives.coordinating')}</dt>
        <dd>{units(directive.coordinatingUnits)}</dd>
        <dt>{t('directives.deadline')}</dt>
        <dd>{shortDay(directive.deadline)}</dd>
        <dt>{t('directives.priority')}</dt>
        <dd>{t(`directives.priority.${directive.priority}`)}</dd>
      </dl>
      {manage && !editing && (
        <p className="toolbar">
          <button
            type="button"
            className="button"
            data-testid="directive-edit-open"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            <Icon name="pencil" /> {t('directives.edit')}
          </button>
          {saved && <span role="status">{t('directives.saved')}</span>}
        </p>
      )}
      {manage && editing && (
        <DirectiveEditForm
          directive={directive}
          onSaved={(changed) => {
            setDirective(changed);
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {can(identity.role, 'recordings.read') && (
        <p>
          <Link className="button" href={`/meetings/${encodeURIComponent(directive.meeting.id)}/review?directive=${encodeURIComponent(directive.id)}`} data-testid="open-moment">
            ▶ {t('directives.openMoment')} ({formatOffset(directive.offsetMs)})
          </Link>
        </p>
      )}
      {manage && directive.status === 'REPORTED_DONE' && (
        <div className="toolbar">
          <button type="button" className="button button--primary" onClick={() => detach(decide('CONFIRMED'), 'confirming the directive')}>{t('directives.confirm')}</button>
          <button type="button" className="button" onClick={() => detach(decide('IN_PROGRESS'), 'sending the directive back')}>{t('directives.sendBack')}</button>
        </div>
      )}
      <ErrorNotice error={error} />
      <h2>{t('directives.reports')}</h2>
      {directive.reports.length === 0 && <p className="muted">{t('directives.noReports')}</p>}
      <ol data-testid="directive-reports">
        {directive.reports.map((r) => (
          <li key={r.id}>
            <strong>{r.unit.name}</strong> · {r.authorName} · {new Date(r.createdAt).toLocaleString('vi-VN')}
            {r.done && <> · <span className="status status--REPORTED_DONE">{t('directives.reportDone')}</span></>}
            <p>{r.text}</p>
            {r.attachments.map((a) => (
              <a key={a.id} className="button button--small" href={`/api/attachments/${encodeURIComponent(a.id)}`} download>
                <Icon name="attachment" /> {a.fileName}
              </a>
            ))}
          </li>
        ))}
      </ol>
      {can(identity.role, 'directives.report') && directive.status !== 'CONFIRMED' && <ReportForm directive={directive} onReported={setDirective} />}
    </section>
  );
}
