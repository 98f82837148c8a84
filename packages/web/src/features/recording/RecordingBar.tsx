import { can, CodedError, type Identity, type RecordingStatus } from '@pm/shared';
import { useEffect, useState } from 'react';
import { ActionError } from '../../components/ActionError';
import { Icon } from '../../components/Icon';
import { useAction } from '../../hooks/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { ChairDirective } from './ChairDirective';
import { formatElapsed, recordedMs } from './recordingClock';
import { useRecordingStatus } from './useRecordingStatus';
import './recording.css';

/** The recorded time, ticking each second while it records. */
function RecordedTime({ status, receivedAt }: { status: RecordingStatus; receivedAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.state !== 'recording') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [status.state]);
  return (
    <span className="recording-time" data-testid="recording-elapsed">
      {formatElapsed(recordedMs(status, receivedAt, Math.max(now, receivedAt)))}
    </span>
  );
}

/**
 * Above every meeting screen, in the page's flow (it never covers the console's controls): the
 * sign that the meeting is being recorded, which every site shows, with the time recorded; for the
 * chair and operators, start and stop in plain sight (a stop is confirmed: it ends the recording),
 * and word when the recording is ready for review; for the chair, giving a directive.
 */
export function RecordingBar({ meetingId, identity }: { meetingId: string; identity: Identity }) {
  const { t } = useI18n();
  const { status, receivedAt, setStatus, signalling } = useRecordingStatus(meetingId);
  const [confirmingStop, setConfirmingStop] = useState(false);
  const action = useAction();
  const state = status?.state ?? 'idle';
  const command = (name: 'recording:start' | 'recording:pause' | 'recording:stop') =>
    action.run(async () => {
      if (!signalling) throw new CodedError('MEDIA_UNAVAILABLE', 'not connected yet');
      setStatus(await signalling.request(name, { meetingId }));
    });
  const controls = can(identity.role, 'recording.control');
  const running = state === 'recording' || state === 'paused';
  return (
    <aside className="recording-bar" aria-label={t('recording.on')}>
      {status && running && (
        <span className={`recording-sign recording-sign--${state}`} role="status" data-testid="recording-indicator" data-state={state}>
          <Icon name={state === 'recording' ? 'record' : 'pause'} /> {state === 'recording' ? t('recording.on') : t('recording.paused')}{' '}
          <RecordedTime status={status} receivedAt={receivedAt} />
        </span>
      )}
      {controls && status && state === 'stopped' && (
        <span className="recording-done" role="status" data-testid="recording-ready" data-playable={status.playable}>
          {status.playable ? (
            <>
              {t('recording.ready')}{' '}
              {/* Opens beside the meeting: following it here would leave the meeting. */}
              <a href={`/meetings/${meetingId}/review`} target="_blank" rel="noreferrer">
                {t('recording.review')}
              </a>
            </>
          ) : (
            t('recording.finishing')
          )}
        </span>
      )}
      {controls && !confirmingStop && (
        <>
          {state !== 'recording' && (
            <button type="button" className="button button--record" onClick={() => command('recording:start')} data-testid="recording-start">
              ● {t(state === 'paused' ? 'recording.resume' : 'recording.start')}
            </button>
          )}
          {state === 'recording' && (
            <button type="button" className="button" onClick={() => command('recording:pause')} data-testid="recording-pause">
              {t('recording.pause')}
            </button>
          )}
          {running && (
            <button type="button" className="button button--danger" onClick={() => setConfirmingStop(true)} data-testid="recording-stop">
              ■ {t('recording.stop')}
            </button>
          )}
        </>
      )}
      {controls && confirmingStop && (
        <span className="recording-confirm" role="alertdialog" aria-label={t('recording.stop')}>
          {t('recording.stopConfirm')}{' '}
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setConfirmingStop(false);
              command('recording:stop');
            }}
            data-testid="recording-stop-yes"
          >
            {t('recording.stop')}
          </button>
          <button type="button" className="button" onClick={() => setConfirmingStop(false)} autoFocus>
            {t('recording.keepRecording')}
          </button>
        </span>
      )}
      {can(identity.role, 'directives.manage') && <ChairDirective meetingId={meetingId} />}
      <ActionError action={action} />
    </aside>
  );
}
