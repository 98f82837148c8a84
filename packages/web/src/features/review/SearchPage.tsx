import { formatOffset, type RecordsSearch } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/dates';
import { detach } from '../../util/detach';

const review = (meetingId: string, query: string) => `/meetings/${encodeURIComponent(meetingId)}/review?${query}`;

/** `/review`: meetings, minutes and directives across every meeting the account sees, by their words. */
export function SearchPage() {
  const { t, language } = useI18n();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<RecordsSearch>();
  const [error, setError] = useState<unknown>();
  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setResults(await callApi('records.search', { query: { q } }));
    } catch (failure) {
      setError(failure);
    }
  };
  const empty = results && !results.meetings.length && !results.entries.length && !results.directives.length;
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">{t('review.search')}</h1>
      <form className="toolbar" role="search" onSubmit={(e) => detach(search(e), 'searching')}>
        <input type="search" aria-label={t('review.searchHint')} placeholder={t('review.searchHint')} value={q} minLength={2} onChange={(e) => setQ(e.target.value)} style={{ minWidth: '28rem' }} />
        <button type="submit" className="button button--primary">{t('review.search')}</button>
      </form>
      <ErrorNotice error={error} />
      {empty && <p className="notice">{t('review.results.none')}</p>}
      {results && (
        <div className="search-results" data-testid="search-results">
          {!!results.meetings.length && <h2>{t('review.results.meetings')}</h2>}
          <ul>
            {results.meetings.map((m) => (
              <li key={m.id}>
                <Link href={review(m.id, 't=0')}>{m.title}</Link> <small>{formatDateTime(m.startsAt, language)}</small>
              </li>
            ))}
          </ul>
          {!!results.entries.length && <h2>{t('review.entries')}</h2>}
          <ul>
            {results.entries.map((e) => (
              <li key={e.entryId}>
                <Link href={review(e.meeting.id, `t=${e.offsetMs}`)}>{e.meeting.name} · {formatOffset(e.offsetMs)}</Link>: {e.text}
              </li>
            ))}
          </ul>
          {!!results.directives.length && <h2>{t('review.directives')}</h2>}
          <ul>
            {results.directives.map((d) => (
              <li key={d.directiveId}>
                <Link href={review(d.meeting.id, `directive=${encodeURIComponent(d.directiveId)}`)}>{d.meeting.name} · {formatOffset(d.offsetMs)}</Link>: {d.content}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
