import { ActionError } from '../../../components/ActionError';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { VideoView } from '../../../media/VideoView';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingState } from '../hooks/useMeetingState';
import { selectMayPresent, selectPhase, selectPresenting } from '../state/selectors';

/**
 * Present the screen, or stop: the chair at any time, a room while it holds the floor or the chair
 * invited it (the button is not shown otherwise). While presenting, a preview of what is shared,
 * so the presenter sees what every room sees before its picture comes back through the programme.
 */
export function PresentationControls() {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const presenting = useMeetingState(selectPresenting);
  const mayPresent = useMeetingState(selectMayPresent);
  const phase = useMeetingState(selectPhase);
  const action = useAction();
  if (!mayPresent && !presenting) return null;
  return (
    <div className="presentation">
      <div className="toolbar">
        <button
          type="button"
          className={presenting ? 'button button--danger' : 'button button--primary'}
          data-testid="presentation-toggle"
          onClick={() => action.run(presenting ? connection.stopPresentation : connection.startPresentation)}
          disabled={phase !== 'live'}
        >
          {presenting ? t('meeting.stopPresenting') : t('meeting.present')}
        </button>
        <ActionError action={action} />
      </div>
      {presenting && (
        <figure className="presentation__preview">
          <VideoView stream={connection.presented} muted testId="presentation-preview" />
          <figcaption>{t('meeting.presentingPreview')}</figcaption>
        </figure>
      )}
    </div>
  );
}
