import { useI18n } from '../../i18n/I18nProvider';
import { VideoView } from '../../media/VideoView';
import { ConsumerAudio, ConsumerVideo } from './MediaViews';
import type { MeetingConnection, MeetingViewState } from './meetingConnection';

/**
 * The programme as a room receives it: the programme video (or, on the chair's own console, its
 * own hall camera when the chair is on programme) and the programme audio.
 */
export function ProgrammeView({
  connection,
  state,
  large,
}: {
  connection: MeetingConnection;
  state: MeetingViewState;
  large?: boolean;
}) {
  const { t } = useI18n();
  const video = state.received.find((r) => r.purpose === 'programme-video');
  const audio = state.received.filter((r) => r.purpose === 'programme-audio');
  const chairSelf = state.summary?.role === 'chair' && !state.programme.videoSiteId;
  return (
    <figure className={large ? 'programme programme--large' : 'programme'}>
      {chairSelf ? (
        <VideoView stream={connection.local} muted testId="programme-video" />
      ) : (
        <ConsumerVideo connection={connection} consumerId={video?.consumerId} testId="programme-video" />
      )}
      <figcaption className="programme__caption" data-testid="programme-caption">
        {state.programme.videoSiteName
          ? `${t('meeting.programme.site')} ${state.programme.videoSiteName}`
          : t('meeting.programme.chair')}
      </figcaption>
      {audio.map((a) => (
        <ConsumerAudio key={a.consumerId} connection={connection} consumerId={a.consumerId} />
      ))}
    </figure>
  );
}
