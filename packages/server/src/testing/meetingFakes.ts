/**
 * In-memory stand-ins for what a live meeting talks to (the SFU, the clients, the stores), for
 * scenario tests of the meeting core that run in milliseconds. They record what they were asked;
 * the real parts are exercised by the integration tests against real workers and processes.
 */
import { EventEmitter } from 'node:events';
import type {
  ConsumerOptions,
  MediaKind,
  MeetingMessage,
  ParticipantRole,
  QualityFigures,
  ServerEventName,
  ServerEventPayload,
  TrackSource,
  TransportOptions,
} from '@pm/shared';
import { pino } from 'pino';
import type { AttendanceStore, PresenceKind } from '../attendance/attendanceStore.js';
import type { QualityRow } from '../attendance/qualityMonitor.js';
import { MemoryMeetingStateStore } from '../cluster/meetingStateStore.js';
import type { FloorHistory, StoredFloorTurn } from '../meetings/live/floorHistory.js';
import { LiveMeeting } from '../meetings/live/liveMeeting.js';
import type { MeetingChannel, ParticipantLink } from '../meetings/live/meetingChannel.js';
import type { MeetingPlan } from '../meetings/live/meetingPlan.js';
import type { MessageLog } from '../meetings/live/messageLog.js';
import type { MeetingMedia, ParticipantMediaEvents, ProgrammeOutput, ProgrammeOutputs, ProgrammeSources } from '../sfu/meetingMedia.js';
import type { ms } from '../sfu/mediasoupModule.js';
import type { ConsumeOptions, ParticipantMedia, ReceivedTrack } from '../sfu/participantMedia.js';
import type { WorkerSlot } from '../sfu/workerPool.js';

export const silentLog = pino({ level: 'silent' });

export interface Pushed {
  to: string;
  event: ServerEventName;
  payload: unknown;
}

/** A client: what it was sent, in order. */
export class FakeLink implements ParticipantLink {
  readonly sent: Array<{ event: ServerEventName; payload: unknown }> = [];

  constructor(readonly id: string) {}

  send<N extends ServerEventName>(event: N, payload: ServerEventPayload<N>): void {
    this.sent.push({ event, payload });
  }

  last<N extends ServerEventName>(event: N): ServerEventPayload<N> | undefined {
    return this.sent.filter((s) => s.event === event).at(-1)?.payload as ServerEventPayload<N> | undefined;
  }
}

/** A meeting's audiences: who is admitted where, and every push to them. */
export class FakeChannel implements MeetingChannel {
  readonly pushed: Pushed[] = [];
  readonly audiences = new Map<string, 'site' | 'staff'>();

  toAll = <N extends ServerEventName>(event: N, payload: ServerEventPayload<N>) => void this.pushed.push({ to: 'everyone', event, payload });
  toStaff = <N extends ServerEventName>(event: N, payload: ServerEventPayload<N>) => void this.pushed.push({ to: 'staff', event, payload });
  toSite = <N extends ServerEventName>(siteId: string, event: N, payload: ServerEventPayload<N>) => void this.pushed.push({ to: `site:${siteId}`, event, payload });

  admit(link: ParticipantLink, audience: 'site' | 'staff'): void {
    this.audiences.set(link.id, audience);
  }

  dismiss(link: ParticipantLink): void {
    this.audiences.delete(link.id);
  }

  events<N extends ServerEventName>(event: N): Array<ServerEventPayload<N>> {
    return this.pushed.filter((p) => p.event === event).map((p) => p.payload as ServerEventPayload<N>);
  }

  last<N extends ServerEventName>(event: N): ServerEventPayload<N> | undefined {
    return this.events(event).at(-1);
  }
}

let nextId = 0;
const newId = (prefix: string) => `${prefix}-${++nextId}`;

/**
 * A producer as the meeting core reads one: id, kind, source, its streams (a camera's three
 * simulcast layers, else one), and a close the observers hear.
 */
