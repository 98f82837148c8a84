import { CodedError, type Identity, type MeetingSummary } from '@pm/shared';
import type { MeetingHosts } from '../../cluster/meetingHosts.js';
import type { Logger } from '../../logger.js';
import type { LiveMeeting } from './liveMeeting.js';
import type { ParticipantLink } from './meetingChannel.js';
import type { MeetingPlan, MeetingPlanSource } from './meetingPlan.js';
import { meetingRoleOf } from './meetingRoles.js';
import type { Participant } from './participant.js';
import { detach } from '../../util/detach.js';

/** A meeting nobody is in stays open this long, so a room-wide network blip keeps the floor. */
const IDLE_CLOSE_MS = 10 * 60_000;

export interface LiveMeetingsParts {
  plans: MeetingPlanSource;
  /** Which node hosts which meeting (one at a time). */
  hosts: MeetingHosts;
  /** Builds the live object of a meeting from its plan. */
  create(plan: MeetingPlan): LiveMeeting;
  /** How often the sites' connections are sampled. */
  sampleMs: number;
  log: Logger;
}

export interface Joined {
  meeting: LiveMeeting;
  participant: Participant;
  summary: MeetingSummary;
}

/**
 * The live meetings of this node. A meeting opens at the first admitted join; concurrent first
 * joins share one opening (the promise is cached), so a join storm creates one meeting. An account
 * that has no part in a meeting is refused before anything opens.
 */
export class LiveMeetings {
  private readonly meetings = new Map<string, Promise<LiveMeeting>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly openedListeners: Array<(meeting: LiveMeeting) => void> = [];
  private readonly endingListeners: Array<(meeting: LiveMeeting) => Promise<void>> = [];

  constructor(private readonly parts: LiveMeetingsParts) {}

  async join(identity: Identity, meetingId: string, link: ParticipantLink): Promise<Joined> {
    await this.assertJoinableNow(meetingId);
    const meeting = (await this.running(meetingId)) ?? (await this.open(await this.admittedPlan(identity, meetingId)));
    clearTimeout(this.idleTimers.get(meeting.id));
    this.idleTimers.delete(meeting.id);
    try {
      return { meeting, ...(await meeting.join(identity, link)) };
    } catch (error) {
      this.released(meeting);
      throw error;
    }
  }

  /**
   * The chair or an operator ends the meeting for everyone: the real end is stored, what must
   * finish with the meeting does (the recording), then the screens are told and it closes here.
   */
  async end(meeting: LiveMeeting, by: Participant): Promise<Date> {
    const endedAt = await meeting.end(by, async (at) => {
      await this.parts.plans.markEnded(meeting.id, at);
      for (const listener of this.endingListeners) {
        // The meeting ends even if its recording could not stop cleanly (the recorder repairs it).
        await listener(meeting).catch((err: unknown) => this.parts.log.error({ err, meeting: meeting.id }, 'could not finish with the meeting'));
      }
    });
    this.forget(meeting);
    return endedAt;
  }

  /** Hears every meeting its staff end, before its screens are told (the recording stops). */
  onEnding(listener: (meeting: LiveMeeting) => Promise<void>): void {
    this.endingListeners.push(listener);
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
    const open = await this.openMeetings();
    return {
      meetings: open.length,
      participants: open.reduce((sum, meeting) => sum + meeting.size, 0),
      sites: open.reduce((sum, meeting) => sum + meeting.sitesJoined, 0),
    };
  }

  /** Called after a participant leaves: an empty meeting closes once it has stayed empty a while. */
  released(meeting: LiveMeeting): void {
    if (meeting.size > 0 || meeting.isClosed || this.idleTimers.has(meeting.id)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(meeting.id);
      if (meeting.size > 0) return;
      detach(meeting.close(), this.parts.log, 'closing an empty meeting');
      this.forget(meeting);
      this.parts.log.info({ meeting: meeting.id }, 'meeting closed after staying empty');
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
    for (const meeting of await this.openMeetings()) await meeting.saveFloor();
  }

  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    await Promise.all((await this.openMeetings()).map((meeting) => meeting.close()));
    this.meetings.clear();
  }

  /**
   * Joining is attending: it is accepted only from the check-in window's opening to the meeting's
   * end, so nobody attends yesterday's meeting (late) or next week's (on time), whether or not the
   * meeting is still open on this node.
   */
  private async assertJoinableNow(meetingId: string): Promise<void> {
    const window = await this.parts.plans.joinWindow(meetingId);
    if (!window) throw new CodedError('NOT_FOUND', `no meeting ${meetingId}`);
    const now = Date.now();
    if (now < window.opensAt.getTime()) {
      throw new CodedError('OUTSIDE_MEETING_TIME', `meeting ${meetingId} opens for check-in at ${window.opensAt.toISOString()}`);
    }
    if (now > window.closesAt.getTime()) throw new CodedError('OUTSIDE_MEETING_TIME', `meeting ${meetingId} ended at ${window.closesAt.toISOString()}`);
  }

  /** The plan of a meeting that is not open here yet, if the account has a part in it and it has not ended. */
  private async admittedPlan(identity: Identity, meetingId: string): Promise<MeetingPlan> {
    const plan = await this.parts.plans.load(meetingId);
    if (!plan) throw new CodedError('NOT_FOUND', `no meeting ${meetingId}`);
    meetingRoleOf(identity, plan);
    if (plan.endedAt) throw new CodedError('CONFLICT', 'the meeting has ended');
    return plan;
  }

  /** A closed meeting is no longer this node's: another may open it (unless it ended). */
  private forget(meeting: LiveMeeting): void {
    clearTimeout(this.idleTimers.get(meeting.id));
    this.idleTimers.delete(meeting.id);
    this.meetings.delete(meeting.id);
    this.parts.hosts.release(meeting.id).catch((err: unknown) => this.parts.log.warn({ err, meeting: meeting.id }, 'could not release the meeting'));
  }

  private open(plan: MeetingPlan): Promise<LiveMeeting> {
    let meeting = this.meetings.get(plan.id);
    if (!meeting) {
      meeting = this.openHere(plan);
      this.meetings.set(plan.id, meeting);
      meeting.catch(() => this.meetings.delete(plan.id));
    }
    return meeting;
  }

  private async openHere(plan: MeetingPlan): Promise<LiveMeeting> {
    const claim = await this.parts.hosts.claim(plan.id);
    // One node hosts a meeting at a time: elsewhere the client is sent to the host. Without a
    // location the client asks again shortly (the host is being replaced).
    if (!claim.here) throw new CodedError('MOVED', `meeting ${plan.id} runs on node ${claim.nodeId}`, undefined, claim.url);
    const live = this.parts.create(plan);
    await live.openFloor();
    await live.attendance.load(this.parts.sampleMs);
    this.parts.log.info({ meeting: plan.id, sites: plan.sites.length }, 'meeting opened');
    for (const listener of this.openedListeners) listener(live);
    return live;
  }

  private async openMeetings(): Promise<LiveMeeting[]> {
    const settled = await Promise.allSettled(this.meetings.values());
    return settled.flatMap((m) => (m.status === 'fulfilled' ? [m.value] : []));
  }
}
