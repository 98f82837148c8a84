import {
  CodedError,
  type ClientQualityReport,
  type Identity,
  type MeetingMessage,
  type MeetingSummary,
  type MessageAudience,
  type ParticipantRole,
  type RollCall,
  type ServerEventName,
  type ServerEventPayload,
  type SiteStatus,
} from '@pm/shared';
import type { AttendanceStore } from '../../attendance/attendanceStore.js';
import { MeetingAttendance } from '../../attendance/meetingAttendance.js';
import type { MeetingStateStore } from '../../cluster/meetingStateStore.js';
import type { Logger } from '../../logger.js';
import type { MeetingMedia, ProgrammeOutput, ProgrammeOutputs, ProgrammeSources } from '../../sfu/meetingMedia.js';
import type { ms } from '../../sfu/mediasoupModule.js';
import type { ParticipantMedia } from '../../sfu/participantMedia.js';
import { detach } from '../../util/detach.js';
import { KeyedQueue } from '../../util/keyedQueue.js';
import { SerialQueue } from '../../util/serialQueue.js';
import { FloorControl } from './floorControl.js';
import type { FloorHistory } from './floorHistory.js';
import type { MeetingChannel, ParticipantLink } from './meetingChannel.js';
import type { MeetingPlan, PlannedSite } from './meetingPlan.js';
import { addressedTo, composeMessage } from './meetingMessages.js';
import { meetingRoleOf, requireModerator, requireSite } from './meetingRoles.js';
import type { MessageLog } from './messageLog.js';
import { Participant, participantKey } from './participant.js';
import { isPresentation, programmeCaption, sameSelection, selectProgramme, type ProgrammeFeed, type ProgrammeSelection } from './programme.js';
import { ProgrammeRouting, type ProgrammeView } from './programmeRouting.js';
import { WallRouting } from './wallRouting.js';

/** What a live meeting is made of; the composition root (or a test) supplies each part. */
export interface LiveMeetingParts {
  plan: MeetingPlan;
  media: MeetingMedia;
  channel: MeetingChannel;
  attendance: { store: AttendanceStore; graceMs: number };
  /** Where the floor is kept between changes (Redis in a cluster), for a node taking the meeting over. */
  stateStore: MeetingStateStore;
  /** Who held the floor when: the meeting's record of its speakers. */
  floorHistory: FloorHistory;
  /** The meeting's log of text messages. */
  messages: MessageLog;
  /** Waits for a site's turn in a join storm (the cluster's pace); none on a single node. */
  admitSite?: () => Promise<void>;
  log: Logger;
}

/**
 * A meeting while it runs on this node: the single owner of its participants, floor and programme.
 * Handlers call its methods; it decides who receives what and tells the screens through its
 * channel. The SFU work is its media's, the presence records its attendance's.
 */
export class LiveMeeting {
  readonly plan: MeetingPlan;
  readonly attendance: MeetingAttendance;
  private readonly participants = new Map<string, Participant>();
  private floor = new FloorControl();
  /** Floor snapshots are saved one after another, so the store never goes back in time. */
  private readonly floorSaves = new SerialQueue();
  private readonly joins = new KeyedQueue();
  private readonly media: MeetingMedia;
  private readonly channel: MeetingChannel;
  private readonly wall: WallRouting;
  private readonly programmeRouting: ProgrammeRouting;
  private readonly plannedSites: Map<string, PlannedSite>;
  /** What feeds the programme, as decided. */
  private selection: ProgrammeSelection;
  /** The programme picture before the current one (the room on the programme may watch it). */
  private previousVideo: ProgrammeFeed | undefined;
  /** The selection last handed to the programme, and the picture the rooms see now. */
  private shown: ProgrammeSelection | undefined;
  private shownVideo: ProgrammeFeed | undefined;
  private readonly programmeUpdates = new SerialQueue();
  /** The floor holder last written to the floor history. */
  private historyHolder: string | null | undefined;
  /** What each operator's wall shows, to re-apply when a site starts sending. */
  private readonly wallSelections = new Map<Participant, string[]>();
  private readonly programmeListeners = new Set<(selection: ProgrammeSelection) => void>();
  /** The agenda item under discussion (its position), as the chair last said. */
  private agendaItem: number | null = null;
  /** Set while the staff's end of the meeting is under way. */
  private ending: Promise<Date> | undefined;
  private closed = false;