export function fakeProducer(kind: MediaKind, source: TrackSource, streams = source === 'camera' ? 3 : 1): ms.Producer {
  const observer = new EventEmitter();
  const producer = {
    id: newId(source),
    kind,
    appData: { source },
    rtpParameters: { encodings: Array.from({ length: streams }, () => ({})) },
    closed: false,
    observer,
    close() {
      if (producer.closed) return;
      producer.closed = true;
      observer.emit('close');
    },
  };
  return producer as unknown as ms.Producer;
}

const fakeRouter = { id: 'router', rtpCapabilities: { codecs: [] } } as unknown as ms.Router;
const fakeSlot = { index: 0 } as WorkerSlot;

/** One participant's media: producers it sends, consumers it receives, paused or not. */
export class FakeMedia implements ParticipantMedia {
  readonly node = undefined;
  readonly slot = fakeSlot;
  readonly router = fakeRouter;
  readonly producerList: ms.Producer[] = [];
  readonly tracks = new Map<string, ReceivedTrack & { paused: boolean }>();
  private closeListeners: Array<() => void> = [];
  closed = false;
  quality: QualityFigures = {
    rttMs: 20,
    lossPct: 0,
    jitterMs: 2,
    bitrateUpKbps: 1000,
    bitrateDownKbps: 1200,
    producerScore: 10,
    consumerScore: 10,
  };

  constructor(
    readonly peerId: string,
    readonly role: ParticipantRole,
    private readonly events: ParticipantMediaEvents,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** The client starts sending a track. */
  send(source: TrackSource): ms.Producer {
    const producer = fakeProducer(source === 'microphone' ? 'audio' : 'video', source);
    this.producerList.push(producer);
    this.events.producerOpened(producer);
    return producer;
  }

  /** The SFU lost these media (a worker died). */
  lose(reason: string): void {
    this.events.lost(reason);
  }

  /** What the client receives now, by purpose, as the producers' ids. */
  receiving(purpose: ConsumeOptions['purpose']): string[] {
    return [...this.tracks.values()].filter((t) => t.purpose === purpose).map((t) => t.producerId);
  }

  async createTransport(): Promise<TransportOptions> {
    return { id: newId('transport'), iceParameters: {}, iceCandidates: [], dtlsParameters: {} };
  }

  async connectTransport(): Promise<void> {}

  async restartIce(): Promise<ms.IceParameters> {
    return {} as ms.IceParameters;
  }

  async produce(_transportId: string, kind: MediaKind, _rtp: ms.RtpParameters, source: TrackSource): Promise<ms.Producer> {
    return kind === 'audio' ? this.send('microphone') : this.send(source);
  }

  producers(): Iterable<ms.Producer> {
    return this.producerList.filter((p) => !p.closed);
  }

  closeProducer(producerId: string): void {
    this.producerList.find((p) => p.id === producerId)?.close();
  }

  async consume(producerId: string, _caps: ms.RtpCapabilities, options: ConsumeOptions): Promise<ConsumerOptions> {
    if (this.closed) throw new Error('media closed');
    const consumerId = newId('consumer');
    this.tracks.set(consumerId, { consumerId, producerId, purpose: options.purpose, siteId: options.siteId, paused: false });
    return { id: consumerId, producerId, kind: 'video', rtpParameters: {} };
  }

  received(): ReceivedTrack[] {
    return [...this.tracks.values()].map(({ paused: _paused, ...track }) => track);
  }

  async resumeConsumer(): Promise<void> {}

  async setServerPaused(consumerId: string, paused: boolean): Promise<void> {
    const track = this.tracks.get(consumerId);
    if (!track) throw new Error(`no consumer ${consumerId}`);
    track.paused = paused;
  }

  closeConsumer(consumerId: string): void {
    if (this.tracks.delete(consumerId)) this.events.consumerClosed(consumerId);
  }

  /** Producers it receives went away: their consumers close, and the client hears it. */
  producersClosed(producerIds: Set<string>): void {
    for (const track of [...this.tracks.values()]) if (producerIds.has(track.producerId)) this.closeConsumer(track.consumerId);
  }

  async qualityFigures(): Promise<QualityFigures> {
    if (this.closed) throw new Error('media closed');
    return this.quality;
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const producer of this.producerList) producer.close();
    for (const listener of this.closeListeners) listener();
  }
}

