import { meetingOverAt } from '@pm/shared';
import { useEffect } from 'react';
import { ActionError } from '../../components/ActionError';
import { LevelMeter } from '../../components/LevelMeter';
import { Link } from '../../components/Link';
import { useAction } from '../../hooks/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/vi';
import { loadDevicePreferences } from '../../media/devicePreferences';
import { cameraNeedsHttps, InsecurePageNotice } from '../../media/insecurePage';
import { VideoView } from '../../media/VideoView';
import { useMeetings, useNow } from '../schedule/useMeetings';
import { DeviceChoice } from './DeviceChoice';
import { DeviceError, type StepState } from './technicalCheck';
import { playTestSound } from './testSound';
import { useReportCheck } from './useReportCheck';
import { useRelayAvailable } from './useRelayAvailable';
import { useTechnicalCheck } from './useTechnicalCheck';

const steps = [
  ['devices', 'check.step.devices'],
  ['server', 'check.step.server'],
  ['media', 'check.step.media'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

export function CheckPage() {
  const { t, errorText } = useI18n();
  const { state, start, stop, running } = useTechnicalCheck();
  const relayAvailable = useRelayAvailable();
  useReportCheck(state);
  const allGood = state.devices === 'ok' && state.server === 'ok' && state.media === 'ok';
  const insecure = cameraNeedsHttps();
  const sound = useAction();
  // The check starts by itself: a room opening this page wants it run, not a button to find.
  useEffect(() => {
    if (!insecure) start();
  }, [insecure, start]);

  return (
    <section className="check" aria-labelledby="check-heading">
      <h1 id="check-heading">{t('check.heading')}</h1>
      {insecure && <InsecurePageNotice />}
      {/* The verdict and the way into the meeting first: below the pictures they were under a laptop's fold. */}
      {allGood && <p className="notice notice--ok" role="status">{t('check.allGood')}</p>}
      <OpenMeetingLink />
      <div className="check__videos">
        <figure>
          <VideoView stream={state.localStream} muted testId="local-video" />
          <figcaption>{t('check.local')}</figcaption>
        </figure>
        <figure>
          <VideoView stream={state.returnedStream} muted testId="returned-video" />
          <figcaption>{t('check.returned')}</figcaption>
        </figure>
      </div>
      <LevelMeter stream={state.localStream} label={t('check.micLevel')} />
      <DeviceChoice ready={state.devices === 'ok'} onChange={() => running && start()} />
      <p className="toolbar">
        <button
          type="button"
          className="button"
          onClick={() => sound.run(() => playTestSound(loadDevicePreferences().speakerId))}
          data-testid="test-sound"
        >
          {t('check.testSound')}
        </button>
        <span>{t('check.testSoundHint')}</span>
      </p>
      <ActionError action={sound} />
      <ol className="check__steps">
        {steps.map(([key, label]) => (
          <li key={key} data-testid={`step-${key}`} data-state={state[key]}>
            <span className={`badge badge--${state[key]}`}>{stateText(t, state[key])}</span> {t(label)}
          </li>
        ))}
      </ol>
      <dl className="check__figures">
        <dt>{t('check.framesDecoded')}</dt>
        <dd data-testid="frames-decoded">{state.framesDecoded}</dd>
        <dt>{t('check.roundTrip')}</dt>
        <dd data-testid="round-trip">{state.roundTripMs === undefined ? '—' : `${state.roundTripMs} ms`}</dd>
        <dt>{t('check.path')}</dt>
        <dd data-testid="connection-path" data-path={state.path ?? ''}>
          {state.path === undefined ? '—' : t(`check.path.${state.path}`)}
        </dd>
      </dl>
      {state.reconnecting && <p className="notice" role="status">{t('check.reconnecting')}</p>}
      {state.error !== undefined && (
        <p className="notice notice--error" role="alert">
          {state.error instanceof DeviceError ? t('error.devices') : errorText(state.error)}
        </p>
      )}
      <button type="button" className="button button--primary" disabled={insecure} onClick={running ? stop : () => start()}>
        {running ? t('check.stop') : t('check.start')}
      </button>
      {relayAvailable && (
        <button type="button" className="button" disabled={insecure} onClick={() => start(true)}>
          {t('check.startRelay')}
        </button>
      )}
    </section>
  );
}

function stateText(t: (key: MessageKey) => string, state: StepState): string {
  return t(`check.state.${state}`);
}

/** The way from the check into the meeting whose check-in is open now, if there is one. */
function OpenMeetingLink() {
  const { t } = useI18n();
  const { meetings } = useMeetings(false);
  const now = useNow(10_000);
  const open = meetings?.find((m) => Date.parse(m.checkInOpensAt) <= now && now < meetingOverAt(m));
  if (!open) return null;
  return (
    <p className="check__join">
      <Link href={`/meeting/${encodeURIComponent(open.id)}`} className="button button--primary button--big" data-testid="check-join">
        {t('home.join')}: {open.title}
      </Link>
    </p>
  );
}
