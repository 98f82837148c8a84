import type { RollCall, SiteAlert, SiteQuality } from '@pm/shared';
import type { Logger } from '../logger.js';
import { SerialQueue } from '../util/serialQueue.js';
import type { AttendanceStore, PresenceKind } from './attendanceStore.js';
import { QualityMonitor, type SampledSite } from './qualityMonitor.js';
import { RollCalls } from './rollCalls.js';

export interface AttendanceOutputs {
  rollCall(rollCall: RollCall): void;
  quality(sites: SiteQuality[]): void;
  alert(alert: SiteAlert): void;
  /** A site's status (headcount, reconnecting, poor) changed. */
  siteChanged(siteId: string): void;
  /** A site that dropped has not come back within the grace period: it is absent now. */
  absent(siteId: string): void;
}

/**
 * Attendance of one live meeting: presence events written in order as sites come and go, roll
 * calls, headcounts and connection quality. The live meeting tells it what happens; it never
 * touches media routing.
 */
export class MeetingAttendance {
  readonly rollCalls: RollCalls;
  readonly quality: QualityMonitor;
  private readonly writes = new SerialQueue();
  private readonly headcounts = new Map<string, number>();
  private readonly attendedSites = new Set<string>();
  private readonly droppedAt = new Map<string, number>();
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly meetingId: string,
    private readonly store: AttendanceStore,
    private readonly graceMs: number,
    sites: () => Iterable<SampledSite>,
    siteName: (siteId: string) => string,
    private readonly outputs: AttendanceOutputs,
    private readonly log: Logger,
  ) {
    this.rollCalls = new RollCalls(meetingId, store, (rollCall) => outputs.rollCall(rollCall), log);
    this.quality = new QualityMonitor(
      meetingId,
      sites,
      siteName,
      store,
      { sample: (sites) => outputs.quality(sites), alert: (alert) => outputs.alert(alert) },
      log,
    );
  }

  /** Loads what sites declared and who came earlier (a restart in the middle of the meeting keeps it), then samples. */
  async load(sampleMs: number): Promise<void> {
    for (const [siteId, headcount] of await this.store.headcounts(this.meetingId)) this.headcounts.set(siteId, headcount);
    for (const siteId of await this.store.attendedSites(this.meetingId)) this.attendedSites.add(siteId);
    this.quality.start(sampleMs);
  }

  siteJoined(siteId: string, userId: string): void {
    this.droppedAt.delete(siteId);
    clearTimeout(this.graceTimers.get(siteId));
    this.graceTimers.delete(siteId);
    this.attendedSites.add(siteId);
    this.write(siteId, 'JOIN', userId);
  }

  /** Whether the site has joined this meeting at least once. */
  attended(siteId: string): boolean {
    return this.attendedSites.has(siteId);
  }

  siteLeft(siteId: string, userId: string, kind: Exclude<PresenceKind, 'JOIN'>): void {
    this.write(siteId, kind, userId);
    if (kind !== 'DISCONNECT') return;
    this.quality.siteDropped(siteId);
    this.droppedAt.set(siteId, Date.now());
    // When the grace period runs out the wall turns the site from "reconnecting" to "absent".
    clearTimeout(this.graceTimers.get(siteId));
    const timer = setTimeout(() => {
      this.graceTimers.delete(siteId);
      this.outputs.absent(siteId);
    }, this.graceMs + 100);
    timer.unref();
    this.graceTimers.set(siteId, timer);
  }

  /** A site that dropped is "reconnecting" on the wall until the grace period is over. */
  reconnecting(siteId: string): boolean {
    const at = this.droppedAt.get(siteId);
    return at !== undefined && Date.now() - at <= this.graceMs;
  }

  headcount(siteId: string): number | null {
    return this.headcounts.get(siteId) ?? null;
  }

  async setHeadcount(siteId: string, headcount: number): Promise<void> {
    await this.store.setHeadcount(this.meetingId, siteId, headcount);
    this.headcounts.set(siteId, headcount);
    this.outputs.siteChanged(siteId);
  }

  /** Waits until every presence event so far is written (tests, shutdown). */
  flush(): Promise<void> {
    return this.writes.push(async () => undefined);
  }

  async close(): Promise<void> {
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
    this.rollCalls.close();
    await this.quality.stop();
    await this.flush();
  }

  private write(siteId: string, kind: PresenceKind, userId: string): void {
    const at = new Date();
    this.writes
      .push(() => this.store.presence(this.meetingId, siteId, kind, userId, at))
      .catch((err: unknown) => this.log.error({ err, siteId, kind }, 'could not record attendance'));
  }
}