/**
 * The stable programme in memory: its producers, and what feeds each output. A switch completes
 * at once unless held (as if the new source's keyframe were late).
 */
export class FakeProgramme implements ProgrammeOutputs {
  readonly router = fakeRouter;
  readonly producers: Record<ProgrammeOutput, ms.Producer> = {
    video: fakeProducer('video', 'camera'),
    chairVoice: fakeProducer('audio', 'microphone'),
    floorVoice: fakeProducer('audio', 'microphone'),
    returnVideo: fakeProducer('video', 'camera'),
    inset: fakeProducer('video', 'camera', 1),
  };
  /** The source feeding each output now (its producer id), as the relay would have it. */
  readonly feeding: Record<ProgrammeOutput, string | null> = { video: null, chairVoice: null, floorVoice: null, returnVideo: null, inset: null };
  holdSwitches = false;
  private pending = new Set<ProgrammeOutput>();

  constructor(private readonly switched: (output: ProgrammeOutput) => void) {}

  show(sources: ProgrammeSources): void {
    for (const output of Object.keys(sources) as ProgrammeOutput[]) {
      const id = sources[output]?.producer.id ?? null;
      if (this.feeding[output] === id && !this.pending.has(output)) continue;
      this.feeding[output] = id;
      this.pending.add(output);
    }
    if (!this.holdSwitches) this.completeSwitches();
  }

  /** The held switches reach the rooms (their keyframes came). */
  completeSwitches(): void {
    const done = [...this.pending];
    this.pending.clear();
    for (const output of done) this.switched(output);
  }
}

/** The SFU side of a meeting: every participant's FakeMedia, by key, and the programme. */
export class FakeMeetingMedia implements MeetingMedia {
  readonly placed = new Map<string, FakeMedia>();
  readonly voices: string[] = [];
  private speakerListeners: Array<(siteId: string | null) => void> = [];
  private switchedListeners: Array<(output: ProgrammeOutput) => void> = [];
  private lostListeners: Array<() => void> = [];
  stable = new FakeProgramme((output) => this.switchedListeners.forEach((listener) => listener(output)));
  closed = false;

  async programme(): Promise<ProgrammeOutputs> {
    return this.stable;
  }

  onProgrammeSwitched(listener: (output: ProgrammeOutput) => void): void {
    this.switchedListeners.push(listener);
  }

  onProgrammeLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }

  /** The programme's worker died: a new programme replaces it; its old producers close, and their consumers. */
  loseProgramme(): void {
    const lost = new Set(Object.values(this.stable.producers).map((producer) => producer.id));
    for (const producer of Object.values(this.stable.producers)) producer.close();
    for (const media of this.placed.values()) media.producersClosed(lost);
    this.stable = new FakeProgramme((output) => this.switchedListeners.forEach((listener) => listener(output)));
    for (const listener of this.lostListeners) listener();
  }

  async place(role: ParticipantRole, key: string, events: ParticipantMediaEvents): Promise<ParticipantMedia> {
    const media = new FakeMedia(key, role, events);
    this.placed.set(key, media);
    return media;
  }

  media(key: string): FakeMedia {
    const media = this.placed.get(key);
    if (!media) throw new Error(`no media placed for ${key}`);
    return media;
  }

  async route(): Promise<void> {}

  async placeConsumer(): Promise<ms.Router> {
    return fakeRouter;
  }

  observeVoice(_media: ParticipantMedia, producer: ms.Producer): void {
    this.voices.push(producer.id);
  }

  onActiveSpeaker(listener: (siteId: string | null) => void): void {
    this.speakerListeners.push(listener);
  }

  speak(siteId: string | null): void {
    for (const listener of this.speakerListeners) listener(siteId);
  }

  close(): void {
    this.closed = true;
  }
}

