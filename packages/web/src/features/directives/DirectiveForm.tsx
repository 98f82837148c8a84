import type { MinutesDocument, MinutesEntry } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useUnsavedChanges } from '../../hooks/useUnsavedChanges';
import { useI18n } from '../../i18n/I18nProvider';
import { useApiResource } from '../attendance/useApiResource';
import { DirectiveFields, type DirectiveDraft } from './DirectiveFields';
import { detach } from '../../util/detach';

/**
 * Gives a directive in a meeting: what, who is responsible and who coordinates, by when. Given
 * from a minutes entry, it takes the entry's words, agenda item and moment.
 */
export function DirectiveForm({
  meetingId,
  agenda,
  fromEntry,
  defaultAgenda,
  onDone,
}: {
  meetingId: string;
  agenda: MinutesDocument['agenda'];
  fromEntry: MinutesEntry | null;
  defaultAgenda: number | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const units = useApiResource(() => callApi('units.list'), 'units').data?.units.filter((u) => !u.disabled) ?? [];
  const [draft, setDraft] = useState<DirectiveDraft>({
    content: fromEntry?.text ?? '',
    responsible: [],
    coordinating: [],
    deadline: '',
    priority: 'NORMAL',
  });
  const [agendaPosition, setAgendaPosition] = useState(defaultAgenda);
  const [error, setError] = useState<unknown>();
  const unsaved = useUnsavedChanges({ draft, agendaPosition });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await callApi('directives.create', {
        params: { id: meetingId },
        body: {
          content: draft.content,
          responsibleUnitIds: draft.responsible,
          coordinatingUnitIds: draft.coordinating,
          deadline: draft.deadline,
          priority: draft.priority,
          agendaPosition,
          minutesEntryId: fromEntry?.id ?? null,
        },
      });
      unsaved.saved({ draft, agendaPosition });
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form className="form panel directive-form" onSubmit={(e) => detach(submit(e), 'creating the directive')} aria-label={t('directives.new')}>
      <h2>{t('directives.new')}</h2>
      <DirectiveFields draft={draft} onChange={setDraft} units={units}>
        <label>
          {t('minutes.agenda')}
          <select value={agendaPosition ?? ''} onChange={(e) => setAgendaPosition(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('minutes.agendaNone')}</option>
            {agenda.map((a) => (
              <option key={a.position} value={a.position}>{a.position}. {a.title}</option>
            ))}
          </select>
        </label>
      </DirectiveFields>
      <div className="toolbar">
        <button type="submit" className="button button--primary">{t('directives.create')}</button>
        <button type="button" className="button" onClick={() => unsaved.discard(onDone)}>{t('common.close')}</button>
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}
