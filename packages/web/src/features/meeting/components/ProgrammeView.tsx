import { useI18n } from '../../../i18n/I18nProvider';
import { VideoView } from '../../../media/VideoView';
import { useMeetingConnection } from '../hooks/meetingContext';
import { useMeetingState } from '../hooks/useMeetingState';
import {
  sameItems,
  selectLocalStreamVersion,
  selectProgramme,
  selectProgrammeAudio,
  selectProgrammeVideo,
  selectRole,
} from '../state/selectors';
import { ConsumerAudio, ConsumerVideo } from './MediaViews';

/**
 * The programme as a room receives it: the programme video (or, on the chair's own console, its
 * own hall camera when the chair is on programme) and the programme audio.
 */
export function ProgrammeView({ large }: { large?: boolean }) {
  const { t } = useI18n();
  const connection = useMeetingConnection();
  const video = useMeetingState(selectProgrammeVideo);
  const audio = useMeetingState(selectProgrammeAudio, sameItems);
  const programme = useMeetingState(selectProgramme);
  const chairSelf = useMeetingState(selectRole) === 'chair' && !programme.videoSiteId;
  // Read for its change alone: the chair's own camera is shown from the moment it opens.
  useMeetingState(selectLocalStreamVersion);
  return (
    <figure className={large ? 'programme programme--large' : 'programme'}>
      {chairSelf ? (
        <VideoView stream={connection.local} muted testId="programme-video" />
      ) : (
        <ConsumerVideo consumerId={video} testId="programme-video" />
      )}
      <figcaption className="programme__caption" data-testid="programme-caption">
        {programme.videoSiteName ? `${t('meeting.programme.site')} ${programme.videoSiteName}` : t('meeting.programme.chair')}
      </figcaption>
      {audio.map((consumerId) => (
        <ConsumerAudio key={consumerId} consumerId={consumerId} />
      ))}
    </figure>
  );
}
