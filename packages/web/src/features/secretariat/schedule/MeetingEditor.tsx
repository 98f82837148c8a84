import { type MeetingKind, type ScheduledMeetingDetail } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../../api/apiClient';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Link, navigateTo } from '../../../components/Link';
import { fromLocalInput, toLocalInput } from '../../../i18n/dates';
import { useUnsavedChanges } from '../../../hooks/useUnsavedChanges';
import { useI18n } from '../../../i18n/I18nProvider';
import { detach } from '../../../util/detach';
import { AgendaEditor, type AgendaDraft } from './AgendaEditor';
import { CancelMeeting } from './CancelMeeting';
import { OverlapWarning } from './OverlapWarning';
import { SitePicker } from './SitePicker';
import { useEditorData, type EditorData } from './useEditorData';
import { DateTimeField } from '../../../components/DateFields';

const KINDS: MeetingKind[] = ['REGULAR', 'EXTRAORDINARY', 'THEMATIC'];

interface Draft {
  title: string;
  kind: MeetingKind;
  chairUserId: string;
  /** datetime-local values, in the province's time. */
  startsAt: string;
  endsAt: string;
  agenda: AgendaDraft[];
  siteIds: Set<string>;
  repeat: 'NONE' | 'WEEKLY' | 'MONTHLY';
  count: number;
}

function draftOf(meeting: ScheduledMeetingDetail | undefined): Draft {
  if (meeting) {
    return {
      title: meeting.title,
      kind: meeting.kind,
      chairUserId: meeting.chair?.id ?? '',
      startsAt: toLocalInput(meeting.startsAt),
      endsAt: toLocalInput(meeting.endsAt),
      agenda: meeting.agenda.map(({ title, presentingUnitId, plannedMinutes }) => ({ title, presentingUnitId, plannedMinutes })),
      siteIds: new Set(meeting.sites.map((s) => s.id)),
      repeat: 'NONE',
      count: 4,
    };
  }
  const tomorrow = toLocalInput(new Date(Date.now() + 86_400_000).toISOString()).slice(0, 10);
  return { title: '', kind: 'REGULAR', chairUserId: '', startsAt: `${tomorrow}T08:00`, endsAt: `${tomorrow}T11:00`, agenda: [], siteIds: new Set(), repeat: 'NONE', count: 4 };
}

/** `/secretariat/meetings/new` and `/secretariat/meetings/:id`: schedule or edit a meeting. */
export function MeetingEditor({ meetingId }: { meetingId: string | undefined }) {
  const { t } = useI18n();
  const { data, error } = useEditorData(meetingId);
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (!data) return <p className="notice">{t('common.loading')}</p>;
  return <MeetingForm data={data} />;
}

/** The draft as compared for unsaved changes (a Set compares by identity). */
const draftKey = (draft: Draft) => JSON.stringify({ ...draft, siteIds: [...draft.siteIds].sort() });

