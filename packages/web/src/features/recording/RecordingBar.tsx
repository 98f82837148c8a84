import { can, CodedError, type Identity } from '@pm/shared';
import { ActionError } from '../../components/ActionError';
import { Icon } from '../../components/Icon';
import { useAction } from '../../hooks/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { ChairDirective } from './ChairDirective';
import { useRecordingStatus } from './useRecordingStatus';
import './recording.css';

/**
 * Over every meeting screen: the sign that the meeting is being recorded, which every site shows;
 * for the chair and operators, the recording controls; for the chair, giving a directive.
 */
export function RecordingBar({ meetingId, identity }: { meetingId: string; identity: Identity }) {
  const { t } = useI18n();
  const { status, setStatus, signalling } = useRecordingStatus(meetingId);
  const action = useAction();
  const state = status?.state ?? 'idle';
  const command = (name: 'recording:start' | 'recording:pause' | 'recording:stop') =>
    action.run(async () => {
      if (!signalling) throw new CodedError('MEDIA_UNAVAILABLE', 'not connected yet');
      setStatus(await signalling.request(name, { meetingId }));
    });
  const controls = can(identity.role, 'recording.control');
  return (
    <aside className="recording-bar" aria-label={t('recording.on')}>
      {(state === 'recording' || state === 'paused') && (
        <span
          className={`recording-sign recording-sign--${state}`}
          role="status"
          data-testid="recording-indicator"
          data-state={state}
        >
          <Icon name={state === 'recording' ? 'record' : 'pause'} /> {state === 'recording' ? t('recording.on') : t('recording.paused')}
        </span>
      )}
      {controls && (
        <>
          {state !== 'recording' && (
            <button
              type="button"
              className="button button--small"
              onClick={() => command('recording:start')}
              data-testid="recording-start"
            >
              {t(state === 'paused' ? 'recording.resume' : 'recording.start')}
            </button>
          )}
          {state === 'recording' && (
            <button
              type="button"
              className="button button--small"
              onClick={() => command('recording:pause')}
              data-testid="recording-pause"
            >
              {t('recording.pause')}
            </button>
          )}
          {(state === 'recording' || state === 'paused') && (
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => command('recording:stop')}
              data-testid="recording-stop"
            >
              {t('recording.stop')}
            </button>
          )}
        </>
      )}
      {can(identity.role, 'directives.manage') && <ChairDirective meetingId={meetingId} />}
      <ActionError action={action} />
    </aside>
  );
}
