import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingState } from '../hooks/useMeetingState';
import { sameItems, selectOnProgramme, selectProgramme, selectProgrammeAudio, selectProgrammeVideo } from '../state/selectors';
import { ConsumerAudio, ConsumerVideo } from './MediaViews';

/**
 * The programme as a room receives it, the same on every screen (the chair's console shows what
 * the rooms see): its picture and its voices. The room whose camera is on the programme watches
 * the return picture instead (the chair, or the programme before it), never itself.
 */
export function ProgrammeView({ large, volume }: { large?: boolean; volume?: number }) {
  const { t } = useI18n();
  const video = useMeetingState(selectProgrammeVideo);
  const audio = useMeetingState(selectProgrammeAudio, sameItems);
  const programme = useMeetingState(selectProgramme);
  const onProgramme = useMeetingState(selectOnProgramme);
  const shownName = onProgramme ? programme.returnVideo?.siteName : programme.videoSiteName;
  return (
    <figure className={large ? 'programme programme--large' : 'programme'}>
      <ConsumerVideo consumerId={video} testId="programme-video" />
      <figcaption className="programme__caption" data-testid="programme-caption" data-video-site-id={programme.videoSiteId ?? ''}>
        {shownName ? `${t('meeting.programme.site')} ${shownName}` : t('meeting.programme.chair')}
      </figcaption>
      {audio.map((consumerId) => (
        <ConsumerAudio key={consumerId} consumerId={consumerId} volume={volume} />
      ))}
    </figure>
  );
}
