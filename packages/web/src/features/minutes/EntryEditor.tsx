import type { MinutesDocument, MinutesEntry } from '@pm/shared';
import { formatOffset } from '@pm/shared';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { EntryByline } from './EntryByline';
import { EntrySaver, type EntryFields, type SaveStatus } from './entrySaver';
import { detach } from '../../util/detach';

interface EntryEditorProps {
  meetingId: string;
  doc: MinutesDocument;
  /** A saved entry, or the stamp of a new one (its first keystroke creates it). */
  start: { entry: MinutesEntry } | { fields: EntryFields };
  /** The server's latest version of this entry, after a reload. */
  serverEntry?: MinutesEntry | undefined;
  onSaved?: (entry: MinutesEntry) => void;
  /** The person typed into it (a new entry keeps its stamp from then on). */
  onEdit?: () => void;
  /** Someone else changed the entry: the page reloads so the newer version arrives. */
  onConflict: () => void;
  onGiveDirective?: (entry: MinutesEntry) => void;
  onRemove?: (entry: MinutesEntry) => void;
  autoFocus?: boolean;
}

/** One entry of the minutes: its words, agenda item and speaker, saved as they are typed. */
export function EntryEditor(props: EntryEditorProps) {
  const { meetingId, doc, start, serverEntry, onSaved, onEdit, onConflict, onGiveDirective, onRemove, autoFocus } = props;
  const { t } = useI18n();
  const [, rerender] = useState(0);
  const callbacks = useRef({ onSaved, onConflict });
  useLayoutEffect(() => {
    callbacks.current = { onSaved, onConflict };
  });
  const [saver] = useState(
    // eslint-disable-next-line react-hooks/refs -- the saver reads the latest callbacks when a save ends, never during render
    () =>
      new EntrySaver(meetingId, start, (status: SaveStatus, entry) => {
        rerender((n) => n + 1);
        if (status === 'saved' && entry) callbacks.current.onSaved?.(entry);
        if (status === 'conflict') callbacks.current.onConflict();
      }),
  );
  useEffect(() => () => detach(saver.flush().then(() => saver.dispose()), 'saving the entry on leaving'), [saver]);
  useEffect(() => {
    if (serverEntry) saver.serverChanged(serverEntry);
  }, [saver, serverEntry]);

  const change = (fields: Partial<EntryFields>) => {
    saver.update(fields);
    onEdit?.();
  };
  const fields = saver.current;
  const entry = saver.entry;
  return (
    <li className={`entry entry--${saver.status}`} data-testid="minutes-entry" data-entry-id={entry?.id ?? ''}>
      <div className="entry__meta">
        <span className="entry__time">{entry ? formatOffset(entry.offsetMs) : '—'}</span>
        <select aria-label={t('minutes.agenda')} value={fields.agendaPosition ?? ''} onChange={(e) => change({ agendaPosition: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('minutes.agendaNone')}</option>
          {doc.agenda.map((a) => (
            <option key={a.position} value={a.position}>
              {a.position}. {a.title}
            </option>
          ))}
        </select>
        <select aria-label={t('minutes.speaker')} value={fields.speakerSiteId ?? ''} onChange={(e) => change({ speakerSiteId: e.target.value || null, speakerName: null })}>
          <option value="">{t('minutes.speakerNone')}</option>
          {doc.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {!fields.speakerSiteId && (
          <input aria-label={t('minutes.speakerName')} placeholder={t('minutes.speakerName')} value={fields.speakerName ?? ''} onChange={(e) => change({ speakerName: e.target.value || null })} />
        )}
        {entry && <EntryByline entry={entry} />}
        <span className="entry__status" data-testid="entry-status" data-status={saver.status}>
          {t(`minutes.status.${saver.status}`)}
        </span>
      </div>
      <textarea
        className="entry__text"
        aria-label={t('minutes.placeholder')}
        placeholder={t('minutes.placeholder')}
        value={fields.text}
        autoFocus={autoFocus}
        onChange={(e) => change({ text: e.target.value })}
        onBlur={() => detach(saver.flush(), 'saving the entry')}
      />
      {saver.status === 'conflict' && (
        <div className="toolbar" role="alert">
          <button type="button" className="button" onClick={() => detach(saver.keepMine(), 'keeping my version of the entry')}>{t('minutes.keepMine')}</button>
          <button type="button" className="button" onClick={() => saver.takeTheirs()}>{t('minutes.takeTheirs')}</button>
        </div>
      )}
      {entry && (onGiveDirective || onRemove) && (
        <div className="toolbar entry__actions">
          {onGiveDirective && <button type="button" className="button button--small" onClick={() => onGiveDirective(entry)}>{t('minutes.giveDirective')}</button>}
          {onRemove && <button type="button" className="button button--small" onClick={() => onRemove(entry)}>{t('minutes.remove')}</button>}
        </div>
      )}
    </li>
  );
}
