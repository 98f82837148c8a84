import type { ClientQualityReport } from '@pm/shared';
import { detach } from '../../../util/detach';
import type { ReceiveStats } from './receiveStats';

/** How often a kiosk tells the server what its own WebRTC stack measures. */
export const QUALITY_REPORT_MS = 5000;

/** The kiosk's report from its receive figures: the programme video's loss, jitter and frame rate. */
export function qualityReport(stats: readonly ReceiveStats[], rttMs: number | undefined): ClientQualityReport {
  const video = stats.find((s) => s.purpose === 'programme-video');
  const lossPct =
    video && video.packetsReceived > 0 ? (video.packetsLost / (video.packetsLost + video.packetsReceived)) * 100 : null;
  return {
    rttMs: rttMs ?? null,
    inboundLossPct: lossPct,
    jitterMs: video?.jitterMs ?? null,
    framesPerSecond: video?.framesPerSecond ?? null,
  };
}

/**
 * Sends the kiosk's own view of its connection every few seconds, which the SFU cannot see
 * (decoding, the jitter buffer). `measure` answers undefined while there is nothing to report
 * (not live); a sample still running when the next is due is not doubled.
 */
export class QualityReporter {
  private timer: ReturnType<typeof setInterval> | undefined;
  private sampling = false;

  constructor(
    private readonly measure: () => Promise<ClientQualityReport | undefined>,
    private readonly send: (report: ClientQualityReport) => Promise<unknown>,
    private readonly intervalMs = QUALITY_REPORT_MS,
  ) {}

  start(): void {
    this.stop();
    this.timer = setInterval(() => {
      if (this.sampling) return;
      this.sampling = true;
      // A report lost during a reconnect is replaced by the next one; nobody at the kiosk could act on it.
      detach(
        this.sample().finally(() => (this.sampling = false)),
        'quality report',
      );
    }, this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async sample(): Promise<void> {
    const report = await this.measure();
    if (report) await this.send(report);
  }
}
