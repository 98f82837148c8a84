import type { SiteStatus } from '@pm/shared';
import { useState } from 'react';
import { ActionError } from '../../../components/ActionError';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useCountdown } from '../hooks/useCountdown';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectAlerts, selectInvitedCount, selectRollCall, selectSites, unansweredSites } from '../state/selectors';
import { formatTime } from './siteDisplay';

const DURATIONS = [30, 60, 120, 300];

/** The operator's roll call: start one, watch the confirmations come in, see who has not answered. */
export function RollCallPanel() {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const rollCall = useMeetingState(selectRollCall);
  const invited = useMeetingState(selectInvitedCount);
  const sites = useMeetingState(selectSites);
  const [duration, setDuration] = useState(60);
  const action = useAction();
  const remaining = useCountdown(rollCall?.deadline);
  const open = !!rollCall && !rollCall.closed && remaining > 0;
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
      {rollCall && <UnansweredList sites={unansweredSites(sites, rollCall)} />}
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
          <button
            type="button"
            className="button button--primary"
            onClick={() => action.run(() => connection.startRollCall(duration))}
          >
            {t('rollcall.start')}
          </button>
        </div>
      )}
      <ActionError action={action} />
    </section>
  );
}

/** The sites still to answer the roll call, so the operator can call them. */
function UnansweredList({ sites }: { sites: SiteStatus[] }) {
  const { t } = useI18n();
  if (sites.length === 0) return <p>{t('rollcall.allAnswered')}</p>;
  return (
    <details className="rollcall__unanswered" open data-testid="rollcall-unanswered">
      <summary>
        {t('rollcall.unanswered')}: {sites.length}
      </summary>
      <ul>
        {sites.map((site) => (
          <li key={site.siteId}>{site.name}</li>
        ))}
      </ul>
    </details>
  );
}

/** Sites that degraded, dropped or recovered, newest first, until someone has seen them. */
export function AlertList() {
  const { t, language } = useI18n();
  const connection = useMeetingConnection();
  const alerts = useMeetingState(selectAlerts);
  if (alerts.length === 0) return null;
  return (
    <section className="panel alerts" aria-live="polite" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('alerts.heading')}</h2>
      <ul>
        {alerts.map((alert) => (
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
