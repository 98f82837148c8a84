import type { ClientQualityReport, QualityFigures, QualityLevel, SiteAlert, SiteQuality } from '@pm/shared';
import type { Logger } from '../logger.js';
import { averageFigures, mergeClientReport, qualityLevel } from './qualityLevel.js';

/** One site's averaged figures over a storage window. */
export interface QualityRow {
  siteId: string;
  figures: QualityFigures;
}

/** Where downsampled figures are kept (one row per site per storage window). */
export interface QualityStore {
  /**
   * Every site's row of one window, written together: at 348 sites one insert per row held the
   * hosting node's event loop for a second every 30 s (profiled in the 348-site bench), long
   * enough to delay a floor switch that fell in it.
   */
  storeQuality(meetingId: string, rows: QualityRow[], at: Date): Promise<void>;
}

/** A connected site as the monitor samples it: the SFU's figures of its media. */
export interface SampledSite {
  siteId: string;
  media: { readonly isClosed: boolean; qualityFigures(): Promise<QualityFigures> };
}

export interface QualityOutputs {
  /** Live figures of every connected site, for the site wall. */
  sample(sites: SiteQuality[]): void;
  alert(alert: SiteAlert): void;
}

export const SAMPLE_MS = 5000;
/** Six live samples make one stored row: the report keeps a point every 30 s. */
const SAMPLES_PER_STORED_ROW = 6;

/**
 * Samples every site's connection through the meeting: live to the site wall every 5 s, stored
 * as 30-second averages, and an alert to the operator when a site degrades, drops or recovers.
 */
export class QualityMonitor {
  private readonly clientReports = new Map<string, ClientQualityReport>();
  private readonly windows = new Map<string, QualityFigures[]>();
  private readonly levels = new Map<string, QualityLevel>();
  private timer: NodeJS.Timeout | undefined;
  private ticks = 0;

  constructor(
    private readonly meetingId: string,
    private readonly sites: () => Iterable<SampledSite>,
    private readonly siteName: (siteId: string) => string,
    private readonly store: QualityStore,
    private readonly outputs: QualityOutputs,
    private readonly log: Logger,
  ) {}

  start(intervalMs = SAMPLE_MS): void {
    this.timer ??= setInterval(() => {
      this.tick().catch((err: unknown) => this.log.warn({ err }, 'quality sampling failed'));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.storeWindows();
  }

  level(siteId: string): QualityLevel | undefined {
    return this.levels.get(siteId);
  }

  clientReport(siteId: string, report: ClientQualityReport): void {
    this.clientReports.set(siteId, report);
  }

  siteDropped(siteId: string): void {
    this.clientReports.delete(siteId);
    this.levels.delete(siteId);
    this.outputs.alert({ siteId, siteName: this.siteName(siteId), kind: 'dropped', at: Date.now() });
  }

  /** One sampling round; public so tests can drive it without waiting. */
  async tick(): Promise<void> {
    const sampled: SiteQuality[] = [];
    // All sites at once: a site whose media run on another node answers over the network.
    const sites = [...this.sites()].filter((site) => !site.media.isClosed);
    const results = await Promise.allSettled(sites.map(({ media }) => media.qualityFigures()));
    for (const [i, { siteId }] of sites.entries()) {
      const result = results[i]!;
      if (result.status === 'fulfilled') {
        const figures = mergeClientReport(result.value, this.clientReports.get(siteId));
        const level = qualityLevel(figures);
        this.noteLevel(siteId, level);
        sampled.push({ siteId, level, figures });
        const window = this.windows.get(siteId) ?? [];
        window.push(figures);
        this.windows.set(siteId, window);
      } else {
        // The site's media closed while it was being sampled; it is sampled again next round.
        this.log.debug({ err: result.reason, siteId }, 'quality sample skipped');
      }
    }
    this.outputs.sample(sampled);
    if (++this.ticks % SAMPLES_PER_STORED_ROW === 0) await this.storeWindows();
  }

  private noteLevel(siteId: string, level: QualityLevel): void {
    const previous = this.levels.get(siteId);
    this.levels.set(siteId, level);
    if (previous === undefined || previous === level) return;
    const kind = level === 'poor' ? 'degraded' : 'recovered';
    this.outputs.alert({ siteId, siteName: this.siteName(siteId), kind, at: Date.now() });
  }

  private async storeWindows(): Promise<void> {
    const at = new Date();
    const rows = [...this.windows].map(([siteId, samples]) => ({ siteId, figures: averageFigures(samples) }));
    this.windows.clear();
    if (rows.length === 0) return;
    await this.store.storeQuality(this.meetingId, rows, at).catch((err: unknown) => {
      this.log.warn({ err, sites: rows.length }, 'could not store the quality samples');
    });
  }
}
