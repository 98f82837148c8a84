import { ActionError } from '../../../components/ActionError';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingState } from '../hooks/useMeetingState';
import { sameFields, selectOwnFloor, selectPhase } from '../state/selectors';

/** A kiosk's floor: whether the room speaks, its place in the queue, and the button to ask or cancel. */
export function FloorControls() {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const { hasFloor, position } = useMeetingState(selectOwnFloor, sameFields);
  const phase = useMeetingState(selectPhase);
  const action = useAction();
  return (
    <>
      <div
        className={`floor-indicator ${hasFloor ? 'floor-indicator--on' : ''}`}
        data-testid="floor-indicator"
        data-has-floor={hasFloor}
      >
        {hasFloor ? (
          t('meeting.youHaveFloor')
        ) : position > 0 ? (
          // Queued: the room is told its place, not to press the button it already pressed.
          <span className="kiosk__position" data-testid="queue-position">
            {t('kiosk.queued')} <strong>{position}</strong>
          </span>
        ) : (
          t('meeting.muted')
        )}
      </div>
      {!hasFloor &&
        (position > 0 ? (
          <>
            <button type="button" className="button" onClick={() => action.run(connection.cancelFloor)}>
              {t('meeting.cancelRequest')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--primary button--big"
            disabled={phase !== 'live'}
            onClick={() => action.run(connection.requestFloor)}
          >
            {t('meeting.request')}
          </button>
        ))}
      <ActionError action={action} />
    </>
  );
}
