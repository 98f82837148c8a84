import { useI18n } from '../../../i18n/I18nProvider';
import { useMeetingState } from '../hooks/useMeetingState';
import {
  sameItems,
  selectOnProgramme,
  selectProgramme,
  selectProgrammeAudio,
  selectProgrammeInset,
  selectProgrammeVideo,
} from '../state/selectors';
import { ConsumerAudio, ConsumerVideo } from './MediaViews';

/**
 * The programme as a room receives it, the same on every screen (the chair's console shows what
 * the rooms see): its picture and its voices. The room whose camera is on the programme watches
 * the return picture instead (the chair, or the programme before it), never itself. During a
 * presentation the presenter's camera is a picture-in-picture over the slides (not for the
 * presenter itself), and the caption says whose presentation it is.
 */
export function ProgrammeView({ large, volume }: { large?: boolean; volume?: number }) {
  const { t } = useI18n();
  const video = useMeetingState(selectProgrammeVideo);
  const inset = useMeetingState(selectProgrammeInset);
  const audio = useMeetingState(selectProgrammeAudio, sameItems);
  const programme = useMeetingState(selectProgramme);
  const onProgramme = useMeetingState(selectOnProgramme);
  const shownName = onProgramme ? programme.returnVideo?.siteName : programme.videoSiteName;
  let caption = shownName ? `${t('meeting.programme.site')} ${shownName}` : t('meeting.programme.chair');
  if (!onProgramme && programme.videoKind === 'screen') {
    caption = shownName ? `${t('meeting.programme.presentation')} ${shownName}` : t('meeting.programme.chairPresentation');
  }
  return (
    <figure className={large ? 'programme programme--large' : 'programme'}>
      <ConsumerVideo consumerId={video} testId="programme-video" />
      {inset && <ConsumerVideo consumerId={inset} testId="programme-inset" className="video programme__inset" />}
      <figcaption className="programme__caption" data-testid="programme-caption" data-kind={programme.videoKind ?? ''} data-video-site-id={programme.videoSiteId ?? ''}>
        {caption}
      </figcaption>
      {audio.map((consumerId) => (
        <ConsumerAudio key={consumerId} consumerId={consumerId} volume={volume} />
      ))}
    </figure>
  );
}
