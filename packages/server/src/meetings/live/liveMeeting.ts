import {
  CodedError,
  type Identity,
  type MeetingSummary,
  type ParticipantRole,
  type ServerEventName,
  type ServerEventPayload,
  type SiteStatus,
} from '@pm/shared';
import { MeetingAttendance } from '../../attendance/meetingAttendance.js';
import type { PrismaAttendanceStore } from '../../attendance/attendanceStore.js';
import type { Logger } from '../../logger.js';
import { MeetingRouters } from '../../sfu/meetingRouters.js';
import type { ms } from '../../sfu/mediasoupModule.js';
import { PeerMedia } from '../../sfu/peerMedia.js';
import type { WorkerPool, WorkerSlot } from '../../sfu/workerPool.js';
import type { PlatformIo } from '../../signalling/socketServer.js';
import type { SocketSession } from '../../signalling/socketSession.js';
import { ConsumerRouting } from './consumerRouting.js';
import { FloorControl } from './floorControl.js';
import type { MeetingPlan, PlannedSite } from './meetingPlan.js';
import { Participant } from './participant.js';
import { selectProgramme, type ProgrammeFeed, type ProgrammeSelection } from './programme.js';
import { SpeakerDetection } from './speakerDetection.js';
import type { JoinPacer } from '../../cluster/joinPacer.js';
import type { MeetingStateStore } from '../../cluster/meetingStateStore.js';
import { MeetingCascade, type ClusterMedia } from '../../sfu/cascade/meetingCascade.js';
import type { ParticipantMedia } from '../../sfu/participantMedia.js';
import { SerialQueue } from '../../util/serialQueue.js';

/** What a meeting needs from the cluster to span it; both absent on a node without Redis. */
export interface MeetingClusterServices {
  media: ClusterMedia | undefined;
  pacer: JoinPacer | undefined;
}

/**
 * A meeting while it runs on this node: the single owner of its routers, participants, floor and
 * programme. Handlers call its methods; it decides who receives what and tells the screens.
 */
export class LiveMeeting {
  private readonly participants = new Map<string, Participant>();
  private floor = new FloorControl();
  /** Floor snapshots are saved one after another, so the store never goes back in time. */
  private readonly floorSaves = new SerialQueue();
  private readonly routers: MeetingRouters;
  private readonly routing: ConsumerRouting;
  private readonly plannedSites: Map<string, PlannedSite>;
  private selection: ProgrammeSelection;
  /** What each operator's wall shows, to re-apply when a site starts sending. */
  private readonly wallSelections = new Map<Participant, string[]>();
  private readonly speakers: SpeakerDetection;
  private readonly programmeListeners = new Set<(selection: ProgrammeSelection) => void>();
  readonly attendance: MeetingAttendance;
  /** The other nodes this meeting's sites are placed on (with a cluster). */
  private readonly cascade: MeetingCascade | undefined;
  private closed = false;

  constructor(
    readonly plan: MeetingPlan,
    pool: WorkerPool,
    private readonly io: PlatformIo,
    attendanceStore: PrismaAttendanceStore,
    graceMs: number,
    private readonly stateStore: MeetingStateStore,
    private readonly cluster: MeetingClusterServices,
    private readonly log: Logger,
  ) {
    this.routers = new MeetingRouters(pool, plan.id, log);
    this.cascade = cluster.media ? new MeetingCascade(cluster.media, this.routers, plan.id, log) : undefined;
    this.routing = new ConsumerRouting(this.routers, log);
    this.plannedSites = new Map(plan.sites.map((s) => [s.siteId, s]));
    this.attendance = new MeetingAttendance(
      plan.id,
      attendanceStore,
      graceMs,
      () => this.participants.values(),
      (siteId) => this.plannedSites.get(siteId)?.name ?? siteId,
      {
        rollCall: (rollCall) => this.emit(this.room(), 'rollcall:update', rollCall),
        quality: (sites) => this.emit(this.room('staff'), 'meeting:quality', { sites }),
        alert: (alert) => this.emit(this.room('staff'), 'meeting:alert', alert),
        siteChanged: (siteId) => this.publishSiteStatus(siteId),
      },
      log,
    );
    this.speakers = new SpeakerDetection((siteId) => this.emit(this.room(), 'meeting:activeSpeaker', { siteId }), log);
    this.selection = selectProgramme(this.floor, this.participants, (id) => this.plannedSites.get(id)?.name);
    pool.on('workerReplaced', this.onWorkerReplaced);
    this.detachPool = () => pool.off('workerReplaced', this.onWorkerReplaced);
  }

