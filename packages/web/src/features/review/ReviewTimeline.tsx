import { formatOffset } from '@pm/shared';
import { useI18n } from '../../i18n/I18nProvider';
import { placeMarkers, timeTicks, type Chapter, type FloorSpan, type Marker } from './timelineMarkers';

const pct = (ms: number, durationMs: number) => `${Math.max(0, Math.min(100, (ms / Math.max(1, durationMs)) * 100))}%`;
/** Sites alternate between two shades, so two turns in a row by different sites stay apart. */
const SITE_SHADES = 2;

/**
 * The recording as a bar over a time scale, with a playhead at the player's position: agenda items
 * as chapters, floor turns as stretches, minutes entries and directives as marks in lanes (marks
 * at the same moment stay separately clickable), and a legend. Everything seeks the player.
 */
export function ReviewTimeline({
  durationMs,
  positionMs,
  chapters,
  spans,
  markers,
  onSeek,
}: {
  durationMs: number;
  positionMs: number;
  chapters: Chapter[];
  spans: FloorSpan[];
  markers: Marker[];
  onSeek: (offsetMs: number) => void;
}) {
  const { t } = useI18n();
  const placed = placeMarkers(markers, durationMs);
  const lanes = Math.max(1, ...placed.map((m) => m.lane + 1));
  const siteShade = new Map<string, number>();
  for (const span of spans) if (span.siteId && !siteShade.has(span.siteId)) siteShade.set(span.siteId, siteShade.size % SITE_SHADES);
  const range = (from: number, to: number) => `${formatOffset(from)}–${formatOffset(to)}`;
  return (
    <div className="timeline" role="group" aria-label={t('review.timeline')} data-testid="review-timeline">
      <div className="timeline__bars">
        <div className="timeline__row timeline__chapters" aria-label={t('review.agenda')}>
          {chapters.map((c) => (
            <button
              key={c.position}
              type="button"
              className="timeline__chapter"
              style={{ left: pct(c.from, durationMs), width: pct(c.to - c.from, durationMs) }}
              title={`${range(c.from, c.to)} ${c.position}. ${c.title}`}
              aria-label={`${t('review.seek')} ${formatOffset(c.from)}: ${c.position}. ${c.title}`}
              onClick={() => onSeek(c.from)}
              data-testid="chapter"
            >
              {c.position}. {c.title}
            </button>
          ))}
        </div>
        <div className="timeline__row timeline__floor" aria-label={t('review.floor')}>
          {spans.map((span) => (
            <button
              key={`${span.from}-${span.siteId}`}
              type="button"
              className={`timeline__span timeline__span--${span.siteId ? `site${siteShade.get(span.siteId)}` : 'chair'}`}
              style={{ left: pct(span.from, durationMs), width: pct(span.to - span.from, durationMs) }}
              title={`${range(span.from, span.to)} ${span.label}`}
              aria-label={`${t('review.seek')} ${formatOffset(span.from)}: ${span.label}`}
              onClick={() => onSeek(span.from)}
              data-testid="floor-span"
            >
              {span.label}
            </button>
          ))}
        </div>
        <div className="timeline__row timeline__marks" style={{ height: `${lanes * 1.5}rem` }}>
          {placed.map((m) => (
            <button
              key={`${m.kind}-${m.id}`}
              type="button"
              className={`timeline__mark timeline__mark--${m.kind}`}
              style={{ left: pct(m.offsetMs, durationMs), top: `${m.lane * 1.5}rem` }}
              title={`${formatOffset(m.offsetMs)} ${m.label}`}
              aria-label={`${t('review.seek')} ${formatOffset(m.offsetMs)}: ${m.label}`}
              onClick={() => onSeek(m.offsetMs)}
              data-testid={`mark-${m.kind}`}
              data-id={m.id}
              data-lane={m.lane}
            />
          ))}
        </div>
        <div className="timeline__scale" aria-hidden="true">
          {timeTicks(durationMs).map((tick) => (
            <span key={tick} className="timeline__tick" style={{ left: pct(tick, durationMs) }}>
              {formatOffset(tick)}
            </span>
          ))}
        </div>
        <div className="timeline__playhead" style={{ left: pct(positionMs, durationMs) }} data-testid="playhead" aria-hidden="true" />
      </div>
      <ul className="timeline__legend" aria-label={t('review.legend')}>
        <li><span className="timeline__key timeline__key--chapter" /> {t('review.agenda')}</li>
        <li><span className="timeline__key timeline__key--chair" /> {t('review.chair')}</li>
        <li><span className="timeline__key timeline__key--site" /> {t('review.floor')}</li>
        <li><span className="timeline__key timeline__key--entry" /> {t('review.entries')}</li>
        <li><span className="timeline__key timeline__key--directive" /> {t('review.directives')}</li>
        <li><span className="timeline__key timeline__key--playhead" /> {t('review.playhead')} {formatOffset(positionMs)} / {formatOffset(durationMs)}</li>
      </ul>
    </div>
  );
}
