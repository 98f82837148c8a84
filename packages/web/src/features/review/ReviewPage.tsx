import { useRef, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/I18nProvider';
import { AttendanceSummary } from './AttendanceSummary';
import { ReviewLists } from './ReviewLists';
import { ReviewTimeline } from './ReviewTimeline';
import { agendaChapters, directiveMarkers, entryMarkers, floorSpans } from './timelineMarkers';
import { useReviewData } from './useReviewData';
import './review.css';

/**
 * `/meetings/:id/review`: the recording with a timeline of agenda items (chapters), floor turns,
 * minutes entries and directives under a playhead, the attendance beside it. `?directive=<id>` or `?t=<ms>` opens the
 * player at that moment.
 */
export function ReviewPage({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const { data, error } = useReviewData(meetingId);
  const player = useRef<HTMLVideoElement>(null);
  const [positionMs, setPositionMs] = useState(0);
  if (!data) return <ErrorNotice error={error} />;
  const { doc, recording, attendance } = data;

  const seek = (offsetMs: number) => {
    const video = player.current;
    if (!video) return;
    video.currentTime = offsetMs / 1000;
    video.scrollIntoView({ block: 'nearest' });
  };
  const params = new URLSearchParams(window.location.search);
  const directive = doc.directives.find((d) => d.id === params.get('directive'));
  const startMs = directive?.offsetMs ?? Number(params.get('t') ?? 0);
  const markers = [...entryMarkers(doc), ...directiveMarkers(doc)];

  return (
    <section className="review" aria-labelledby="review-heading">
      <h1 id="review-heading">
        {t('review.heading')}: {doc.meeting.title}
      </h1>
      <div className="review__top">
        <div>
          {recording.status.playable ? (
            <video
              ref={player}
              className="review__player"
              controls
              preload="metadata"
              src={`/api/meetings/${encodeURIComponent(meetingId)}/recording.webm`}
              onLoadedMetadata={() => startMs > 0 && seek(startMs)}
              onTimeUpdate={(e) => setPositionMs(e.currentTarget.currentTime * 1000)}
              data-testid="review-player"
            />
          ) : (
            <p className="notice">{t('review.notRecorded')}</p>
          )}
          {recording.status.playable && (
            <ReviewTimeline
              durationMs={recording.status.durationMs}
              positionMs={positionMs}
              chapters={agendaChapters(doc, recording.status.durationMs)}
              spans={floorSpans(recording.floorTurns, recording.status.durationMs, t('review.chair'))}
              markers={markers}
              onSeek={seek}
            />
          )}
        </div>
        {attendance && <AttendanceSummary report={attendance} />}
      </div>
      <ReviewLists doc={doc} onSeek={seek} />
    </section>
  );
}
