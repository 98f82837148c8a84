import type { FloorTurn, MinutesDocument } from '@pm/shared';

export interface Marker {
  kind: 'entry' | 'directive';
  offsetMs: number;
  label: string;
  id: string;
}

/** A mark placed on the bar: `lane` 0 is the top row; marks too close to tell apart take the next one. */
export interface PlacedMarker extends Marker {
  lane: number;
}

export interface FloorSpan {
  from: number;
  to: number;
  siteId: string | null;
  label: string;
}

/** An agenda item as a chapter of the recording: from its first entry to the next item's. */
export interface Chapter {
  position: number;
  title: string;
  from: number;
  to: number;
}

/**
 * The agenda items as chapters. An item begins at the first entry written under it and ends where
 * the next one begins (or at the end); items nothing was written under have no chapter.
 */
export function agendaChapters(doc: MinutesDocument, durationMs: number): Chapter[] {
  const starts = doc.agenda
    .flatMap((item) => {
      const offsets = doc.entries.filter((e) => e.agendaPosition === item.position).map((e) => e.offsetMs);
      return offsets.length ? [{ position: item.position, title: item.title, from: Math.min(...offsets) }] : [];
    })
    .sort((a, b) => a.from - b.from);
  return starts.map((chapter, i) => ({ ...chapter, to: starts[i + 1]?.from ?? durationMs }));
}

export function entryMarkers(doc: MinutesDocument): Marker[] {
  return doc.entries.map((e) => ({ kind: 'entry', offsetMs: e.offsetMs, label: `${e.speakerName ?? ''}: ${e.text}`, id: e.id }));
}

export function directiveMarkers(doc: MinutesDocument): Marker[] {
  return doc.directives.map((d) => ({ kind: 'directive', offsetMs: d.offsetMs, label: d.content, id: d.id }));
}

/**
 * Lays the marks out in lanes: a mark closer than `minGapShare` of the bar to the last mark of a
 * lane goes to the next lane, so marks at the same moment (an entry and the directive given from
 * it) each stay a target of their own instead of covering one another.
 */
export function placeMarkers(markers: Marker[], durationMs: number, minGapShare = 0.012): PlacedMarker[] {
  const minGap = Math.max(1, durationMs) * minGapShare;
  const laneEnds: number[] = [];
  return [...markers]
    .sort((a, b) => a.offsetMs - b.offsetMs || a.kind.localeCompare(b.kind))
    .map((marker) => {
      let lane = laneEnds.findIndex((end) => marker.offsetMs - end >= minGap);
      if (lane === -1) lane = laneEnds.push(marker.offsetMs) - 1;
      laneEnds[lane] = marker.offsetMs;
      return { ...marker, lane };
    });
}

/** Who held the floor over which stretch of the recording. */
export function floorSpans(turns: FloorTurn[], durationMs: number, chairLabel: string): FloorSpan[] {
  return turns.map((turn, i) => ({
    from: turn.offsetMs,
    to: turns[i + 1]?.offsetMs ?? durationMs,
    siteId: turn.siteId,
    label: turn.siteName ?? chairLabel,
  }));
}

const MINUTE = 60_000;
/** Steps a scale may take: round minutes a reader counts in. */
const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120].map((m) => m * MINUTE);

/** The time scale under the bar: round-minute ticks, at most `maxTicks` of them, from 0. */
export function timeTicks(durationMs: number, maxTicks = 8): number[] {
  const step = TICK_STEPS.find((s) => durationMs / s <= maxTicks) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  return Array.from({ length: Math.floor(durationMs / step) + 1 }, (_, i) => i * step);
}