/** Attendance rows kept in memory, in the order they were written. */
export class MemoryAttendanceStore implements AttendanceStore {
  readonly presenceEvents: Array<{ siteId: string; kind: PresenceKind; at: Date }> = [];
  readonly headcountRows = new Map<string, number>();
  readonly samples: QualityRow[] = [];
  readonly rollCalls: Array<{ id: string; answers: Map<string, Date> }> = [];

  async presence(_meetingId: string, siteId: string, kind: PresenceKind, _userId: string | null, at: Date): Promise<void> {
    this.presenceEvents.push({ siteId, kind, at });
  }

  async setHeadcount(_meetingId: string, siteId: string, headcount: number): Promise<void> {
    this.headcountRows.set(siteId, headcount);
  }

  async attendedSites(): Promise<Set<string>> {
    return new Set(this.presenceEvents.filter((e) => e.kind === 'JOIN').map((e) => e.siteId));
  }

  async headcounts(): Promise<Map<string, number>> {
    return new Map(this.headcountRows);
  }

  async storeQuality(_meetingId: string, rows: QualityRow[]): Promise<void> {
    this.samples.push(...rows);
  }

  async createRollCall(): Promise<string> {
    const id = newId('rollcall');
    this.rollCalls.push({ id, answers: new Map() });
    return id;
  }

  async confirmRollCall(rollCallId: string, siteId: string, _userId: string, at: Date): Promise<void> {
    this.rollCalls.find((r) => r.id === rollCallId)?.answers.set(siteId, at);
  }
}

/** The meeting's messages, as written. */
export class MemoryMessageLog implements MessageLog {
  readonly rows: Array<{ message: MeetingMessage; fromUserId: string }> = [];

  async record(_meetingId: string, message: MeetingMessage, fromUserId: string): Promise<void> {
    this.rows.push({ message, fromUserId });
  }
}

export class MemoryFloorHistory implements FloorHistory {
  readonly rows: StoredFloorTurn[] = [];

  async turn(_meetingId: string, siteId: string | null, at: Date): Promise<void> {
    this.rows.push({ siteId, siteName: null, at });
  }

  async turns(): Promise<StoredFloorTurn[]> {
    return [...this.rows];
  }
}

/** A plan chaired by user `chair-user`, inviting sites `a`, `b`, `c` (or the ones given), with two agenda items. */
export function meetingPlan(siteIds: string[] = ['a', 'b', 'c']): MeetingPlan {
  return {
    id: 'meeting-1',
    title: 'Họp giao ban',
    chairUserId: 'chair-user',
    sites: siteIds.map((siteId) => ({ siteId, name: `Xã ${siteId.toUpperCase()}`, groupId: 'g', groupName: 'Nhóm' })),
    agendaItems: 2,
    endedAt: null,
  };
}

/** A live meeting wired to fakes, and the fakes to look at. */
export function fakeMeeting(options: { graceMs?: number; siteIds?: string[] } = {}) {
  const media = new FakeMeetingMedia();
  const channel = new FakeChannel();
  const store = new MemoryAttendanceStore();
  const stateStore = new MemoryMeetingStateStore();
  const floorHistory = new MemoryFloorHistory();
  const messages = new MemoryMessageLog();
  const meeting = new LiveMeeting({
    plan: meetingPlan(options.siteIds),
    media,
    channel,
    attendance: { store, graceMs: options.graceMs ?? 60_000 },
    stateStore,
    floorHistory,
    messages,
    log: silentLog,
  });
  return { meeting, media, channel, store, stateStore, floorHistory, messages };
}

export const identities = {
  site: (siteId: string) => ({ userId: `user-${siteId}`, username: `site-${siteId}`, role: 'SITE' as const, siteId, unitId: null, displayName: siteId }),
  chair: { userId: 'chair-user', username: 'chutich', role: 'CHAIR' as const, siteId: null, unitId: null, displayName: 'Chủ tịch' },
  operator: { userId: 'operator-user', username: 'vanhanh', role: 'OPERATOR' as const, siteId: null, unitId: null, displayName: 'Vận hành' },
};
