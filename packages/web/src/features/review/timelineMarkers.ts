import type { FloorTurn, MinutesDocument } from '@pm/shared';

export interface Marker {
  kind: 'agenda' | 'entry' | 'directive';
  offsetMs: number;
  label: string;
  id: string;
}

export interface FloorSpan {
  from: number;
  to: number;
  siteId: string | null;
  label: string;
}

/** Where each agenda item begins: at the first entry written under it. */
export function agendaMarkers(doc: MinutesDocument): Marker[] {
  return doc.agenda.flatMap((item) => {
    const first = doc.entries.filter((e) => e.agendaPosition === item.position).sort((a, b) => a.offsetMs - b.offsetMs)[0];
    return first ? [{ kind: 'agenda' as const, offsetMs: first.offsetMs, label: `${item.position}. ${item.title}`, id: `agenda-${item.position}` }] : [];
  });
}

export function entryMarkers(doc: MinutesDocument): Marker[] {
  return doc.entries.map((e) => ({ kind: 'entry', offsetMs: e.offsetMs, label: `${e.speakerName ?? ''}: ${e.text}`, id: e.id }));
}

export function directiveMarkers(doc: MinutesDocument): Marker[] {
  return doc.directives.map((d) => ({ kind: 'directive', offsetMs: d.offsetMs, label: d.content, id: d.id }));
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
