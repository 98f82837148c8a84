import type { QualityFigures, RollCall, SiteAlert, SiteQuality } from '@pm/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryAttendanceStore, silentLog } from '../testing/meetingFakes.js';
import { MeetingAttendance } from './meetingAttendance.js';
import type { SampledSite } from './qualityMonitor.js';

const good: QualityFigures = { rttMs: 30, lossPct: 0, jitterMs: 5, bitrateUpKbps: 900, bitrateDownKbps: 1100, producerScore: 10, consumerScore: 10 };

function site(siteId: string, figures: () => QualityFigures = () => good): SampledSite & { closed: boolean } {
  const sampled = {
    siteId,
    closed: false,
    media: {
      get isClosed() {
        return sampled.closed;
      },
      qualityFigures: async () => figures(),
    },
  };
  return sampled;
}

function attendance(sites: SampledSite[] = [], graceMs = 1000) {
  const store = new MemoryAttendanceStore();
  const out = { rollCalls: [] as RollCall[], samples: [] as SiteQuality[][], alerts: [] as SiteAlert[], changed: [] as string[], absent: [] as string[] };
  const meeting = new MeetingAttendance(
    'meeting-1',
    store,
    graceMs,
    () => sites,
    (siteId) => `Xã ${siteId}`,
    {
      rollCall: (r) => out.rollCalls.push(r),
      quality: (s) => out.samples.push(s),
      alert: (a) => out.alerts.push(a),
      siteChanged: (id) => out.changed.push(id),
      absent: (id) => out.absent.push(id),
    },
    silentLog,
  );
  return { meeting, store, out };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('MeetingAttendance', () => {
  it('writes presence events in the order they happened', async () => {
    const { meeting, store } = attendance();
    meeting.siteJoined('a', 'u');
    meeting.siteLeft('a', 'u', 'DISCONNECT');
    meeting.siteJoined('a', 'u');
    meeting.siteLeft('a', 'u', 'LEAVE');
    await meeting.flush();
    expect(store.presenceEvents.map((e) => e.kind)).toEqual(['JOIN', 'DISCONNECT', 'JOIN', 'LEAVE']);
  });

  it('shows a dropped site as reconnecting through the grace period, then absent', async () => {
    vi.useFakeTimers();
    const { meeting, out } = attendance([], 1000);
    meeting.siteJoined('a', 'u');
    meeting.siteLeft('a', 'u', 'DISCONNECT');
    expect(meeting.reconnecting('a')).toBe(true);
    await vi.advanceTimersByTimeAsync(1200);
    expect(meeting.reconnecting('a')).toBe(false);
    expect(out.absent).toEqual(['a']);
  });

  it('does not call a site absent when it came back within the grace period', async () => {
    vi.useFakeTimers();
    const { meeting, out } = attendance([], 1000);
    meeting.siteLeft('a', 'u', 'DISCONNECT');
    await vi.advanceTimersByTimeAsync(400);
    meeting.siteJoined('a', 'u');
    await vi.advanceTimersByTimeAsync(2000);
    expect(out.absent).toEqual([]);
    expect(meeting.reconnecting('a')).toBe(false);
  });

  it('keeps headcounts declared before a restart, and announces a change', async () => {
    const first = attendance();
    await first.meeting.setHeadcount('a', 12);
    const restarted = new MeetingAttendance('meeting-1', first.store, 1000, () => [], (id) => id, { ...noOutputs }, silentLog);
    await restarted.load(60_000);
    expect(restarted.headcount('a')).toBe(12);
    expect(first.out.changed).toEqual(['a']);
    await restarted.close();
  });
});

const noOutputs = { rollCall: () => undefined, quality: () => undefined, alert: () => undefined, siteChanged: () => undefined, absent: () => undefined };

describe('QualityMonitor', () => {
  it('samples every connected site, alerts when one degrades and when it recovers, and stores 30 s averages', async () => {
    let lossA = 0;
    const a = site('a', () => ({ ...good, lossPct: lossA }));
    const b = site('b');
    const { meeting, store, out } = attendance([a, b]);
    const quality = meeting.quality;
    await quality.tick();
    expect(out.samples.at(-1)!.map((s) => [s.siteId, s.level])).toEqual([
      ['a', 'good'],
      ['b', 'good'],
    ]);
    lossA = 12;
    await quality.tick();
    expect(quality.level('a')).toBe('poor');
    lossA = 0;
    await quality.tick();
    expect(out.alerts.map((x) => [x.siteId, x.kind])).toEqual([
      ['a', 'degraded'],
      ['a', 'recovered'],
    ]);
    for (let i = 0; i < 3; i++) await quality.tick();
    // Six samples make one stored row per site: a's loss averaged over them.
    expect(store.samples.map((s) => s.siteId).sort()).toEqual(['a', 'b']);
    expect(store.samples.find((s) => s.siteId === 'a')!.figures.lossPct).toBe(2);
  });

  it('takes the kiosk’s own figures where they are worse, and forgets them when the site drops', async () => {
    const { meeting, out } = attendance([site('a')]);
    meeting.quality.clientReport('a', { rttMs: 900, inboundLossPct: 0, jitterMs: 3, framesPerSecond: 25 });
    await meeting.quality.tick();
    expect(out.samples.at(-1)![0]).toMatchObject({ level: 'poor', figures: { rttMs: 900 } });
    meeting.siteLeft('a', 'u', 'DISCONNECT');
    expect(out.alerts.at(-1)).toMatchObject({ siteId: 'a', kind: 'dropped', siteName: 'Xã a' });
    await meeting.quality.tick();
    expect(out.samples.at(-1)![0]).toMatchObject({ level: 'good', figures: { rttMs: 30 } });
  });

  it('skips a site whose media closed while it was being sampled', async () => {
    const a = site('a', () => {
      throw new Error('media closed');
    });
    const b = site('b');
    b.closed = true;
    const { meeting, out } = attendance([a, b]);
    await meeting.quality.tick();
    expect(out.samples.at(-1)).toEqual([]);
  });
});

describe('RollCalls', () => {
  it('writes a roll call before announcing it, takes each site’s answer once, and closes at the deadline', async () => {
    vi.useFakeTimers();
    const { meeting, store, out } = attendance();
    const rollCall = await meeting.rollCalls.start('operator', 30);
    expect(store.rollCalls).toHaveLength(1);
    expect(out.rollCalls.at(-1)).toMatchObject({ rollCallId: rollCall.rollCallId, closed: false, confirmed: {} });
    await expect(meeting.rollCalls.start('operator', 30)).rejects.toMatchObject({ code: 'CONFLICT' });

    const answered = await meeting.rollCalls.confirm(rollCall.rollCallId, 'a', 'user-a');
    await meeting.rollCalls.confirm(rollCall.rollCallId, 'a', 'user-a');
    expect(Object.keys(answered.confirmed)).toEqual(['a']);
    expect(store.rollCalls[0]!.answers.size).toBe(1);
    expect(out.rollCalls.filter((r) => Object.keys(r.confirmed).length === 1)).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(30_000);
    expect(out.rollCalls.at(-1)).toMatchObject({ closed: true });
    expect(meeting.rollCalls.active()).toBeUndefined();
    await expect(meeting.rollCalls.confirm(rollCall.rollCallId, 'b', 'user-b')).rejects.toMatchObject({ code: 'CONFLICT' });
    // A meeting holds as many roll calls as it needs, one at a time.
    await expect(meeting.rollCalls.start('operator', 15)).resolves.toMatchObject({ closed: false });
  });
});
