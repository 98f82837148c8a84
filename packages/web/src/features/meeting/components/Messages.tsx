import { MESSAGE_MAX_CHARS, type MeetingMessage, type MessageAudience } from '@pm/shared';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ActionError } from '../../../components/ActionError';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectBannerMessage, selectMessages, selectSites } from '../state/selectors';
import { formatTime } from './siteDisplay';

/**
 * A message for the room, large enough to read from the back of it, until someone puts it away.
 * The kiosk's layout decides where it sits; it takes the width it is given.
 */
export function MessageBanner() {
  const { t, language } = useI18n();
  const connection = useMeetingConnection();
  const message = useMeetingState(selectBannerMessage);
  if (!message) return null;
  return (
    <div className="message-banner" role="alert" data-testid="message-banner">
      <p className="message-banner__text">{message.text}</p>
      <p className="message-banner__from">
        {message.fromName} · {formatTime(Date.parse(message.at), language)}
      </p>
      <button type="button" className="button" onClick={() => connection.seeMessage(message.id)}>
        {t('messages.seen')}
      </button>
    </div>
  );
}

/** The room asks the operators for help in one press; they see which room asked. */
export function HelpRequestButton() {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const [sent, setSent] = useState(false);
  const action = useAction();
  return (
    <div className="help-request">
      <button
        type="button"
        className="button"
        onClick={() => action.run(() => connection.sendMessage({ kind: 'staff' }, t('messages.helpText')), () => setSent(true))}
        data-testid="help-request"
      >
        {t('messages.help')}
      </button>
      {sent && <span role="status">{t('messages.helpSent')}</span>}
      <ActionError action={action} />
    </div>
  );
}

/** Decodes an audience from one select value: "all", "staff", "group:<id>" or "site:<id>". */
function audienceOf(value: string): MessageAudience {
  const [kind, id] = value.split(/:(.*)/s) as [string, string | undefined];
  if (kind === 'group' && id) return { kind, groupId: id };
  if (kind === 'site' && id) return { kind, siteId: id };
  return kind === 'staff' ? { kind } : { kind: 'all' };
}

/** Whom a message went to, in words. */
function audienceName(to: MessageAudience, sites: Record<string, { name: string; groupId: string; groupName: string }>, t: (key: 'messages.toAll' | 'messages.toStaff') => string): string {
  if (to.kind === 'site') return sites[to.siteId]?.name ?? to.siteId;
  if (to.kind === 'group') return Object.values(sites).find((s) => s.groupId === to.groupId)?.groupName ?? to.groupId;
  return to.kind === 'all' ? t('messages.toAll') : t('messages.toStaff');
}

/**
 * The operator's messages: write to a room, a district's rooms or all; read every message, help
 * requests marked. `to` (an audience as `audienceOf` reads it) is the wall's, so a tile can set it;
 * each new `writeRequest` (a tile's "write" pressed) brings the form into view with the cursor in
 * its text box: on a 1366×768 screen it may sit below the fold.
 */
export function MessagePanel({ to, onToChange, writeRequest = 0 }: { to: string; onToChange: (to: string) => void; writeRequest?: number }) {
  const { t, language } = useI18n();
  const connection = useMeetingConnection();
  const messages = useMeetingState(selectMessages);
  const sites = useMeetingState(selectSites);
  const [text, setText] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const textBox = useRef<HTMLInputElement>(null);
  const action = useAction();
  useEffect(() => {
    if (writeRequest === 0) return;
    form.current?.scrollIntoView({ block: 'nearest' });
    textBox.current?.focus({ preventScroll: true });
  }, [writeRequest]);
  const groups = useMemo(
    () => [...new Map(Object.values(sites).map((s) => [s.groupId, s.groupName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')),
    [sites],
  );
  const siteList = useMemo(() => Object.values(sites).sort((a, b) => a.name.localeCompare(b.name, 'vi')), [sites]);
  const send = (event: FormEvent) => {
    event.preventDefault();
    action.run(() => connection.sendMessage(audienceOf(to), text), () => setText(''));
  };
  return (
    <section className="panel messages" aria-labelledby="messages-heading" data-testid="message-panel">
      <h2 id="messages-heading">{t('messages.heading')}</h2>
      <form ref={form} className="messages__form" onSubmit={send}>
        <select value={to} onChange={(e) => onToChange(e.target.value)} aria-label={t('messages.to')}>
          <option value="all">{t('messages.toAll')}</option>
          <option value="staff">{t('messages.toStaff')}</option>
          <optgroup label={t('wall.filterGroup')}>
            {groups.map(([id, name]) => (
              <option key={id} value={`group:${id}`}>
                {name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('meeting.sites')}>
            {siteList.map((s) => (
              <option key={s.siteId} value={`site:${s.siteId}`}>
                {s.name}
              </option>
            ))}
          </optgroup>
        </select>
        <input
          ref={textBox}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={MESSAGE_MAX_CHARS}
          placeholder={t('messages.placeholder')}
          aria-label={t('messages.text')}
          required
        />
        <button type="submit" className="button button--primary" disabled={!text.trim()}>
          {t('messages.send')}
        </button>
      </form>
      <ActionError action={action} />
      <ul className="messages__log">
        {messages.map((m: MeetingMessage) => (
          <li key={m.id} className={m.fromSiteId ? 'messages__item messages__item--help' : 'messages__item'} data-from-site={m.fromSiteId ?? undefined}>
            <small>
              {formatTime(Date.parse(m.at), language)} · {m.fromName} → {audienceName(m.to, sites, t)}
            </small>
            <span>{m.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
