import type { TimelineBase } from '@pm/shared';

/** A stretch of the recording: media from `startedAt` for `durationMs` (null while it grows). */
export interface RecordedSpan {
  startedAt: Date;
  durationMs: number | null;
}

/**
 * Where instants fall on a meeting's timeline. A recorded meeting's timeline is its recording:
 * the spans one after the other, pauses left out, so an offset is a position in the played file.
 * A meeting never recorded counts from its scheduled start.
 */
export class Timeline {
  private constructor(
    readonly base: TimelineBase,
    readonly startedAt: Date,
    private readonly spans: readonly RecordedSpan[],
  ) {}

  static of(meetingStartsAt: Date, spans: readonly RecordedSpan[]): Timeline {
    const first = spans[0];
    return first ? new Timeline('recording', first.startedAt, spans) : new Timeline('meeting', meetingStartsAt, []);
  }

  /** Milliseconds from the timeline's start; an instant in a pause lands where recording resumed. */
  offsetOf(at: Date, now: Date = new Date()): number {
    const t = at.getTime();
    if (this.base === 'meeting') return Math.max(0, t - this.startedAt.getTime());
    let elapsed = 0;
    for (const span of this.spans) {
      const start = span.startedAt.getTime();
      if (t < start) return elapsed;
      const duration = span.durationMs ?? Math.max(0, now.getTime() - start);
      if (t <= start + duration) return Math.round(elapsed + (t - start));
      elapsed += duration;
    }
    return Math.round(elapsed);
  }
}
