import type { ServerEventPayload } from '@pm/shared';
import { useEffect, useState } from 'react';
import { Link, navigateTo } from '../../components/Link';
import { formatTime } from '../../i18n/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { SignallingClient } from '../../signalling/signallingClient';
import { kioskModeOn } from '../meeting/hooks/useKioskMode';

type CallBack = ServerEventPayload<'meeting:callBack'>;

const meetingPath = (meetingId: string) => `/meeting/${encodeURIComponent(meetingId)}`;

/**
 * The staff call the room back into a meeting it left or dropped out of (the operator's "Mời vào
 * lại"): shown large on the home screen with the way in. An unattended kiosk (full-screen kiosk
 * mode) goes in by itself, since nobody is there to press the button.
 */
export function CallBackNotice() {
  const { t, language } = useI18n();
  const [call, setCall] = useState<CallBack | null>(null);
  useEffect(() => {
    const signalling = new SignallingClient();
    const stop = signalling.on('meeting:callBack', (payload) => {
      if (kioskModeOn()) navigateTo(meetingPath(payload.meetingId));
      else setCall(payload);
    });
    return () => {
      stop();
      signalling.close();
    };
  }, []);
  if (!call) return null;
  return (
    <section className="call-back" role="alertdialog" aria-labelledby="call-back-heading" data-testid="call-back">
      <h2 id="call-back-heading">{t('kioskHome.callBack')}</h2>
      <p className="call-back__title">{call.title}</p>
      <p>
        {call.message.fromName} · {formatTime(call.message.at, language)}
      </p>
      <div className="toolbar">
        <Link href={meetingPath(call.meetingId)} className="button button--primary button--big" data-testid="call-back-join">
          {t('kioskHome.callBackJoin')}
        </Link>
        <button type="button" className="button" onClick={() => setCall(null)}>
          {t('kioskHome.callBackLater')}
        </button>
      </div>
    </section>
  );
}
