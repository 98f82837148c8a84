import { useEffect, useEffectEvent, useState } from 'react';
import { ActionError } from '../../../components/ActionError';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectPhase } from '../state/selectors';

/** How long the "meeting ended" screen stays before the room is back on its home screen. */
export const RETURN_HOME_MS = 5000;

/**
 * The chair's or operator's "end the meeting": it ends for every room, so it asks first. Closing
 * the page is not this: the meeting goes on without the chair.
 */
export function EndMeetingButton() {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const phase = useMeetingState(selectPhase);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  if (!confirming)
    return (
      <button
        type="button"
        className="button button--danger"
        onClick={() => setConfirming(true)}
        disabled={phase !== 'live'}
        data-testid="meeting-end"
      >
        {t('meeting.end')}
      </button>
    );
  return (
    <div className="end-confirm" role="alertdialog" aria-label={t('meeting.end')} data-testid="meeting-end-confirm">
      <p>{t('meeting.endConfirm')}</p>
      <button
        type="button"
        className="button button--danger"
        onClick={() => action.run(connection.endMeeting)}
        data-testid="meeting-end-yes"
      >
        {t('meeting.endYes')}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
        {t('meeting.endNo')}
      </button>
      <ActionError action={action} />
    </div>
  );
}

/** Every screen once the meeting ended: says so, then goes back to the home screen by itself. */
export function MeetingEnded({ onHome }: { onHome: () => void }) {
  const { t } = useI18n();
  // Counted once from the end: the page re-rendering does not restart the wait.
  const goHome = useEffectEvent(onHome);
  useEffect(() => {
    const timer = setTimeout(() => goHome(), RETURN_HOME_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <section className="meeting-ended" role="status" data-testid="meeting-ended">
      <h1>{t('meeting.ended')}</h1>
      <p>{t('meeting.endedReturning')}</p>
      <button type="button" className="button" onClick={onHome}>
        {t('meeting.goHome')}
      </button>
    </section>
  );
}