  constructor(private readonly parts: LiveMeetingParts) {
    const { plan, media, channel, log } = parts;
    this.plan = plan;
    this.media = media;
    this.channel = channel;
    this.wall = new WallRouting(media, log);
    this.programmeRouting = new ProgrammeRouting(media, log);
    this.plannedSites = new Map(plan.sites.map((s) => [s.siteId, s]));
    this.attendance = new MeetingAttendance(
      plan.id,
      parts.attendance.store,
      parts.attendance.graceMs,
      () => this.connectedSites(),
      (siteId) => this.siteName(siteId) ?? siteId,
      {
        rollCall: (rollCall) => this.push('everyone', 'rollcall:update', rollCall),
        quality: (sites) => this.push('staff', 'meeting:quality', { sites }),
        alert: (alert) => this.push('staff', 'meeting:alert', alert),
        siteChanged: (siteId) => this.publishSiteStatus(siteId),
        absent: (siteId) => this.siteGone(siteId),
      },
      log,
    );
    media.onActiveSpeaker((siteId) => this.push('everyone', 'meeting:activeSpeaker', { siteId }));
    media.onProgrammeSwitched((output) => this.programmeSwitched(output));
    media.onProgrammeLost(() => this.programmeLost());
    this.selection = this.chooseProgramme();
  }

  get id(): string {
    return this.plan.id;
  }

  get size(): number {
    return this.participants.size;
  }

  /** Meeting rooms connected now (the chair and operators are participants, not sites). */
  get sitesJoined(): number {
    return [...this.participants.values()].filter((p) => p.role === 'site').length;
  }

  /**
   * Continues from the floor another node (or this one, before a restart) left behind; or opens it
   * with the chair presiding, the floor history's first turn (the review's timeline starts with it).
   */
  async openFloor(): Promise<void> {
    const saved = await this.parts.stateStore.loadFloor(this.id);
    if (saved) {
      this.floor = new FloorControl(saved);
      this.historyHolder = this.floor.holder ?? null;
      this.parts.log.info({ meeting: this.id, holder: this.floor.holder, queue: saved.queue.length }, 'floor restored');
      return;
    }
    this.historyHolder = null;
    await this.parts.floorHistory.turn(this.id, null, new Date());
  }

  /** The site holding the floor now, if any. */
  floorHolder(): string | null {
    return this.floor.holder ?? null;
  }

  siteName(siteId: string): string | undefined {
    return this.plannedSites.get(siteId)?.name;
  }

  isInvited(siteId: string): boolean {
    return this.plannedSites.has(siteId);
  }

  /** The part an account plays in this meeting, or FORBIDDEN if it has none. */
  roleOf(identity: Identity): ParticipantRole {
    return meetingRoleOf(identity, this.plan);
  }

  /**
   * Admits a participant. The same account joining again (a kiosk reloading, a reconnection)
   * replaces its old self; joins of one account are taken one at a time.
   */
  async join(identity: Identity, link: ParticipantLink): Promise<{ participant: Participant; summary: MeetingSummary }> {
    this.assertOpen();
    const role = this.roleOf(identity);
    const key = participantKey.of(role, identity);
    return this.joins.push(key, async () => {
      const previous = this.participants.get(key);
      if (previous) this.removeParticipant(previous, 'replaced');
      // A storm of sites (a whole province reconnecting) is paced across the cluster, not refused.
      if (role === 'site') await this.parts.admitSite?.();
      this.assertOpen();
      // Media events name the participant, which exists once its media are placed.
      let participant: Participant | undefined;
      const media = await this.media.place(role, key, {
        consumerClosed: (consumerId) => link.send('media:consumerClosed', { consumerId }),
        producerOpened: (producer) => participant && this.onProducerOpened(participant, producer),
        lost: (reason) => participant && this.mediaLost(participant, reason),
      });
      if (this.closed) {
        media.close();
        this.assertOpen();
      }
      participant = new Participant(key, role, identity.siteId, identity, link, media);
      this.participants.set(key, participant);
      this.channel.admit(link, role === 'site' ? 'site' : 'staff');
      if (participant.siteId) {
        this.attendance.siteJoined(participant.siteId, identity.userId);
        this.publishSiteStatus(participant.siteId);
      }
      this.parts.log.info({ meeting: this.id, participant: key, worker: media.slot.index, node: media.node ?? 'here' }, 'joined');
      return { participant, summary: this.summary(participant) };
    });
  }

