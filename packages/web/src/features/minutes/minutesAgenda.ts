import type { MinutesLive } from '@pm/shared';

/**
 * The agenda item a new entry of the minutes is stamped with: while the meeting runs, the one
 * under discussion for the whole meeting (set by the chair, an operator or the secretary, and
 * followed live); otherwise the item the secretary chose on this screen.
 */
export function agendaInProgress(
  live: MinutesLive | undefined,
  chosen: number | null,
): { position: number | null; meetingWide: boolean } {
  return live?.live ? { position: live.agendaItem, meetingWide: true } : { position: chosen, meetingWide: false };
}
