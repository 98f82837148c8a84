import type { MinutesEntry } from '@pm/shared';
import { useState } from 'react';
import { callApi } from '../../api/apiClient';
import { ActionError } from '../../components/ActionError';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { DirectiveForm } from '../directives/DirectiveForm';
import { EntryEditor } from './EntryEditor';
import { ExportLinks } from './ExportLinks';
import { LiveBar } from './LiveBar';
import { agendaInProgress } from './minutesAgenda';
import { MinutesRecord } from './MinutesRecord';
import { MinutesSettingsForm } from './MinutesSettingsForm';
import { useMinutes } from './useMinutes';
import { detach } from '../../util/detach';
import './minutes.css';

/**
 * `/meetings/:id/minutes`: the secretariat writes the minutes while the meeting runs. Each entry
 * is saved as it is typed; a new one is stamped with the moment typing began, the agenda item in
 * progress (which the secretary sets for the whole meeting while it runs, as the chair does) and
 * the site holding the floor; a directive can be given from any entry. Accounts that
 * may read but not write the minutes (reviewer, chair, operator) get them to read, with the exports.
 */
export function MinutesPage({ meetingId, canWrite }: { meetingId: string; canWrite: boolean }) {
  const { t } = useI18n();
  const { doc, live, error, reload, setAgendaItem } = useMinutes(meetingId);
  const agendaChange = useAction();
  // While the meeting runs, the agenda item is the meeting's own (the chair's or the secretary's
  // choice, followed live); otherwise the secretary's choice for the entries written here.
  const [chosenAgenda, setChosenAgenda] = useState<number | null>(null);
  const { position: agendaPosition, meetingWide } = agendaInProgress(live, chosenAgenda);
  const chooseAgenda = (position: number | null) => (meetingWide ? agendaChange.run(() => setAgendaItem(position)) : setChosenAgenda(position));
  const [composer, setComposer] = useState<{ key: number; frozenKey?: string; entryId?: string }>({ key: 0 });
  const [directiveFrom, setDirectiveFrom] = useState<MinutesEntry | null | undefined>(undefined);

  if (!doc) return error ? <ErrorNotice error={error} /> : <p className="notice">{t('common.loading')}</p>;
  if (!canWrite) return <MinutesRecord doc={doc} />;
  const speakerId = live?.speaker?.id ?? null;
  // Until the person types, a fresh entry follows the floor and the agenda item in progress;
  // from the first keystroke its key (and so its editor) stays.
  const composerKey = composer.frozenKey ?? `${composer.key}:${speakerId}:${agendaPosition}`;
  const newEntry = () => setComposer((c) => ({ key: c.key + 1 }));
  const remove = async (entry: MinutesEntry) => {
    await callApi('minutes.removeEntry', { params: { id: entry.id }, query: { version: entry.version } }).catch(() => undefined);
    await reload();
  };

  return (
    <section className="minutes" aria-labelledby="minutes-heading">
      <h1 id="minutes-heading">
        {t('minutes.heading')}: {doc.meeting.title}
      </h1>
      <LiveBar live={live} agenda={doc.agenda} agendaPosition={agendaPosition} onAgenda={chooseAgenda} />
      <ActionError action={agendaChange} />
      <ol className="minutes__entries">
        {doc.entries
          .filter((e) => e.id !== composer.entryId)
          .map((entry) => (
            <EntryEditor
              key={entry.id}
              meetingId={meetingId}
              doc={doc}
              start={{ entry }}
              serverEntry={entry}
              onConflict={() => detach(reload(), 'reloading the minutes')}
              onGiveDirective={setDirectiveFrom}
              onRemove={(e) => detach(remove(e), 'removing an entry')}
            />
          ))}
        <EntryEditor
          key={composerKey}
          meetingId={meetingId}
          doc={doc}
          start={{ fields: { text: '', agendaPosition, speakerSiteId: speakerId, speakerName: null } }}
          serverEntry={doc.entries.find((e) => e.id === composer.entryId)}
          onEdit={() => !composer.frozenKey && setComposer((c) => ({ ...c, frozenKey: composerKey }))}
          onSaved={(entry) => {
            // Reloaded at once, so the entry is in the list when the next one begins.
            setComposer((c) => ({ ...c, entryId: entry.id }));
            detach(reload(), 'reloading the minutes');
          }}
          onConflict={() => detach(reload(), 'reloading the minutes')}
          autoFocus
        />
      </ol>
      <div className="toolbar">
        <button type="button" className="button button--primary" onClick={newEntry} data-testid="new-entry">
          {t('minutes.newEntry')}
        </button>
        <button type="button" className="button" onClick={() => setDirectiveFrom(null)}>
          {t('minutes.giveDirective')}
        </button>
      </div>
      {directiveFrom !== undefined && (
        <DirectiveForm
          meetingId={meetingId}
          agenda={doc.agenda}
          fromEntry={directiveFrom}
          defaultAgenda={directiveFrom?.agendaPosition ?? agendaPosition}
          onDone={() => {
            setDirectiveFrom(undefined);
            detach(reload(), 'reloading the minutes');
          }}
        />
      )}
      <ExportLinks meetingId={meetingId} />
      <MinutesSettingsForm meetingId={meetingId} settings={doc.settings} onSaved={() => detach(reload(), 'reloading the minutes')} />
    </section>
  );
}
