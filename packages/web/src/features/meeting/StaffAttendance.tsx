import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { MeetingConnection, MeetingViewState } from './meetingConnection';
import { formatTime } from './siteDisplay';
import { useCountdown } from './useCountdown';

const DURATIONS = [30, 60, 120, 300];

/** The operator's roll call: start one, watch the confirmations come in. */
export function RollCallPanel({ connection, state }: { connection: MeetingConnection; state: MeetingViewState }) {
  const { t, errorText } = useI18n();
  const [duration, setDuration] = useState(60);
  const [error, setError] = useState<unknown>();
  const rollCall = state.rollCall;
  const remaining = useCountdown(rollCall?.deadline);
  const open = !!rollCall && !rollCall.closed && remaining > 0;
  const invited = Object.keys(state.sites).length;
  const confirmed = rollCall ? Object.keys(rollCall.confirmed).length : 0;
  return (
    <section className="panel" aria-labelledby="rollcall-heading">
      <h2 id="rollcall-heading">{t('rollcall.start')}</h2>
      {rollCall && (
        <p data-testid="rollcall-progress">
          {open ? t('rollcall.progress') : t('rollcall.closed')}: <strong>{confirmed}</strong>/{invited}
          {open && ` · ${t('rollcall.remaining')} ${remaining} ${t('rollcall.seconds')}`}
        </p>
      )}
      {!open && (
        <div className="toolbar">
          <label>
            {t('rollcall.duration')}{' '}
            <select value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
              {DURATIONS.map((d) => (
                <option key={d} value={d}>
                  {d} {t('rollcall.seconds')}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--primary" onClick={() => connection.startRollCall(duration).catch(setError)}>
            {t('rollcall.start')}
          </button>
        </div>
      )}
      {error !== undefined && <p role="alert">{errorText(error)}</p>}
    </section>
  );
}

/** Sites that degraded, dropped or recovered, newest first, until someone has seen them. */
export function AlertList({ connection, state }: { connection: MeetingConnection; state: MeetingViewState }) {
  const { t, language } = useI18n();
  if (state.alerts.length === 0) return null;
  return (
    <section className="panel alerts" aria-live="polite" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('alerts.heading')}</h2>
      <ul>
        {state.alerts.map((alert) => (
          <li key={`${alert.siteId}-${alert.at}`} className={`alert alert--${alert.kind}`}>
            {formatTime(alert.at, language)} · <strong>{alert.siteName}</strong>: {t(`alerts.${alert.kind}`)}{' '}
            <button type="button" className="button button--small" onClick={() => connection.dismissAlert(alert)}>
              {t('alerts.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
