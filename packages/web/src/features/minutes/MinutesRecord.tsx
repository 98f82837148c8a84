import type { MinutesDocument, MinutesEntry } from '@pm/shared';
import { Link } from '../../components/Link';
import { formatTime } from '../../i18n/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { EntryByline } from './EntryByline';
import { ExportLinks } from './ExportLinks';
import './minutes.css';

/**
 * The minutes as read by those who do not write them (reviewer, chair, operator): what was said
 * under each agenda item with its clock time, the directives given, and the exported documents.
 */
export function MinutesRecord({ doc }: { doc: MinutesDocument }) {
  const { t, language } = useI18n();
  const sections = [
    ...doc.agenda.map((item) => ({ key: String(item.position), title: `${item.position}. ${item.title}`, entries: doc.entries.filter((e) => e.agendaPosition === item.position) })),
    {
      key: 'other',
      title: t('minutes.agendaNone'),
      entries: doc.entries.filter((e) => e.agendaPosition === null || !doc.agenda.some((a) => a.position === e.agendaPosition)),
    },
  ].filter((section) => section.entries.length > 0);
  const entry = (e: MinutesEntry) => (
    <li key={e.id} className="entry">
      <span className="entry__time">{formatTime(e.at, language)}</span> {e.speakerName && <strong>{e.speakerName}: </strong>}
      {e.text} <EntryByline entry={e} />
    </li>
  );
  return (
    <section className="minutes" aria-labelledby="minutes-heading">
      <h1 id="minutes-heading">
        {t('minutes.heading')}: {doc.meeting.title}
      </h1>
      <ExportLinks meetingId={doc.meeting.id} />
      {sections.length === 0 && <p className="notice">{t('minutes.empty')}</p>}
      {sections.map((section) => (
        <section key={section.key} aria-label={section.title}>
          <h2>{section.title}</h2>
          <ol className="minutes__entries">{section.entries.map(entry)}</ol>
        </section>
      ))}
      {doc.directives.length > 0 && (
        <>
          <h2>{t('review.directives')}</h2>
          <ol>
            {doc.directives.map((d) => (
              <li key={d.id}>
                <Link href={`/directives/${encodeURIComponent(d.id)}`}>{d.content}</Link> — {d.responsibleUnits.map((u) => u.name).join(', ')} ·{' '}
                {t('directives.deadline')} {d.deadline.split('-').reverse().join('/')}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
