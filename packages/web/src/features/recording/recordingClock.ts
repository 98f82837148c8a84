import type { RecordingStatus } from '@pm/shared';

/**
 * How long has been recorded at `now`: the server's figure (pauses left out) when its status came
 * (`receivedAt`), plus the time since while it records.
 */
export function recordedMs(status: RecordingStatus, receivedAt: number, now: number): number {
  return status.state === 'recording' ? status.durationMs + Math.max(0, now - receivedAt) : status.durationMs;
}

/** An elapsed time as the chair reads a clock: "12:05", or "1:02:05" past the hour. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
