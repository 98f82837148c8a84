import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { MeetingViewState } from './meetingConnection';

/** Tells the room, in words, whether it is connected; no log reading needed. */
export function ConnectionBanner({ state }: { state: MeetingViewState }) {
  const { t, errorText } = useI18n();
  const [showReconnected, setShowReconnected] = useState(false);
  useEffect(() => {
    if (!state.reconnectedAt) return;
    setShowReconnected(true);
    const timer = setTimeout(() => setShowReconnected(false), 4000);
    return () => clearTimeout(timer);
  }, [state.reconnectedAt]);

  if (state.phase === 'connecting') return <p className="notice" role="status">{t('meeting.connecting')}</p>;
  if (state.phase === 'reconnecting')
    return <p className="notice notice--warn" role="status" data-testid="reconnecting">{t('meeting.reconnecting')}</p>;
  if (state.phase === 'ended') return <p className="notice" role="status">{t('meeting.ended')}</p>;
  if (state.phase === 'failed')
    return (
      <p className="notice notice--error" role="alert">
        {t('meeting.failed')} {errorText(state.error)}
      </p>
    );
  if (showReconnected) return <p className="notice notice--ok" role="status">{t('meeting.reconnected')}</p>;
  return null;
}