  private readonly detachPool: () => void;

  get id(): string {
    return this.plan.id;
  }

  get size(): number {
    return this.participants.size;
  }

  /** Meeting rooms connected now (the chair and operators are participants, not sites). */
  get sitesJoined(): number {
    let sites = 0;
    for (const participant of this.participants.values()) if (participant.role === 'site') sites++;
    return sites;
  }

  /** Continues from the floor another node (or this one, before a restart) left behind. */
  async restoreFloor(): Promise<void> {
    const saved = await this.stateStore.loadFloor(this.id);
    if (!saved) return;
    this.floor = new FloorControl(saved);
    this.log.info({ meeting: this.id, holder: this.floor.holder, queue: saved.queue.length }, 'floor restored');
  }

  /** The site holding the floor now, if any. */
  floorHolder(): string | null {
    return this.floor.holder ?? null;
  }

  isInvited(siteId: string): boolean {
    return this.plannedSites.has(siteId);
  }

  /** The part an account plays in this meeting, or FORBIDDEN if it has none. */
  roleOf(identity: Identity): ParticipantRole {
    if (identity.role === 'SITE' && identity.siteId && this.plannedSites.has(identity.siteId)) return 'site';
    if (identity.role === 'CHAIR' && this.plan.chairUserId === identity.userId) return 'chair';
    if (identity.role === 'OPERATOR' || identity.role === 'ADMIN') return 'operator';
    throw new CodedError('FORBIDDEN', `${identity.username} is not invited to meeting ${this.plan.id}`);
  }

  async join(identity: Identity, session: SocketSession): Promise<{ participant: Participant; summary: MeetingSummary }> {
    if (this.closed) throw new CodedError('CONFLICT', 'the meeting has ended');
    const role = this.roleOf(identity);
    const key = Participant.keyFor(role, identity);
    // The same account joining again (a kiosk reloading, a reconnection) replaces its old self.
    const previous = this.participants.get(key);
    if (previous) this.removeParticipant(previous, 'replaced');

    // A storm of sites (a whole province reconnecting) is paced across the cluster, not refused.
    if (role === 'site') await this.cluster.pacer?.admit();
    if (this.closed) throw new CodedError('CONFLICT', 'the meeting has ended');
    let participant: Participant | undefined;
    const media = await this.placeMedia(role, key, session, () => participant);
    participant = new Participant(key, role, identity.siteId, identity, session, media);
    this.participants.set(key, participant);
    session.setMedia(media);
    await session.socket.join(this.room());
    if (role !== 'site') await session.socket.join(this.room('staff'));
    if (role === 'site' && identity.siteId) {
      this.attendance.siteJoined(identity.siteId, identity.userId);
      this.publishSiteStatus(identity.siteId);
    }
    this.log.info({ meeting: this.id, participant: key, worker: media.slot.index, node: media.node ?? 'here' }, 'joined');
    return { participant, summary: this.summary(participant) };
  }

  /** The participant can receive: send it the programme. */
  async ready(participant: Participant, rtpCapabilities: ms.RtpCapabilities): Promise<void> {
    participant.rtpCapabilities = rtpCapabilities;
    await this.routing.syncProgramme(participant, this.selection);
  }

  /** `LEAVE`: the site pressed leave; `DISCONNECT`: its connection dropped (it may come back). */
  leave(participant: Participant, kind: 'LEAVE' | 'DISCONNECT'): void {
    if (this.participants.get(participant.key) !== participant) return;
    this.removeParticipant(participant, kind);
  }

  // ---- floor (sites ask, the chair or operator decides) ----

  requestFloor(participant: Participant): number {
    const siteId = this.requireSite(participant);
    const position = this.floor.request(siteId, Date.now());
    this.publishFloor();
    return position;
  }

  cancelFloor(participant: Participant): void {
    if (this.floor.cancel(this.requireSite(participant))) this.publishFloor();
  }

  grantFloor(by: Participant, siteId: string): void {
    this.requireModerator(by);
    if (!this.plannedSites.has(siteId)) throw new CodedError('NOT_FOUND', `site ${siteId} is not invited`);
    this.floor.grant(siteId, Date.now());
    this.floorChanged();
  }

  revokeFloor(by: Participant): void {
    this.requireModerator(by);
    this.floor.revoke();
    this.floorChanged();
  }

  nextFloor(by: Participant): string | null {
    this.requireModerator(by);
    const siteId = this.floor.next(Date.now());
    this.floorChanged();
    return siteId ?? null;
  }