  /** The participant can receive: it subscribes to the programme, once for the whole meeting. */
  async ready(participant: Participant, rtpCapabilities: ms.RtpCapabilities): Promise<void> {
    participant.rtpCapabilities = rtpCapabilities;
    await this.programmeRouting.subscribe(participant, await this.media.programme(), this.viewOf(participant));
  }

  /** `LEAVE`: the room left; `DISCONNECT`: its connection dropped (it may come back within the grace period). */
  leave(participant: Participant, kind: 'LEAVE' | 'DISCONNECT'): void {
    if (this.participants.get(participant.key) !== participant) return;
    this.removeParticipant(participant, kind);
  }

  // ---- floor (sites ask, the chair or operator decides) ----

  requestFloor(participant: Participant): number {
    const position = this.floor.request(requireSite(participant, 'ask for the floor'), Date.now());
    this.publishFloor();
    return position;
  }

  cancelFloor(participant: Participant): void {
    if (this.floor.cancel(requireSite(participant, 'withdraw a request'))) this.publishFloor();
  }

  grantFloor(by: Participant, siteId: string): void {
    requireModerator(by.role, 'give the floor');
    this.requireInvited(siteId);
    this.floor.grant(siteId, Date.now());
    this.floorChanged();
  }

  moveToFront(by: Participant, siteId: string): void {
    requireModerator(by.role, 'reorder the queue');
    if (!this.floor.moveToFront(this.requireInvited(siteId))) throw new CodedError('CONFLICT', `site ${siteId} is not asking for the floor`);
    this.publishFloor();
  }

  revokeFloor(by: Participant): void {
    requireModerator(by.role, 'take the floor back');
    this.floor.revoke();
    this.floorChanged();
  }

  nextFloor(by: Participant): string | null {
    requireModerator(by.role, 'give the floor');
    const siteId = this.floor.next(Date.now());
    this.floorChanged();
    return siteId ?? null;
  }

  muteAll(by: Participant): void {
    requireModerator(by.role, 'mute every site');
    this.floor.muteAll(Date.now());
    this.floorChanged();
  }

  /** One room's microphone closed by the staff (see `FloorControl.muteSite`); CONFLICT if it was not open. */
  muteSite(by: Participant, siteId: string): void {
    requireModerator(by.role, 'mute a site');
    if (!this.floor.muteSite(this.requireInvited(siteId), Date.now())) {
      throw new CodedError('CONFLICT', `site ${siteId}'s microphone is not open`);
    }
    this.floorChanged();
  }

  spotlight(by: Participant, siteId: string | null): void {
    requireModerator(by.role, 'spotlight a site');
    if (siteId) this.requireInvited(siteId);
    this.floor.setSpotlight(siteId ?? undefined);
    this.floorChanged();
  }

  /** The chair (or an operator) moves the meeting to an agenda item, or to none; every screen is told. */
  setAgendaItem(by: Participant, position: number | null): void {
    requireModerator(by.role, 'choose the agenda item');
    this.moveToAgendaItem(position);
  }

  /**
   * The meeting's secretary moves it to an agenda item from the minutes screen: not a participant,
   * so the caller has checked that this account writes the meeting's minutes.
   */
  moveToAgendaItem(position: number | null): void {
    this.assertOpen();
    if (position !== null && position > this.plan.agendaItems) {
      throw new CodedError('NOT_FOUND', `the agenda has ${this.plan.agendaItems} items, not ${position}`);
    }
    if (position === this.agendaItem) return;
    this.agendaItem = position;
    this.push('everyone', 'meeting:agendaItem', { position });
  }

