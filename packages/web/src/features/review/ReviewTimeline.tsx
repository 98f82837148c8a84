import { formatOffset } from '@pm/shared';
import { useI18n } from '../../i18n/I18nProvider';
import type { FloorSpan, Marker } from './timelineMarkers';

const pct = (ms: number, durationMs: number) => `${Math.min(100, (ms / Math.max(1, durationMs)) * 100)}%`;

/**
 * The recording as a bar: floor turns as coloured stretches, agenda items, minutes entries and
 * directives as marks. Every mark and stretch seeks the player there.
 */
export function ReviewTimeline({
  durationMs,
  spans,
  markers,
  onSeek,
}: {
  durationMs: number;
  spans: FloorSpan[];
  markers: Marker[];
  onSeek: (offsetMs: number) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="timeline" role="group" aria-label={t('review.timeline')} data-testid="review-timeline">
      <div className="timeline__floor">
        {spans.map((span) => (
          <button
            key={`${span.from}-${span.siteId}`}
            type="button"
            className={`timeline__span ${span.siteId ? '' : 'timeline__span--chair'}`}
            style={{ left: pct(span.from, durationMs), width: pct(span.to - span.from, durationMs) }}
            title={`${formatOffset(span.from)} ${span.label}`}
            onClick={() => onSeek(span.from)}
            data-testid="floor-span"
          >
            {span.label}
          </button>
        ))}
      </div>
      <div className="timeline__marks">
        {markers.map((m) => (
          <button
            key={`${m.kind}-${m.id}`}
            type="button"
            className={`timeline__mark timeline__mark--${m.kind}`}
            style={{ left: pct(m.offsetMs, durationMs) }}
            title={`${formatOffset(m.offsetMs)} ${m.label}`}
            aria-label={`${t('review.seek')} ${formatOffset(m.offsetMs)}: ${m.label}`}
            onClick={() => onSeek(m.offsetMs)}
            data-testid={`mark-${m.kind}`}
            data-id={m.id}
          />
        ))}
      </div>
    </div>
  );
}
