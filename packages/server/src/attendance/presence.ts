/**
 * Attendance is kept as events (a site connected, disconnected, left, was last seen) and derived
 * from them, never stored as totals: a server restart in the middle of a meeting loses nothing,
 * and changing the grace period re-derives every report.
 */
export type PresenceEventKind = 'JOIN' | 'LEAVE' | 'DISCONNECT' | 'SEEN';

export interface PresenceEvent {
  kind: PresenceEventKind;
  at: Date;
}

export interface PresenceInterval {
  from: Date;
  to: Date;
  /** Reconnections merged into this interval. */
  reconnects: number;
}

export interface SitePresence {
  intervals: PresenceInterval[];
  firstJoin: Date | null;
  lastLeave: Date | null;
  reconnects: number;
  /** Connected in all, before the start and after the end included. */
  presentMs: number;
  /** Connected between the meeting's start and its end: what the report states in minutes. */
  insideMs: number;
  /** `insideMs` as a share of the meeting's time (0–1): minutes and share over one window. */
  share: number;
  late: boolean;
  leftEarly: boolean;
  /** Still connected at `now` (the meeting is running). */
  present: boolean;
}

export interface PresenceOptions {
  graceMs: number;
  meetingStart: Date;
  meetingEnd: Date;
  /** The time of derivation: an open presence counts up to here (or to the meeting's end). */
  now: Date;
}

/**
 * Folds one site's events, in time order, into presence intervals:
 * - a JOIN opens an interval (or continues the open one: a new node or a restart saw the site);
 * - DISCONNECT and LEAVE close it, but a JOIN within the grace period reopens it as one presence;
 * - SEEN (a quality sample) extends an open interval; after a server crash the last SEEN is
 *   where an interval without a closing event ends.
 */
export function derivePresence(events: readonly PresenceEvent[], options: PresenceOptions): SitePresence {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const intervals: PresenceInterval[] = [];
  let open: PresenceInterval | undefined;
  let lastSeen: Date | undefined;

  const close = (at: Date) => {
    if (!open) return;
    open.to = at;
    intervals.push(open);
    open = undefined;
  };

  for (const event of sorted) {
    if (event.kind === 'JOIN') {
      if (open) {
        // Joined again without a closing event: the server restarted, or a second tab took over.
        const gap = lastSeen ? event.at.getTime() - lastSeen.getTime() : 0;
        if (gap <= options.graceMs) {
          open.reconnects++;
          lastSeen = event.at;
          continue;
        }
        close(lastSeen ?? event.at);
      }
      const previous = intervals[intervals.length - 1];
      if (previous && event.at.getTime() - previous.to.getTime() <= options.graceMs) {
        intervals.pop();
        open = { from: previous.from, to: event.at, reconnects: previous.reconnects + 1 };
      } else {
        open = { from: event.at, to: event.at, reconnects: 0 };
      }
      lastSeen = event.at;
    } else if (event.kind === 'SEEN') {
      if (open) lastSeen = event.at;
    } else {
      close(event.at);
      lastSeen = undefined;
    }
  }

  const end = new Date(Math.min(options.now.getTime(), options.meetingEnd.getTime()));
  const present = !!open && (!lastSeen || options.now.getTime() - lastSeen.getTime() <= options.graceMs);
  if (open) close(present ? new Date(Math.max(end.getTime(), open.from.getTime())) : (lastSeen ?? open.from));

  const planned = Math.max(1, options.meetingEnd.getTime() - options.meetingStart.getTime());
  const presentMs = intervals.reduce((sum, i) => sum + (i.to.getTime() - i.from.getTime()), 0);
  const insideMs = intervals.reduce((sum, i) => {
    const from = Math.max(i.from.getTime(), options.meetingStart.getTime());
    const to = Math.min(i.to.getTime(), options.meetingEnd.getTime());
    return sum + Math.max(0, to - from);
  }, 0);
  const firstJoin = intervals[0]?.from ?? null;
  const last = intervals[intervals.length - 1];
  const lastLeave = present ? null : (last?.to ?? null);

  return {
    intervals,
    firstJoin,
    lastLeave,
    reconnects: intervals.reduce((sum, i) => sum + i.reconnects, 0),
    presentMs,
    insideMs,
    share: Math.min(1, insideMs / planned),
    late: !!firstJoin && firstJoin.getTime() > options.meetingStart.getTime(),
    leftEarly: !!lastLeave && lastLeave.getTime() < options.meetingEnd.getTime() && options.now >= lastLeave,
    present,
  };
}