  /** The agenda item under discussion (its position; null: none named). */
  get currentAgendaItem(): number | null {
    return this.agendaItem;
  }

  /** The chair invites a site to present its screen (null withdraws the invitation). */
  invitePresenter(by: Participant, siteId: string | null): void {
    requireModerator(by.role, 'invite a site to present');
    if (siteId) this.requireInvited(siteId);
    this.floor.invitePresenter(siteId ?? undefined);
    this.floorChanged();
  }

  /**
   * Before a participant shares its screen: the chair may always; a site while it holds the floor
   * or is invited to present; an operator never (it has no room to show).
   */
  requirePresenter(participant: Participant): void {
    if (participant.role === 'chair') return;
    if (participant.role !== 'site' || !participant.siteId) throw new CodedError('FORBIDDEN', 'only the chair and meeting rooms present');
    if (!this.floor.mayPresent(participant.siteId)) {
      throw new CodedError('FORBIDDEN', 'a room presents while it holds the floor or when the chair invites it');
    }
  }

  async watchWall(by: Participant, siteIds: string[]): Promise<void> {
    requireModerator(by.role, 'watch the site wall');
    this.wallSelections.set(by, siteIds);
    await this.wall.syncWall(by, this.sitesOnWall(siteIds));
  }

  // ---- attendance inside the meeting ----

  async startRollCall(by: Participant, durationSeconds: number): Promise<RollCall> {
    requireModerator(by.role, 'start a roll call');
    return this.attendance.rollCalls.start(by.identity.userId, durationSeconds);
  }

  async confirmRollCall(participant: Participant, rollCallId: string): Promise<RollCall> {
    const siteId = requireSite(participant, 'answer a roll call');
    return this.attendance.rollCalls.confirm(rollCallId, siteId, participant.identity.userId);
  }

  /** A room declares its own headcount; the chair or an operator may correct any invited site's. */
  async setHeadcount(by: Participant, headcount: number, siteId: string | undefined): Promise<void> {
    let target: string;
    if (by.role === 'site') {
      target = requireSite(by, 'declare its headcount');
      if (siteId && siteId !== target) throw new CodedError('FORBIDDEN', 'a site declares only its own headcount');
    } else {
      if (!siteId) throw new CodedError('BAD_REQUEST', 'siteId is required');
      target = this.requireInvited(siteId);
    }
    await this.attendance.setHeadcount(target, headcount);
  }

  reportQuality(participant: Participant, report: ClientQualityReport): void {
    this.attendance.quality.clientReport(requireSite(participant, 'report its connection'), report);
  }

  // ---- text messages ----

  /**
   * Sends a text message: written to the meeting's log first, then shown on the screens it is
   * for; the staff's screens show every message.
   */
  async sendMessage(by: Participant, to: MessageAudience, text: string): Promise<MeetingMessage> {
    const message = await this.logMessage(by, to, text);
    if (to.kind === 'all') {
      this.push('everyone', 'meeting:message', message);
      return message;
    }
    this.push('staff', 'meeting:message', message);
    for (const participant of this.participants.values()) {
      const site = participant.siteId ? this.plannedSites.get(participant.siteId) : undefined;
      if (site && addressedTo(to, site)) participant.link.send('meeting:message', message);
    }
    return message;
  }

  /**
   * Calls an invited room that is not in the meeting (it left or dropped) back into it: the call
   * is written to the message log as a message to that room, the staff's screens list it, and the
   * room's screens outside the meeting (its home screen) show it with the way in.
   */
  async callBack(by: Participant, siteId: string, text: string): Promise<MeetingMessage> {
    requireModerator(by.role, 'call a site back');
    this.assertOpen();
    this.requireInvited(siteId);
    if (this.participants.has(participantKey.site(siteId))) throw new CodedError('CONFLICT', `site ${siteId} is in the meeting`);
    const message = await this.logMessage(by, { kind: 'site', siteId }, text);
    this.push('staff', 'meeting:message', message);
    if (!this.closed) this.channel.toSite(siteId, 'meeting:callBack', { meetingId: this.id, title: this.plan.title, message });
    return message;
  }

  // ---- the programme for receivers that are not participants (the recorder) ----

