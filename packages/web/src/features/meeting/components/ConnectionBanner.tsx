import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectError, selectPhase, selectReconnectedAt } from '../state/selectors';

const RECONNECTED_NOTICE_MS = 4000;

/** Tells the room, in words, whether it is connected; no log reading needed. */
export function ConnectionBanner() {
  const { t, errorText } = useI18n();
  const phase = useMeetingState(selectPhase);
  const error = useMeetingState(selectError);
  const reconnectedAt = useMeetingState(selectReconnectedAt);
  // The notice of a reconnection stays up a few seconds, then the banner goes.
  const [noticeShownFor, setNoticeShownFor] = useState<number>();
  useEffect(() => {
    if (!reconnectedAt) return;
    const timer = setTimeout(() => setNoticeShownFor(reconnectedAt), RECONNECTED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [reconnectedAt]);

  if (phase === 'connecting')
    return (
      <p className="notice" role="status">
        {t('meeting.connecting')}
      </p>
    );
  if (phase === 'reconnecting')
    return (
      <p className="notice notice--warn" role="status" data-testid="reconnecting">
        {t('meeting.reconnecting')}
      </p>
    );
  if (phase === 'ended')
    return (
      <p className="notice" role="status">
        {t('meeting.ended')}
      </p>
    );
  if (phase === 'failed')
    return (
      <p className="notice notice--error" role="alert">
        {t('meeting.failed')} {errorText(error)}
      </p>
    );
  if (reconnectedAt !== undefined && noticeShownFor !== reconnectedAt)
    return (
      <p className="notice notice--ok" role="status">
        {t('meeting.reconnected')}
      </p>
    );
  return null;
}
