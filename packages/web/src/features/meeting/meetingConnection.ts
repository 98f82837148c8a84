import type {
  ConsumerPurpose,
  FloorState,
  MeetingSummary,
  Programme,
  RollCall,
  SiteAlert,
  SiteQuality,
  SiteStatus,
} from '@pm/shared';
import type { types } from 'mediasoup-client';
import { CodedError } from '@pm/shared';
import { MediaSession } from '../../media/mediaSession';
import { SignallingClient } from '../../signalling/signallingClient';

export interface ReceivedMedia {
  consumerId: string;
  purpose: ConsumerPurpose;
  siteId: string | null;
  kind: 'audio' | 'video';
}

export interface ReceiveStats extends ReceivedMedia {
  packetsReceived: number;
  packetsLost: number;
  framesDecoded: number;
  /** Grows while decoded audio carries sound. */
  audioEnergy: number;
  jitterMs: number | null;
  framesPerSecond: number | null;
}

/** Everything the meeting screens show, as plain data; tracks are looked up by consumer id. */
export interface MeetingViewState {
  phase: 'connecting' | 'live' | 'reconnecting' | 'ended' | 'failed';
  error?: unknown;
  summary?: MeetingSummary;
  floor: FloorState;
  programme: Programme;
  sites: Record<string, SiteStatus>;
  received: ReceivedMedia[];
  /** The site whose voice is loudest now (null: the chair or nobody); from the SFU's audio levels. */
  activeSpeaker: string | null;
  presenting: boolean;
  rollCall: RollCall | null;
  /** Latest connection figures per site (chair and operator). */
  quality: Record<string, SiteQuality>;
  /** Recent alerts, newest first (chair and operator). */
  alerts: SiteAlert[];
  /** The room's declared headcount (sites). */
  headcount: number | null;
  /** Changes when the local camera stream is (re)opened. */
  localStreamVersion: number;
  /** The last time the connection came back, shown briefly to reassure the room. */
  reconnectedAt?: number;
}

const MAX_ALERTS = 20;
const NODE_ATTEMPTS = 3;
/** A node refusing joins while it drains is asked again after this pause. */
const DRAINING_RETRY_MS = 2000;
/** How often a kiosk tells the server what its own WebRTC stack measures. */
const QUALITY_REPORT_MS = 5000;

const emptyFloor: FloorState = { queue: [], holder: null, spotlight: null, muteAllAt: null };

/**
 * One participant's live meeting, free of React: joins, sends the room's camera and microphone
 * (sites and chair), receives the programme and wall tiles, follows the floor, and rebuilds
 * itself after a network drop or a media-server restart without a reload.
 */
export class MeetingConnection {
  private state: MeetingViewState = {
    phase: 'connecting',
    floor: emptyFloor,
    programme: { videoSiteId: null, videoSiteName: null, audioSiteIds: [], videoKind: null, returnVideo: null },
    sites: {},
    received: [],
    activeSpeaker: null,
    presenting: false,
    rollCall: null,
    quality: {},
    alerts: [],
    headcount: null,
    localStreamVersion: 0,
  };
  private readonly listeners = new Set<() => void>();
  private signalling: SignallingClient;
  /** Failed connection attempts to a node other than the page's own, before falling back to it. */
  private failedAttempts = 0;
  private media: MediaSession | undefined;
  private localStream: MediaStream | undefined;
  private joining: Promise<void> | undefined;
  private presentation: types.Producer | undefined;
  private qualityTimer: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(
    readonly meetingId: string,
    private readonly options: { sendMedia: boolean },
  ) {
    this.signalling = this.connectTo(window.location.origin);
  }

  /**
   * Opens signalling to one node of the cluster. A meeting runs on one node at a time: if another
   * node answers MOVED, or the node is drained or dies, the connection moves and joins again.
   */
  private connectTo(url: string): SignallingClient {
    const s = new SignallingClient(url);
    s.on('media:newConsumer', (c) => void this.receive(c));
    s.on('media:consumerClosed', ({ consumerId }) => this.forget(consumerId));
    s.on('meeting:floor', (floor) => this.update({ floor }));
    s.on('meeting:programme', (programme) => this.update({ programme }));
    s.on('meeting:siteStatus', (site) => this.update({ sites: { ...this.state.sites, [site.siteId]: site } }));
    s.on('meeting:activeSpeaker', ({ siteId }) => this.update({ activeSpeaker: siteId }));
    s.on('rollcall:update', (rollCall) => this.update({ rollCall }));
    s.on('meeting:quality', ({ sites }) =>
      this.update({ quality: { ...this.state.quality, ...Object.fromEntries(sites.map((q) => [q.siteId, q])) } }),
    );
    s.on('meeting:alert', (alert) => this.update({ alerts: [alert, ...this.state.alerts].slice(0, MAX_ALERTS) }));
    s.on('meeting:ended', () => this.update({ phase: 'ended' }));
    s.on('media:reconnectRequired', () => void this.rejoin());
    s.socket.on('disconnect', () => {
      if (!this.closed) this.update({ phase: 'reconnecting' });
    });
    // socket.io reconnects by itself; every (re)connection joins afresh.
    s.socket.on('connect', () => {
      this.failedAttempts = 0;
      void this.rejoin();
    });
    // The node is being drained: leave it for any other (the page's origin is the load balancer).
    // Spread over half the notice, so a drained node's kiosks do not all arrive at once.
    s.on('node:draining', ({ reconnectWithinSeconds }) => {
      setTimeout(() => this.moveTo(window.location.origin), Math.random() * reconnectWithinSeconds * 500);
    });
    // A node other than the page's own that stopped answering has probably died: go back to the origin.
    s.socket.on('connect_error', () => {
      if (++this.failedAttempts >= NODE_ATTEMPTS && url !== window.location.origin) this.moveTo(window.location.origin);
    });
    return s;
  }

