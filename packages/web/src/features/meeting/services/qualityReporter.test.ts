import type { ClientQualityReport } from '@pm/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUALITY_REPORT_MS, QualityReporter, qualityReport } from './qualityReporter';
import { nothingReceivedYet, type ReceiveStats } from './receiveStats';

const received = (purpose: ReceiveStats['purpose'], figures: Partial<ReceiveStats>): ReceiveStats => ({
  ...nothingReceivedYet({
    consumerId: `c-${purpose}`,
    purpose,
    siteId: null,
    kind: purpose === 'programme-audio' ? 'audio' : 'video',
  }),
  ...figures,
});

const report: ClientQualityReport = { rttMs: 12, inboundLossPct: 0, jitterMs: 4, framesPerSecond: 30 };

describe('qualityReport', () => {
  it('takes loss, jitter and frame rate from the programme video, and the round trip from the transport', () => {
    const stats = [
      received('programme-audio', { packetsReceived: 500, packetsLost: 400, jitterMs: 90 }),
      received('programme-video', { packetsReceived: 950, packetsLost: 50, jitterMs: 8.5, framesPerSecond: 29 }),
    ];
    expect(qualityReport(stats, 23)).toEqual({ rttMs: 23, inboundLossPct: 5, jitterMs: 8.5, framesPerSecond: 29 });
  });

  it('reports unknowns as null rather than as zeros when nothing was received yet', () => {
    expect(qualityReport([received('programme-video', {})], undefined)).toEqual({
      rttMs: null,
      inboundLossPct: null,
      jitterMs: null,
      framesPerSecond: null,
    });
    expect(qualityReport([], 40)).toEqual({ rttMs: 40, inboundLossPct: null, jitterMs: null, framesPerSecond: null });
  });
});

describe('QualityReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('sends a report every five seconds until stopped, and nothing while there is nothing to report', async () => {
    let live = true;
    const sent: ClientQualityReport[] = [];
    const reporter = new QualityReporter(
      () => Promise.resolve(live ? report : undefined),
      (r) => Promise.resolve(sent.push(r)),
    );
    reporter.start();
    await vi.advanceTimersByTimeAsync(QUALITY_REPORT_MS - 1);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([report]);
    live = false;
    await vi.advanceTimersByTimeAsync(QUALITY_REPORT_MS * 2);
    expect(sent).toHaveLength(1);
    live = true;
    await vi.advanceTimersByTimeAsync(QUALITY_REPORT_MS);
    expect(sent).toHaveLength(2);
    reporter.stop();
    await vi.advanceTimersByTimeAsync(QUALITY_REPORT_MS * 3);
    expect(sent).toHaveLength(2);
  });

  it('a sample still running when the next is due is not doubled', async () => {
    let finish: () => void = () => undefined;
    const measure = vi.fn(() => new Promise<ClientQualityReport>((resolve) => (finish = () => resolve(report))));
    const send = vi.fn(() => Promise.resolve());
    const reporter = new QualityReporter(measure, send);
    reporter.start();
    await vi.advanceTimersByTimeAsync(QUALITY_REPORT_MS * 3);
    expect(measure).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(QUALITY_REPORT_MS);
    expect(send).toHaveBeenCalledTimes(1);
    expect(measure).toHaveBeenCalledTimes(2);
    reporter.stop();
  });

  it('a failed report is logged, not thrown, and the next one goes out', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const send = vi.fn().mockRejectedValueOnce(new Error('no answer')).mockResolvedValue(undefined);
    const reporter = new QualityReporter(() => Promise.resolve(report), send);
    reporter.start();
    await vi.advanceTimersByTimeAsync(QUALITY_REPORT_MS * 2);
    expect(send).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledWith('quality report failed', expect.any(Error));
    reporter.stop();
  });
});
