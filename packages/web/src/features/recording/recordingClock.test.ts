import type { RecordingStatus } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { formatElapsed, recordedMs } from './recordingClock';

const status = (state: RecordingStatus['state'], durationMs: number): RecordingStatus => ({
  meetingId: 'm1',
  state,
  startedAt: '2026-12-07T01:00:00.000Z',
  durationMs,
  playable: false,
});

describe('the recording clock', () => {
  it('counts on from the server’s figure while recording, and stands still while paused or stopped', () => {
    expect(recordedMs(status('recording', 60_000), 1000, 6000)).toBe(65_000);
    expect(recordedMs(status('paused', 60_000), 1000, 6000)).toBe(60_000);
    expect(recordedMs(status('stopped', 60_000), 1000, 6000)).toBe(60_000);
    // A clock that went back never counts backwards.
    expect(recordedMs(status('recording', 60_000), 6000, 1000)).toBe(60_000);
  });

  it('reads like a clock: minutes and seconds, hours only past the hour', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(65_400)).toBe('01:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});
