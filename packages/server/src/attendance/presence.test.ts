import { describe, expect, it } from 'vitest';
import { meetingEnd } from '../meetings/meetingEnd.js';
import { derivePresence, type PresenceEvent, type PresenceEventKind } from './presence.js';

const start = new Date('2026-11-30T08:00:00Z');
const end = new Date('2026-11-30T10:00:00Z');
const min = (m: number) => new Date(start.getTime() + m * 60_000);
const sec = (m: number, s: number) => new Date(min(m).getTime() + s * 1000);
const ev = (kind: PresenceEventKind, at: Date): PresenceEvent => ({ kind, at });
const options = (now = end) => ({ graceMs: 60_000, meetingStart: start, meetingEnd: end, now });

describe('derivePresence', () => {
  it('merges a reconnection inside the grace period into one presence', () => {
    const p = derivePresence(
      [ev('JOIN', min(0)), ev('DISCONNECT', min(30)), ev('JOIN', sec(30, 40)), ev('LEAVE', min(120))],
      options(),
    );
    expect(p.intervals).toEqual([{ from: min(0), to: min(120), reconnects: 1 }]);
    expect(p.presentMs).toBe(120 * 60_000);
    expect(p.share).toBe(1);
    expect(p).toMatchObject({ late: false, leftEarly: false, reconnects: 1 });
  });

  it('keeps two presences when the site stayed away past the grace period', () => {
    const p = derivePresence(
      [ev('JOIN', min(0)), ev('DISCONNECT', min(30)), ev('JOIN', min(35)), ev('LEAVE', min(120))],
      options(),
    );
    expect(p.intervals.map((i) => [i.from, i.to])).toEqual([
      [min(0), min(30)],
      [min(35), min(120)],
    ]);
    expect(p.presentMs).toBe(115 * 60_000);
    expect(p.share).toBeCloseTo(115 / 120);
  });

  it('marks a late arrival and an early leave', () => {
    const p = derivePresence([ev('JOIN', min(12)), ev('LEAVE', min(90))], options());
    expect(p).toMatchObject({ late: true, leftEarly: true, firstJoin: min(12), lastLeave: min(90) });
  });

  it('counts an open presence up to now while the meeting runs', () => {
    const p = derivePresence([ev('JOIN', min(0)), ev('SEEN', min(44))], options(min(45)));
    expect(p.present).toBe(true);
    expect(p.presentMs).toBe(45 * 60_000);
    expect(p.lastLeave).toBeNull();
  });

  it('after a server crash, ends the lost presence at the last sample and merges the rejoin within grace', () => {
    // The node died at 20:10 without writing DISCONNECT; the site rejoined (another start) at 20:40.
    const p = derivePresence(
      [ev('JOIN', min(0)), ev('SEEN', min(20)), ev('SEEN', sec(20, 10)), ev('JOIN', sec(20, 40)), ev('LEAVE', min(120))],
      options(),
    );
    expect(p.intervals).toEqual([{ from: min(0), to: min(120), reconnects: 1 }]);
  });

  it('after a crash and a long absence, the presence ends at the last sample', () => {
    const p = derivePresence([ev('JOIN', min(0)), ev('SEEN', min(20)), ev('JOIN', min(50)), ev('LEAVE', min(120))], options());
    expect(p.intervals.map((i) => [i.from, i.to])).toEqual([
      [min(0), min(20)],
      [min(50), min(120)],
    ]);
  });

  it('states minutes and share over the same window: time before the start is not counted', () => {
    const p = derivePresence([ev('JOIN', min(-10)), ev('LEAVE', min(60))], options());
    expect(p.presentMs).toBe(70 * 60_000);
    expect(p.insideMs).toBe(60 * 60_000);
    expect(p.share).toBeCloseTo(p.insideMs / (120 * 60_000));
  });

  it('measures against the real end when the meeting was ended early: staying to it is not leaving early', () => {
    const endedEarly = meetingEnd({ endsAt: end, endedAt: min(60) });
    const p = derivePresence([ev('JOIN', min(0)), ev('LEAVE', sec(60, 5))], { ...options(), meetingEnd: endedEarly });
    expect(p).toMatchObject({ leftEarly: false, share: 1, insideMs: 60 * 60_000 });
    expect(meetingEnd({ endsAt: end, endedAt: null })).toEqual(end);
  });

  it('a site that never came has no presence', () => {
    const p = derivePresence([], options());
    expect(p).toMatchObject({ intervals: [], firstJoin: null, presentMs: 0, share: 0, late: false, present: false });
  });
});