function MeetingForm({ data }: { data: EditorData }) {
  const { t } = useI18n();
  const editing = data.meeting;
  const [draft, setDraft] = useState(() => draftOf(editing));
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ title: string; occurrences: number }>();
  // Leaving with unsaved changes (a link, the header, "Hủy", closing the tab) asks first.
  const unsaved = useUnsavedChanges(draft, draftKey);
  const cancel = () => navigateTo('/');
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const startsAt = draft.startsAt ? fromLocalInput(draft.startsAt) : undefined;
  const endsAt = draft.endsAt ? fromLocalInput(draft.endsAt) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    const body = {
      title: draft.title,
      kind: draft.kind,
      chairUserId: draft.chairUserId || null,
      startsAt: startsAt ?? '',
      endsAt: endsAt ?? '',
      agenda: draft.agenda,
      siteIds: [...draft.siteIds],
    };
    try {
      const result = editing
        ? await callApi('meetings.update', { params: { id: editing.id }, body })
        : await callApi('meetings.create', { body: { ...body, ...(draft.repeat === 'NONE' ? {} : { recurrence: { frequency: draft.repeat, count: draft.count } }) } });
      unsaved.saved(draft);
      setSaved({ title: result.meeting.title, occurrences: result.occurrences.length });
    } catch (failure) {
      setError(failure);
      setSaving(false);
    }
  };

  if (editing?.status === 'CANCELLED') return <p className="notice notice--warn">{t('schedule.cancelled')}: {editing.cancelReason}</p>;
  if (saved) {
    return (
      <section aria-labelledby="editor-heading">
        <h1 id="editor-heading">{t(editing ? 'editor.editHeading' : 'editor.newHeading')}</h1>
        <p className="notice notice--ok" role="status" data-testid="editor-saved">
          {t(editing ? 'editor.saved' : 'editor.created')}: <strong>{saved.title}</strong>
          {saved.occurrences > 1 && ` (${saved.occurrences} ${t('editor.occurrences')})`}
        </p>
        <Link href="/" className="button button--primary">
          {t('editor.backToList')}
        </Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="editor-heading">
      <h1 id="editor-heading">{t(editing ? 'editor.editHeading' : 'editor.newHeading')}</h1>
      <form className="form editor" onSubmit={(e) => detach(submit(e), 'saving the meeting')}>
        <label>
          {t('editor.title')}
          <input value={draft.title} required minLength={3} onChange={(e) => set({ title: e.target.value })} />
        </label>
        <div className="form__row">
          <label>
            {t('editor.kind')}
            <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as MeetingKind })}>
              {KINDS.map((kind) => <option key={kind} value={kind}>{t(`kind.${kind}`)}</option>)}
            </select>
          </label>
          <label>
            {t('schedule.chair')}
            <select value={draft.chairUserId} onChange={(e) => set({ chairUserId: e.target.value })}>
              <option value="">—</option>
              {data.chairs.map((chair) => <option key={chair.id} value={chair.id}>{chair.displayName}</option>)}
            </select>
          </label>
          <label>
            {t('editor.startsAt')}
            <DateTimeField value={draft.startsAt} required onChange={(startsAt) => set({ startsAt })} />
          </label>
          <label>
            {t('editor.endsAt')}
            <DateTimeField value={draft.endsAt} required onChange={(endsAt) => set({ endsAt })} />
          </label>
        </div>
        {!editing && (
          <div className="form__row">
            <label>
              {t('editor.repeat')}
              <select value={draft.repeat} onChange={(e) => set({ repeat: e.target.value as Draft['repeat'] })}>
                <option value="NONE">{t('editor.repeatNone')}</option>
                <option value="WEEKLY">{t('editor.repeatWeekly')}</option>
                <option value="MONTHLY">{t('editor.repeatMonthly')}</option>
              </select>
            </label>
            {draft.repeat !== 'NONE' && (
              <label>
                {t('editor.count')}
                <input type="number" min={2} max={52} value={draft.count} onChange={(e) => set({ count: Number(e.target.value) })} />
              </label>
            )}
          </div>
        )}
        <AgendaEditor items={draft.agenda} units={data.units} onChange={(agenda) => set({ agenda })} />
        <SitePicker units={data.units} sites={data.sites} groups={data.groups} selected={draft.siteIds} onChange={(siteIds) => set({ siteIds })} />
        <OverlapWarning startsAt={startsAt} endsAt={endsAt} siteIds={draft.siteIds} meetingId={editing?.id} />
        <ErrorNotice error={error} />
        <div className="toolbar">
          <button type="submit" className="button button--primary" disabled={saving}>
            {t(editing ? 'editor.save' : 'editor.create')}
          </button>
          <button type="button" className="button" onClick={cancel} data-testid="editor-cancel">
            {t('editor.cancel')}
          </button>
        </div>
      </form>
      {editing && <CancelMeeting meeting={editing} />}
    </section>
  );
}