  /** The current choice of programme now and at every change. Returns the function that stops listening. */
  watchProgramme(listener: (selection: ProgrammeSelection) => void): () => void {
    this.programmeListeners.add(listener);
    listener(this.selection);
    return () => this.programmeListeners.delete(listener);
  }

  /** The programme's stable producers, and where they live. */
  programme(): Promise<ProgrammeOutputs> {
    return this.media.programme();
  }

  /** A router of this meeting for a receiver that is not a participant. */
  placeConsumer(): Promise<ms.Router> {
    return this.media.placeConsumer();
  }

  /** Makes a producer of the meeting consumable on `to`. */
  route(producer: ms.Producer, from: ms.Router, to: ms.Router): Promise<void> {
    return this.media.route(producer, from, to);
  }

  /**
   * The chair or an operator ends the meeting for everyone. `finishing` runs first, while the
   * programme still flows (the real end is stored, the recording stops); then every screen is
   * told and each room's presence closes, at the real end. Two staff ending it at once end it
   * once; if `finishing` fails, the meeting goes on and may be ended again.
   */
  async end(by: Participant, finishing: (endedAt: Date) => Promise<void>): Promise<Date> {
    requireModerator(by.role, 'end the meeting');
    this.assertOpen();
    this.ending ??= this.finish(finishing).finally(() => {
      if (!this.closed) this.ending = undefined;
    });
    return this.ending;
  }

  private async finish(finishing: (endedAt: Date) => Promise<void>): Promise<Date> {
    const endedAt = new Date();
    await finishing(endedAt);
    this.push('everyone', 'meeting:ended', { meetingId: this.id });
    await this.close();
    this.parts.log.info({ meeting: this.id, endedAt }, 'meeting ended by its staff');
    return endedAt;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Closes the meeting on this node without ending it (nobody stayed in it, or the node shuts
   * down and another takes it over): the screens are not told it ended; they reconnect.
   * Resolves once every room's presence is written (a node shutting down closes its database next).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const participant of [...this.participants.values()]) this.removeParticipant(participant, 'LEAVE');
    this.media.close();
    await this.attendance.close().catch((err: unknown) => this.parts.log.error({ err, meeting: this.id }, 'closing the attendance failed'));
  }

  /** Writes the floor as it is now; also called with every heartbeat, in case Redis lost it. */
  saveFloor(): Promise<void> {
    const snapshot = this.floor.snapshot();
    return this.floorSaves.push(() => this.parts.stateStore.saveFloor(this.id, snapshot));
  }

  // ---- internals ----

  private assertOpen(): void {
    if (this.closed) throw new CodedError('CONFLICT', 'the meeting has ended');
  }

  private requireInvited(siteId: string): string {
    if (!this.plannedSites.has(siteId)) throw new CodedError('NOT_FOUND', `site ${siteId} is not invited`);
    return siteId;
  }

  /** A message as its author may send it, written to the meeting's log before anyone sees it. */
  private async logMessage(by: Participant, to: MessageAudience, text: string): Promise<MeetingMessage> {
    const message = composeMessage({ role: by.role, siteId: by.siteId, displayName: by.identity.displayName }, to, text, this.plan, new Date());
    await this.parts.messages.record(this.id, message, by.identity.userId);
    return message;
  }

  private push<N extends ServerEventName>(audience: 'everyone' | 'staff', event: N, payload: ServerEventPayload<N>): void {
    // A late result (a quality sample that took a while) is not sent once the meeting has ended.
    if (this.closed) return;
    if (audience === 'staff') this.channel.toStaff(event, payload);
    else this.channel.toAll(event, payload);
  }

  /** A participant's media are gone (worker died, node lost): it rejoins; the meeting goes on. */
  private mediaLost(participant: Participant, reason: string): void {
    if (this.participants.get(participant.key) !== participant) return;
    this.parts.log.warn({ meeting: this.id, participant: participant.key, reason }, 'media lost; asking to reconnect');
    this.removeParticipant(participant, 'DISCONNECT');
    participant.link.send('media:reconnectRequired', { reason });
  }

