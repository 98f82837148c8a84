import { describe, expect, it } from 'vitest';
import { Timeline } from './timeline.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 29, 8, 0, seconds));

describe('Timeline', () => {
  it('counts from the scheduled start when the meeting was not recorded', () => {
    const timeline = Timeline.of(at(0), []);
    expect(timeline.base).toBe('meeting');
    expect(timeline.offsetOf(at(90))).toBe(90_000);
    expect(timeline.offsetOf(at(-5))).toBe(0);
  });

  it('leaves pauses out of a recording and places an instant in a pause where recording resumed', () => {
    const timeline = Timeline.of(at(0), [
      { startedAt: at(10), durationMs: 20_000 },
      { startedAt: at(50), durationMs: 10_000 },
    ]);
    expect(timeline.base).toBe('recording');
    expect(timeline.offsetOf(at(5))).toBe(0);
    expect(timeline.offsetOf(at(15))).toBe(5_000);
    expect(timeline.offsetOf(at(40))).toBe(20_000);
    expect(timeline.offsetOf(at(55))).toBe(25_000);
    expect(timeline.offsetOf(at(99))).toBe(30_000);
  });

  it('lets the last span grow until now while recording', () => {
    const timeline = Timeline.of(at(0), [{ startedAt: at(10), durationMs: null }]);
    expect(timeline.offsetOf(at(25), at(30))).toBe(15_000);
    expect(timeline.offsetOf(at(45), at(30))).toBe(20_000);
  });
});