  muteAll(by: Participant): void {
    this.requireModerator(by);
    this.floor.muteAll(Date.now());
    this.floorChanged();
  }

  spotlight(by: Participant, siteId: string | null): void {
    this.requireModerator(by);
    if (siteId && !this.plannedSites.has(siteId)) throw new CodedError('NOT_FOUND', `site ${siteId} is not invited`);
    this.floor.setSpotlight(siteId ?? undefined);
    this.floorChanged();
  }

  async watchWall(by: Participant, siteIds: string[]): Promise<void> {
    if (by.role === 'site') throw new CodedError('FORBIDDEN', 'only the chair and operators watch the site wall');
    this.wallSelections.set(by, siteIds);
    await this.routing.syncWall(by, this.sitesOnWall(siteIds));
  }

  /**
   * For consumers that are not participants (the recorder): the current programme now and at
   * every change, and a router of this meeting to consume it on (producers are piped there).
   * Returns the function that stops listening.
   */
  watchProgramme(listener: (selection: ProgrammeSelection) => void): () => void {
    this.programmeListeners.add(listener);
    listener(this.selection);
    return () => this.programmeListeners.delete(listener);
  }

  /** A router of this meeting (the least-loaded worker's) for a non-participant consumer. */
  async placeConsumer(): Promise<ms.Router> {
    return (await this.routers.place()).router;
  }

  /** Makes a programme feed consumable on `router` (pipes it there if it lives elsewhere). */
  async routeFeed(feed: ProgrammeFeed, router: ms.Router): Promise<void> {
    await this.routers.ensureProducerOn(feed.producer, feed.owner.media.router, router);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detachPool();
    this.io.to(this.room()).emit('meeting:ended', { meetingId: this.id });
    for (const participant of [...this.participants.values()]) this.removeParticipant(participant, 'LEAVE');
    void this.attendance.close();
    this.cascade?.close();
    this.routers.close();
  }

  // ---- internals ----

  private room(kind?: 'staff'): string {
    return kind ? `meeting:${this.id}:${kind}` : `meeting:${this.id}`;
  }

  private emit<N extends ServerEventName>(room: string, event: N, payload: ServerEventPayload<N>): void {
    // A late result (a quality sample that took a while) must not be sent through an adapter the
    // node has closed while shutting down: that rejection would end the process.
    if (this.closed) return;
    (this.io.to(room).emit as (e: string, p: unknown) => void)(event, payload);
  }

  /**
   * Where a participant's media go. Sites may be placed on another node of the cluster (the
   * least loaded); the chair and operators stay with the meeting, whose programme they feed and
   * whose site wall they watch.
   */
  private async placeMedia(
    role: ParticipantRole,
    key: string,
    session: SocketSession,
    self: () => Participant | undefined,
  ): Promise<ParticipantMedia> {
    const events = {
      consumerClosed: (consumerId: string) => session.socket.emit('media:consumerClosed', { consumerId }),
      producerOpened: (producer: ms.Producer) => {
        const participant = self();
        if (participant) this.onProducerOpened(participant, producer);
      },
    };
    let settle = () => undefined as void;
    if (role === 'site' && this.cascade) {
      const placed = await this.cascade.placeSite(key, {
        ...events,
        lost: (reason) => {
          const participant = self();
          if (participant) this.mediaLost(participant, reason);
        },
      });
      if ('remote' in placed) return placed.remote;
      settle = placed.here.settle;
    }
    try {
      const { slot, router } = await this.routers.placePeer();
      return new PeerMedia(key, slot, router, events);
    } finally {
      settle();
    }
  }

  /** A participant's media are gone (worker died, node lost): it rejoins; the meeting goes on. */
  private mediaLost(participant: Participant, reason: string): void {
    if (this.participants.get(participant.key) !== participant) return;
    this.log.warn({ meeting: this.id, participant: participant.key, reason }, 'media lost; asking to reconnect');
    this.removeParticipant(participant, 'DISCONNECT');
    participant.session.socket.emit('media:reconnectRequired', { reason });
  }

  private requireSite(participant: Participant): string {
    if (participant.role !== 'site' || !participant.siteId) {
      throw new CodedError('FORBIDDEN', 'only a site asks for the floor');
    }
    return participant.siteId;
  }

  private requireModerator(participant: Participant): void {
    if (participant.role === 'site') throw new CodedError('FORBIDDEN', 'only the chair or an operator controls the floor');
  }