  private removeParticipant(participant: Participant, reason: 'LEAVE' | 'DISCONNECT' | 'replaced'): void {
    this.participants.delete(participant.key);
    this.wallSelections.delete(participant);
    participant.media.close();
    this.channel.dismiss(participant.link);
    if (participant.siteId && reason !== 'replaced') {
      this.attendance.siteLeft(participant.siteId, participant.identity.userId, reason);
      // A room that left for good gives up its place, the floor and the spotlight; one that
      // dropped keeps them through the grace period (`siteGone` when it does not come back).
      // Closing the meeting keeps the floor as it was, for the node that takes it over.
      if (reason === 'LEAVE' && !this.closed) this.releaseFloor(participant.siteId);
    }
    if (participant.siteId) this.publishSiteStatus(participant.siteId);
    this.parts.log.info({ meeting: this.id, participant: participant.key, reason }, 'left');
    this.programmeMayHaveChanged();
  }

  /** A site that dropped did not come back within the grace period. */
  private siteGone(siteId: string): void {
    this.publishSiteStatus(siteId);
    if (!this.participants.has(participantKey.site(siteId))) this.releaseFloor(siteId);
  }

  private releaseFloor(siteId: string): void {
    const before = JSON.stringify(this.floor.snapshot());
    this.floor.removeSite(siteId);
    if (JSON.stringify(this.floor.snapshot()) !== before) this.floorChanged();
  }

  private onProducerOpened(participant: Participant, producer: ms.Producer): void {
    // The floor may have moved on between the check of `media:produce` and the producer's opening.
    if (producer.appData.source === 'screen') this.endPresentationsNotAllowed();
    if (producer.kind === 'audio') this.media.observeVoice(participant.media, producer, participant.siteId);
    producer.observer.once('close', () => {
      if (participant.siteId) this.publishSiteStatus(participant.siteId);
      this.programmeMayHaveChanged();
    });
    if (participant.siteId && producer.kind === 'video') {
      this.publishSiteStatus(participant.siteId);
      for (const [watcher, siteIds] of this.wallSelections) {
        if (siteIds.includes(participant.siteId)) this.followUp(this.wall.syncWall(watcher, this.sitesOnWall(siteIds)), 'showing a site on a wall');
      }
    }
    this.programmeMayHaveChanged();
  }

  private floorChanged(): void {
    this.publishFloor();
    this.endPresentationsNotAllowed();
    this.programmeMayHaveChanged();
  }

  /**
   * A room that lost the floor (revoked, moved on, mute all) and holds no invitation stops
   * presenting: its share is closed on the server and its kiosk told, so the browser stops sharing.
   */
  private endPresentationsNotAllowed(): void {
    for (const participant of this.participants.values()) {
      const screen = participant.producer('screen');
      if (!screen || !participant.siteId || this.floor.mayPresent(participant.siteId)) continue;
      participant.link.send('presentation:ended', { producerId: screen.id });
      this.followUp(
        Promise.resolve().then(() => participant.media.closeProducer(screen.id)),
        'ending a presentation',
      );
    }
  }

  private chooseProgramme(): ProgrammeSelection {
    return selectProgramme(this.floor, this.participants, (id) => this.siteName(id), this.previousVideo);
  }

  /**
   * Recomputes the programme; if it changed, its outputs switch on the server. The rooms'
   * consumers stay: only the rooms that take or leave the programme pause or resume some.
   */
  private programmeMayHaveChanged(): void {
    if (this.closed) return;
    const next = this.chooseProgramme();
    if (sameSelection(next, this.selection)) return;
    if (next.video?.owner !== this.selection.video?.owner) this.previousVideo = this.selection.video;
    this.selection = next;
    this.showProgramme();
    // Voices switch at once; the picture (and its caption) once its keyframe reaches the rooms.
    this.publishProgramme();
    this.applyViews();
    for (const listener of this.programmeListeners) listener(next);
  }