  private moveTo(url: string): void {
    if (this.closed) return;
    this.media?.close();
    this.media = undefined;
    this.signalling.close();
    this.failedAttempts = 0;
    this.update({ phase: 'reconnecting' });
    this.signalling = this.connectTo(url);
  }

  // ---- store interface for useSyncExternalStore ----
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getState = (): MeetingViewState => this.state;

  track(consumerId: string): MediaStreamTrack | undefined {
    return this.media?.consumer(consumerId)?.track;
  }

  get local(): MediaStream | undefined {
    return this.localStream;
  }

  /**
   * What each received track delivered so far, from the browser's own WebRTC statistics: the
   * figures a connection-quality view (and a technician, from the console) reads.
   */
  async receiveStats(): Promise<ReceiveStats[]> {
    const media = this.media;
    if (!media) return [];
    return Promise.all(
      this.state.received.map(async (r) => {
        const consumer = media.consumer(r.consumerId);
        const stats: ReceiveStats = {
          ...r,
          packetsReceived: 0,
          packetsLost: 0,
          framesDecoded: 0,
          audioEnergy: 0,
          jitterMs: null,
          framesPerSecond: null,
        };
        if (!consumer) return stats;
        for (const report of (await consumer.getStats()).values()) {
          if (report.type !== 'inbound-rtp') continue;
          stats.packetsReceived = report.packetsReceived ?? 0;
          stats.packetsLost = report.packetsLost ?? 0;
          stats.framesDecoded = report.framesDecoded ?? 0;
          stats.audioEnergy = report.totalAudioEnergy ?? 0;
          stats.jitterMs = typeof report.jitter === 'number' ? report.jitter * 1000 : null;
          stats.framesPerSecond = report.framesPerSecond ?? null;
        }
        return stats;
      }),
    );
  }

  // ---- actions ----
  requestFloor = () => this.signalling.request('floor:request', {});
  cancelFloor = () => this.signalling.request('floor:cancel', {});
  grantFloor = (siteId: string) => this.signalling.request('floor:grant', { siteId });
  revokeFloor = () => this.signalling.request('floor:revoke', {});
  nextFloor = () => this.signalling.request('floor:next', {});
  muteAll = () => this.signalling.request('floor:muteAll', {});
  spotlight = (siteId: string | null) => this.signalling.request('floor:spotlight', { siteId });
  watchWall = (siteIds: string[]) => this.signalling.request('wall:watch', { siteIds });
  startRollCall = (durationSeconds: number) => this.signalling.request('rollcall:start', { durationSeconds });
  confirmRollCall = (rollCallId: string) => this.signalling.request('rollcall:confirm', { rollCallId });
  setHeadcount = async (headcount: number, siteId?: string) => {
    await this.signalling.request('attendance:headcount', siteId ? { headcount, siteId } : { headcount });
    if (!siteId) this.update({ headcount });
  };
  dismissAlert = (alert: SiteAlert) => this.update({ alerts: this.state.alerts.filter((a) => a !== alert) });

