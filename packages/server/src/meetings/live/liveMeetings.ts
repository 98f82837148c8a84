import { CodedError } from '@pm/shared';
import type { PrismaAttendanceStore } from '../../attendance/attendanceStore.js';
import type { MeetingHosts } from '../../cluster/meetingHosts.js';
import type { MeetingStateStore } from '../../cluster/meetingStateStore.js';
import type { PrismaClient } from '../../db/prismaClient.js';
import type { Logger } from '../../logger.js';
import type { WorkerPool } from '../../sfu/workerPool.js';
import type { PlatformIo } from '../../signalling/socketServer.js';
import { LiveMeeting, type MeetingClusterServices } from './liveMeeting.js';
import type { MeetingPlanSource } from './meetingPlan.js';

/** A meeting nobody is in stays open this long, so a room-wide network blip keeps the floor. */
const IDLE_CLOSE_MS = 10 * 60_000;

/**
 * The live meetings of this node. The first join opens a meeting from its plan; concurrent first
 * joins share one opening (the promise is cached), so a join storm creates one meeting.
 */
export class LiveMeetings {
  private readonly meetings = new Map<string, Promise<LiveMeeting>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly openedListeners: Array<(meeting: LiveMeeting) => void> = [];

  constructor(
    private readonly pool: WorkerPool,
    private readonly io: PlatformIo,
    private readonly plans: MeetingPlanSource,
    private readonly attendance: { prisma: PrismaClient; store: PrismaAttendanceStore; graceMs: number; sampleMs: number },
    private readonly stateStore: MeetingStateStore,
    private readonly hosts: MeetingHosts,
    private readonly cluster: MeetingClusterServices,
    private readonly log: Logger,
  ) {}

  open(meetingId: string): Promise<LiveMeeting> {
    clearTimeout(this.idleTimers.get(meetingId));
    this.idleTimers.delete(meetingId);
    let meeting = this.meetings.get(meetingId);
    if (!meeting) {
      meeting = this.hosts.claim(meetingId).then(async (claim) => {
        // One node hosts a meeting at a time: elsewhere the client is sent to the host.
        if (!claim.here) {
          // Without a location the client asks again shortly (the host is being replaced).
          throw new CodedError('MOVED', `meeting ${meetingId} runs on node ${claim.nodeId}`, undefined, claim.url);
        }
        const plan = await this.plans.load(meetingId);
        if (!plan) {
          await this.hosts.release(meetingId);
          throw new CodedError('NOT_FOUND', `no meeting ${meetingId}`);
        }
        const { prisma, store, graceMs, sampleMs } = this.attendance;
        const live = new LiveMeeting(
          plan,
          this.pool,
          this.io,
          store,
          graceMs,
          this.stateStore,
          this.cluster,
          this.log.child({ meeting: meetingId }),
        );
        await live.restoreFloor();
        await live.attendance.load(prisma, sampleMs);
        this.log.info({ meeting: meetingId, sites: plan.sites.length }, 'meeting opened');
        for (const listener of this.openedListeners) listener(live);
        return live;
      });
      this.meetings.set(meetingId, meeting);
      meeting.catch(() => this.meetings.delete(meetingId));
    }
    return meeting;
  }

  /** Hears every meeting this node opens (the recorder goes on after a takeover). */
  onOpened(listener: (meeting: LiveMeeting) => void): void {
    this.openedListeners.push(listener);
  }

  /** The meeting if it is open on this node, without opening it. */
  async running(meetingId: string): Promise<LiveMeeting | undefined> {
    const meeting = this.meetings.get(meetingId);
    return meeting ? meeting.catch(() => undefined) : undefined;
  }

  /** What runs on this node now (metrics, draining): open meetings, their participants, and the sites among them. */
  async census(): Promise<{ meetings: number; participants: number; sites: number }> {
    const open = (await Promise.allSettled(this.meetings.values())).flatMap((m) => (m.status === 'fulfilled' ? [m.value] : []));
    return {
      meetings: open.length,
      participants: open.reduce((sum, meeting) => sum + meeting.size, 0),
      sites: open.reduce((sum, meeting) => sum + meeting.sitesJoined, 0),
    };
  }

  /** Called after a participant leaves: an empty meeting closes once it has stayed empty a while. */
  released(meeting: LiveMeeting): void {
    if (meeting.size > 0 || this.idleTimers.has(meeting.id)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(meeting.id);
      if (meeting.size > 0) return;
      meeting.close();
      this.meetings.delete(meeting.id);
      void this.hosts.release(meeting.id);
      this.log.info({ meeting: meeting.id }, 'meeting closed after staying empty');
    }, IDLE_CLOSE_MS);
    timer.unref();
    this.idleTimers.set(meeting.id, timer);
  }

  /** The meetings open on this node (their host leases are renewed with the heartbeat). */
  openMeetingIds(): string[] {
    return [...this.meetings.keys()];
  }

  /** Saves every open meeting's floor again (heartbeat: a restarted Redis gets it back). */
  async persistState(): Promise<void> {
    for (const meeting of await Promise.allSettled(this.meetings.values())) {
      if (meeting.status === 'fulfilled') await meeting.value.saveFloor();
    }
  }

  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    for (const meeting of await Promise.allSettled(this.meetings.values())) {
      if (meeting.status === 'fulfilled') meeting.value.close();
    }
    this.meetings.clear();
  }
}