  private showProgramme(): void {
    const selection = this.selection;
    const sourceOf = (feed: ProgrammeFeed | undefined) => feed && { producer: feed.producer, router: feed.owner.media.router };
    const sources: ProgrammeSources = {
      video: sourceOf(selection.video),
      chairVoice: sourceOf(selection.chairVoice),
      floorVoice: sourceOf(selection.floorVoice),
      returnVideo: sourceOf(selection.returnVideo),
      inset: sourceOf(selection.inset),
    };
    this.followUp(
      this.programmeUpdates.push(async () => {
        const programme = await this.media.programme();
        this.shown = selection;
        programme.show(sources);
      }),
      'switching the programme',
    );
  }

  private programmeSwitched(output: ProgrammeOutput): void {
    if (output !== 'video' || !this.shown) return;
    this.shownVideo = this.shown.video;
    this.publishProgramme();
    this.applyViews();
  }

  /** The programme was rebuilt (its worker died): every participant subscribes again, and it is fed again. */
  private programmeLost(): void {
    if (this.closed) return;
    this.shown = undefined;
    this.showProgramme();
    for (const participant of this.participants.values()) {
      if (!participant.rtpCapabilities) continue;
      const subscribed = this.media.programme().then((programme) => this.programmeRouting.subscribe(participant, programme, this.viewOf(participant)));
      this.followUp(subscribed, 'subscribing to the rebuilt programme');
    }
  }

  private publishProgramme(): void {
    this.push('everyone', 'meeting:programme', this.caption());
  }

  private caption() {
    return programmeCaption(this.shownVideo, this.selection, (id) => this.siteName(id));
  }

  /**
   * How a participant receives the programme: a room whose camera is on it (as decided, or still
   * on the screens until the switch) watches the return picture; the floor holder does not hear
   * itself; a presentation's inset is shown to everyone but the presenter.
   */
  private viewOf(participant: Participant): ProgrammeView {
    const cameraOf = (feed: ProgrammeFeed | undefined) => feed?.owner === participant && !isPresentation(feed);
    const onProgramme = participant.role === 'site' && (cameraOf(this.selection.video) || cameraOf(this.shownVideo));
    const inset = this.selection.inset;
    return { onProgramme, holdsFloor: this.selection.floorVoice?.owner === participant, seesInset: !!inset && inset.owner !== participant };
  }

  private applyViews(): void {
    const applying = this.media.programme().then((programme) =>
      Promise.all([...this.participants.values()].map((participant) => this.programmeRouting.apply(participant, programme, this.viewOf(participant)))),
    );
    this.followUp(applying, 'setting the rooms’ programme views');
  }

  private publishFloor(): void {
    this.push('everyone', 'meeting:floor', this.floor.snapshot());
    this.followUp(this.saveFloor(), 'saving the floor');
    const holder = this.floor.holder ?? null;
    if (holder !== this.historyHolder) {
      this.historyHolder = holder;
      this.followUp(this.parts.floorHistory.turn(this.id, holder, new Date()), 'writing the floor history');
    }
  }

  private publishSiteStatus(siteId: string): void {
    const status = this.siteStatus(siteId);
    if (status) this.push('staff', 'meeting:siteStatus', status);
  }

  private siteStatus(siteId: string): SiteStatus | undefined {
    const planned = this.plannedSites.get(siteId);
    if (!planned) return undefined;
    const participant = this.participants.get(participantKey.site(siteId));
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
      attended: this.attendance.attended(siteId),
      hasVideo: !!participant?.producer('camera'),
      headcount: this.attendance.headcount(siteId),
    };
  }

  private connectedSites(): Array<{ siteId: string; media: ParticipantMedia }> {
    return [...this.participants.values()].flatMap((p) => (p.siteId ? [{ siteId: p.siteId, media: p.media }] : []));
  }

  private sitesOnWall(siteIds: string[]): Participant[] {
    return siteIds.flatMap((id) => {
      const p = this.participants.get(participantKey.site(id));
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
      programme: this.caption(),
      sites: participant.role === 'site' ? [] : this.plan.sites.flatMap((s) => this.siteStatus(s.siteId) ?? []),
      rollCall: this.attendance.rollCalls.active() ?? null,
      headcount: participant.siteId ? this.attendance.headcount(participant.siteId) : null,
      agendaItem: this.agendaItem,
    };
  }

  private followUp(work: Promise<unknown>, what: string): void {
    detach(work, this.parts.log, what);
  }
}