  /** The chair presents its screen: the programme shows it instead of the hall camera. */
  async startPresentation(): Promise<void> {
    const media = this.media;
    if (!media || this.presentation) return;
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: 15 }, audio: false });
    const [track] = stream.getVideoTracks();
    if (!track) return;
    const producer = await media.produce(track, 'screen');
    this.presentation = producer;
    // The browser's own "stop sharing" button ends the presentation too.
    track.addEventListener('ended', () => void this.stopPresentation());
    this.update({ presenting: true });
  }

  async stopPresentation(): Promise<void> {
    const producer = this.presentation;
    this.presentation = undefined;
    this.update({ presenting: false });
    if (producer && !producer.closed) await this.media?.closeProducer(producer);
    producer?.track?.stop();
  }

  close(): void {
    this.closed = true;
    clearInterval(this.qualityTimer);
    void this.signalling.request('meeting:leave', {}).catch(() => undefined);
    this.media?.close();
    this.localStream?.getTracks().forEach((t) => t.stop());
    this.signalling.close();
  }

  // ---- internals ----
  private rejoin(): Promise<void> {
    if (this.closed) return Promise.resolve();
    // Reasons to rejoin can arrive together (a reconnect and a worker restart): join once.
    this.joining ??= this.join().finally(() => (this.joining = undefined));
    return this.joining;
  }

  private async join(): Promise<void> {
    const wasLive = this.state.summary !== undefined;
    this.media?.close();
    this.presentation = undefined;
    this.update({ phase: wasLive ? 'reconnecting' : 'connecting', received: [], presenting: false });
    try {
      const { rtpCapabilities, summary } = await this.signalling.request('meeting:join', { meetingId: this.meetingId });
      const media = new MediaSession(this.signalling);
      media.onTransportFailed = () => void this.rejoin();
      this.media = media;
      await media.load(rtpCapabilities as types.RtpCapabilities);
      await media.prepareReceive();
      this.update({
        summary,
        rollCall: summary.rollCall,
        headcount: summary.headcount,
        floor: summary.floor,
        programme: summary.programme,
        sites: Object.fromEntries(summary.sites.map((s) => [s.siteId, s])),
      });
      await this.signalling.request('meeting:ready', { rtpCapabilities: { ...media.rtpCapabilities } });
      if (this.options.sendMedia) await this.sendLocalMedia(media);
      if (summary.role === 'site') this.reportQuality();
      this.update({ phase: 'live', error: undefined, ...(wasLive ? { reconnectedAt: Date.now() } : {}) });
    } catch (error) {
      if (error instanceof CodedError && error.code === 'MOVED' && error.location) {
        this.moveTo(error.location);
        return;
      }
      // Draining, or the meeting's host is being replaced (MOVED without a place): ask again shortly.
      if (error instanceof CodedError && (error.code === 'NODE_DRAINING' || error.code === 'MOVED')) {
        this.update({ phase: 'reconnecting' });
        setTimeout(() => void this.rejoin(), DRAINING_RETRY_MS);
        return;
      }
      this.update({ phase: 'failed', error });
    }
  }

  /** Sends the kiosk's own view of its connection, which the SFU cannot see (decode, jitter buffer). */
  private reportQuality(): void {
    clearInterval(this.qualityTimer);
    this.qualityTimer = setInterval(async () => {
      const media = this.media;
      if (!media || this.state.phase !== 'live') return;
      const stats = await this.receiveStats();
      const video = stats.find((s) => s.purpose === 'programme-video');
      const lossPct = video && video.packetsReceived > 0 ? (video.packetsLost / (video.packetsLost + video.packetsReceived)) * 100 : null;
      await this.signalling
        .request('quality:report', {
          rttMs: (await media.roundTripMs()) ?? null,
          inboundLossPct: lossPct,
          jitterMs: video?.jitterMs ?? null,
          framesPerSecond: video?.framesPerSecond ?? null,
        })
        .catch(() => undefined);
    }, QUALITY_REPORT_MS);
  }

  private async sendLocalMedia(media: MediaSession): Promise<void> {
    if (!this.localStream) {
      this.localStream = await navigator.mediaDevices.getUserMedia({
        video: { width: 1280, height: 720, frameRate: 30 },
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
      this.update({ localStreamVersion: this.state.localStreamVersion + 1 });
    }
    const [video] = this.localStream.getVideoTracks();
    const [audio] = this.localStream.getAudioTracks();
    // Each (re)join gets clones: a producer closed with the old transport stops its track.
    if (video) await media.produce(video.clone(), 'camera');
    if (audio) await media.produce(audio.clone(), 'microphone');
  }

  private async receive(c: {
    id: string;
    producerId: string;
    kind: 'audio' | 'video';
    rtpParameters: Record<string, unknown>;
    purpose: ConsumerPurpose;
    siteId: string | null;
  }): Promise<void> {
    const media = this.media;
    if (!media) return;
    try {
      await media.consume(c);
      const received = this.state.received.filter((r) => r.consumerId !== c.id);
      received.push({ consumerId: c.id, purpose: c.purpose, siteId: c.siteId, kind: c.kind });
      this.update({ received });
    } catch (error) {
      console.warn('could not receive', c.purpose, error);
    }
  }

  private forget(consumerId: string): void {
    this.media?.closeConsumer(consumerId);
    this.update({ received: this.state.received.filter((r) => r.consumerId !== consumerId) });
  }

  private update(patch: Partial<MeetingViewState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
