import type { DirectivePriority, MinutesDocument, MinutesEntry } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../api/apiClient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/I18nProvider';
import { useApiResource } from '../attendance/useApiResource';
import { UnitChecks } from './UnitChecks';

const priorities: DirectivePriority[] = ['NORMAL', 'HIGH', 'URGENT'];

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
  const [content, setContent] = useState(fromEntry?.text ?? '');
  const [responsible, setResponsible] = useState<string[]>([]);
  const [coordinating, setCoordinating] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const [priority, setPriority] = useState<DirectivePriority>('NORMAL');
  const [agendaPosition, setAgendaPosition] = useState(defaultAgenda);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await callApi('directives.create', {
        params: { id: meetingId },
        body: {
          content,
          responsibleUnitIds: responsible,
          coordinatingUnitIds: coordinating,
          deadline,
          priority,
          agendaPosition,
          minutesEntryId: fromEntry?.id ?? null,
        },
      });
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form className="form panel directive-form" onSubmit={(e) => void submit(e)} aria-label={t('directives.new')}>
      <h2>{t('directives.new')}</h2>
      <label>
        {t('directives.content')}
        <textarea required value={content} onChange={(e) => setContent(e.target.value)} />
      </label>
      <UnitChecks label={t('directives.responsible')} units={units} selected={responsible} onChange={setResponsible} testId="responsible-units" />
      <UnitChecks label={t('directives.coordinating')} units={units} selected={coordinating} onChange={setCoordinating} testId="coordinating-units" />
      <div className="form__row">
        <label>
          {t('directives.deadline')}
          <input type="date" required value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </label>
        <label>
          {t('directives.priority')}
          <select value={priority} onChange={(e) => setPriority(e.target.value as DirectivePriority)}>
            {priorities.map((p) => (
              <option key={p} value={p}>{t(`directives.priority.${p}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('minutes.agenda')}
          <select value={agendaPosition ?? ''} onChange={(e) => setAgendaPosition(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('minutes.agendaNone')}</option>
            {agenda.map((a) => (
              <option key={a.position} value={a.position}>{a.position}. {a.title}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="toolbar">
        <button type="submit" className="button button--primary">{t('directives.create')}</button>
        <button type="button" className="button" onClick={onDone}>{t('common.close')}</button>
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}