  private removeParticipant(participant: Participant, reason: 'LEAVE' | 'DISCONNECT' | 'replaced'): void {
    this.participants.delete(participant.key);
    if (participant.siteId && reason !== 'replaced') {
      this.attendance.siteLeft(participant.siteId, participant.identity.userId, reason);
    }
    this.wallSelections.delete(participant);
    participant.media.close();
    void participant.session.socket.leave(this.room());
    void participant.session.socket.leave(this.room('staff'));
    if (participant.siteId) this.publishSiteStatus(participant.siteId);
    this.log.info({ meeting: this.id, participant: participant.key, reason }, 'left');
    this.programmeMayHaveChanged();
  }

  private onProducerOpened(participant: Participant, producer: ms.Producer): void {
    if (producer.kind === 'audio') void this.speakers.add(participant.media.router, producer, participant.siteId);
    producer.observer.once('close', () => {
      if (participant.siteId) this.publishSiteStatus(participant.siteId);
      this.programmeMayHaveChanged();
    });
    if (participant.siteId && producer.kind === 'video') {
      this.publishSiteStatus(participant.siteId);
      for (const [watcher, siteIds] of this.wallSelections) {
        if (siteIds.includes(participant.siteId)) void this.routing.syncWall(watcher, this.sitesOnWall(siteIds));
      }
    }
    this.programmeMayHaveChanged();
  }

  private floorChanged(): void {
    this.publishFloor();
    this.programmeMayHaveChanged();
  }

  /** Recomputes the programme; if it changed, every participant's consumers follow. */
  private programmeMayHaveChanged(): void {
    if (this.closed) return;
    const next = selectProgramme(this.floor, this.participants, (id) => this.plannedSites.get(id)?.name);
    const same =
      next.video?.producer === this.selection.video?.producer &&
      next.audio.length === this.selection.audio.length &&
      next.audio.every((f, i) => f.producer === this.selection.audio[i]?.producer);
    this.selection = next;
    if (same) return;
    this.emit(this.room(), 'meeting:programme', next.programme);
    for (const participant of this.participants.values()) void this.routing.syncProgramme(participant, next);
    for (const listener of this.programmeListeners) listener(next);
  }

  private publishFloor(): void {
    this.emit(this.room(), 'meeting:floor', this.floor.snapshot());
    void this.saveFloor().catch((err: unknown) => this.log.error({ err, meeting: this.id }, 'could not save the floor'));
  }

  /** Writes the floor as it is now; also called with every heartbeat, in case Redis lost it. */
  saveFloor(): Promise<void> {
    const snapshot = this.floor.snapshot();
    return this.floorSaves.push(() => this.stateStore.saveFloor(this.id, snapshot));
  }

  private publishSiteStatus(siteId: string): void {
    const status = this.siteStatus(siteId);
    if (status) this.emit(this.room('staff'), 'meeting:siteStatus', status);
  }

  private siteStatus(siteId: string): SiteStatus | undefined {
    const planned = this.plannedSites.get(siteId);
    if (!planned) return undefined;
    const participant = this.participants.get(`site:${siteId}`);
    const connection = participant
      ? this.attendance.quality.level(siteId) === 'poor'
        ? 'poor'
        : 'connected'
      : this.attendance.reconnecting(siteId)
        ? 'reconnecting'
        : 'absent';
    return {
      ...planned,
      connection,
      hasVideo: !!participant?.producer('camera'),
      headcount: this.attendance.headcount(siteId),
    };
  }

  private sitesOnWall(siteIds: string[]): Participant[] {
    return siteIds.flatMap((id) => {
      const p = this.participants.get(`site:${id}`);
      return p ? [p] : [];
    });
  }

  private summary(participant: Participant): MeetingSummary {
    return {
      meetingId: this.id,
      title: this.plan.title,
      selfSiteId: participant.siteId,
      role: participant.role,
      floor: this.floor.snapshot(),
      programme: this.selection.programme,
      sites:
        participant.role === 'site'
          ? []
          : this.plan.sites.map((s) => this.siteStatus(s.siteId)).filter((s): s is SiteStatus => !!s),
      rollCall: this.attendance.rollCalls.active() ?? null,
      headcount: participant.siteId ? this.attendance.headcount(participant.siteId) : null,
    };
  }

  /** Participants whose router (or node link) died must rebuild their media; the meeting goes on. */
  private readonly onWorkerReplaced = (_fresh: WorkerSlot, dead: WorkerSlot): void => {
    for (const participant of [...this.participants.values()]) {
      if (participant.media.slot === dead) this.mediaLost(participant, 'media server restarted');
    }
  };
}
