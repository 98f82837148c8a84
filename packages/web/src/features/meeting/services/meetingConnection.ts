import {
  CodedError,
  type ClientQualityReport,
  type MessageAudience,
  type RequestName,
  type RequestPayload,
  type ResponseData,
  type SiteAlert,
} from '@pm/shared';
import type { types } from 'mediasoup-client';
import { roomMediaConstraints } from '../../../media/devicePreferences';
import { MediaSession } from '../../../media/mediaSession';
import { SignallingClient, type ServerEvent } from '../../../signalling/signallingClient';
import { detach } from '../../../util/detach';
import { MeetingStore } from '../state/meetingStore';
import { NodeRouting } from './nodeRouting';
import { QualityReporter, qualityReport } from './qualityReporter';
import { receiveStats, type ReceiveStats } from './receiveStats';

/**
 * One participant's live meeting, free of React: joins, sends the room's camera and microphone
 * (sites and chair), receives the programme and wall tiles, and rebuilds itself after a network
 * drop or a media-server restart without a reload. What the screens show lives in `store`; the
 * tracks live in the media session, looked up by consumer id; `NodeRouting` picks the node.
 * Built without side effects: `open()` connects, `close()` leaves (and it may be opened again).
 */
export class MeetingConnection {
  readonly store = new MeetingStore();
  private readonly routing: NodeRouting;
  private readonly quality: QualityReporter;
  private media: MediaSession | undefined;
  private localStream: MediaStream | undefined;
  private joining: Promise<void> | undefined;
  /** A reason to rejoin came while `joining` was under way. */
  private rejoinWanted = false;
  private presentation: types.Producer | undefined;
  private presentedStream: MediaStream | undefined;
  private opened = false;

  constructor(
    readonly meetingId: string,
    private readonly options: { sendMedia: boolean },
  ) {
    this.routing = new NodeRouting(window.location.origin, (url) => new SignallingClient(url), {
      opened: (signalling) => signalling.onEvent((event) => this.handle(event)),
      // socket.io reconnects by itself; every (re)connection joins afresh.
      connected: () => this.rejoin(),
      lost: () => this.store.apply({ type: 'reconnecting' }),
      leaving: () => {
        // A join still waiting on the node left behind cannot finish: the next node's connect joins afresh.
        this.joining = undefined;
        this.closeMedia();
        this.store.apply({ type: 'reconnecting' });
      },
    });
    this.quality = new QualityReporter(
      () => this.measureQuality(),
      (report) => this.request('quality:report', report),
    );
  }

  open(): void {
    this.opened = true;
    this.routing.start();
  }

  close(): void {
    if (!this.opened) return;
    this.opened = false;
    this.joining = undefined;
    this.quality.stop();
    // Leaving is a courtesy: the server also notices the socket closing, so a failure here changes nothing.
    this.routing.signalling?.request('meeting:leave', {}).catch(() => undefined);
    this.closeMedia();
    this.localStream?.getTracks().forEach((t) => t.stop());
    this.localStream = undefined;
    this.routing.stop();
  }

  track(consumerId: string): MediaStreamTrack | undefined {
    return this.media?.consumer(consumerId)?.track;
  }

  get local(): MediaStream | undefined {
    return this.localStream;
  }

  /** What this screen shares while it presents, for its own preview. */
  get presented(): MediaStream | undefined {
    return this.presentedStream;
  }

  /** What each received track delivered so far (for a technician at the console, and the browser tests). */
  receiveStats(): Promise<ReceiveStats[]> {
    const media = this.media;
    return media ? receiveStats(media, this.store.getState().received) : Promise.resolve([]);
  }

  // ---- actions: each returns the server's answer or rejects with its coded error ----
  requestFloor = () => this.request('floor:request', {});
  cancelFloor = () => this.request('floor:cancel', {});
  grantFloor = (siteId: string) => this.request('floor:grant', { siteId });
  revokeFloor = () => this.request('floor:revoke', {});
  moveToFront = (siteId: string) => this.request('floor:front', { siteId });
  nextFloor = () => this.request('floor:next', {});
  muteAll = () => this.request('floor:muteAll', {});
  muteSite = (siteId: string) => this.request('floor:mute', { siteId });
  spotlight = (siteId: string | null) => this.request('floor:spotlight', { siteId });
  setAgendaItem = (position: number | null) => this.request('meeting:agendaItem', { position });
  invitePresenter = (siteId: string | null) => this.request('floor:invitePresenter', { siteId });
  watchWall = (siteIds: string[]) => this.request('wall:watch', { siteIds });
  startRollCall = (durationSeconds: number) => this.request('rollcall:start', { durationSeconds });
  confirmRollCall = (rollCallId: string) => this.request('rollcall:confirm', { rollCallId });
  setHeadcount = async (headcount: number) => {
    await this.request('attendance:headcount', { headcount });
    this.store.apply({ type: 'headcountSaved', headcount });
  };
  dismissAlert = (alert: SiteAlert) => this.store.apply({ type: 'alertDismissed', alert });
  sendMessage = (to: MessageAudience, text: string) => this.request('message:send', { to, text });
  /** Calls a room that is not in the meeting back into it (its home screen shows the call). */
  callBack = (siteId: string, text: string) => this.request('meeting:callBack', { siteId, text });
  /** The room read the message on its banner and puts it away. */
  seeMessage = (messageId: string) => this.store.apply({ type: 'messageSeen', messageId });
  /** The chair or an operator ends the meeting for everyone (the screen confirmed it first). */
  endMeeting = () => this.request('meeting:end', {});

  /**
   * The chair, or a room holding the floor or invited, presents its screen: the programme shows it
   * (with the presenter's camera as an inset). One stream, no simulcast: slides are sharp text
   * that changes rarely, so the encoder keeps the resolution and lowers the frame rate instead.
   */
  startPresentation = async (): Promise<void> => {
    const media = this.media;
    if (!media || this.presentation) return;
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: 15 }, audio: false });
    const [track] = stream.getVideoTracks();
    if (!track) return;
    track.contentHint = 'detail';
    try {
      this.presentation = await media.produce(track, 'screen');
    } catch (error) {
      // Not presented: the browser must not go on showing that the screen is shared.
      track.stop();
      throw error;
    }
    this.presentedStream = stream;
    // The browser's own "stop sharing" button ends the presentation too.
    track.addEventListener('ended', () => detach(this.stopPresentation(), 'stopping the presentation'));
    this.store.apply({ type: 'presenting', presenting: true });
  };

  stopPresentation = async (): Promise<void> => {
    const producer = this.presentation;
    this.presentation = undefined;
    this.presentedStream = undefined;
    this.store.apply({ type: 'presenting', presenting: false });
    if (producer && !producer.closed) await this.media?.closeProducer(producer);
    producer?.track?.stop();
  };

  /** The server closed this room's share (the floor moved on): stop sending and sharing, nothing to ask. */
  private presentationEnded(producerId: string): void {
    const producer = this.presentation;
    if (producer?.id !== producerId) return;
    this.presentation = undefined;
    this.presentedStream = undefined;
    this.media?.producerClosedByServer(producerId);
    producer.track?.stop();
  }

  // ---- internals ----
  private request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseData<N>> {
    const signalling = this.routing.signalling;
    if (!signalling) return Promise.reject(new CodedError('MEDIA_UNAVAILABLE', 'the meeting is not open'));
    return signalling.request(name, payload);
  }

  /** The one subscription to what the server pushes: media first where media are involved, then the state. */
  private handle(event: ServerEvent): void {
    switch (event.type) {
      case 'media:newConsumer':
        detach(this.receive(event), `receiving ${event.payload.purpose}`);
        return;
      case 'media:consumerClosed':
        this.media?.closeConsumer(event.payload.consumerId);
        break;
      case 'media:reconnectRequired':
        this.rejoin();
        break;
      case 'meeting:ended':
        // Over for everyone: the camera and the connection close, and nothing rejoins.
        this.store.apply(event);
        this.close();
        return;
      case 'presentation:ended':
        this.presentationEnded(event.payload.producerId);
        break;
    }
    this.store.apply(event);
  }

  private rejoin(): void {
    const signalling = this.routing.signalling;
    if (!this.opened || !signalling) return;
    // Reasons to rejoin can arrive together (a reconnect and a worker restart): join once. One that
    // comes while a join is under way may be about that join's own media (placed on a worker that
    // just died): if that join then fails, it is tried again rather than shown as failed.
    if (this.joining) {
      this.rejoinWanted = true;
      return;
    }
    this.rejoinWanted = false;
    const joining = this.join(signalling).then((outcome) => {
      if (this.joining !== joining) return;
      this.joining = undefined;
      if (outcome === 'retry') this.rejoin();
    });
    this.joining = joining;
    detach(joining, 'joining the meeting');
  }

  private async join(signalling: SignallingClient): Promise<'done' | 'retry'> {
    this.closeMedia();
    this.store.apply({ type: 'joining' });
    try {
      const { rtpCapabilities, summary } = await signalling.request('meeting:join', { meetingId: this.meetingId });
      const media = new MediaSession(signalling);
      media.onTransportFailed = () => this.rejoin();
      this.media = media;
      await media.load(rtpCapabilities);
      await media.prepareReceive();
      this.store.apply({ type: 'joined', summary });
      await signalling.request('meeting:ready', { rtpCapabilities: { ...media.rtpCapabilities } });
      if (this.options.sendMedia) await this.sendLocalMedia(media);
      if (summary.role === 'site') this.quality.start();
      this.store.apply({ type: 'live', at: Date.now() });
      return 'done';
    } catch (error) {
      // A join on a node already left (or after closing) failed because it was left: nothing to show.
      if (!this.opened || signalling !== this.routing.signalling) return 'done';
      if (this.rejoinWanted) {
        this.store.apply({ type: 'reconnecting' });
        return 'retry';
      }
      if (this.routing.joinRefused(error, () => this.rejoin())) {
        this.store.apply({ type: 'reconnecting' });
        return 'done';
      }
      this.store.apply({ type: 'failed', error });
      return 'done';
    }
  }

  private async sendLocalMedia(media: MediaSession): Promise<void> {
    if (!this.localStream) {
      // The camera and microphone the room chose in its technical check.
      this.localStream = await navigator.mediaDevices.getUserMedia(roomMediaConstraints());
      this.store.apply({ type: 'localStreamOpened' });
    }
    const [video] = this.localStream.getVideoTracks();
    const [audio] = this.localStream.getAudioTracks();
    // Each (re)join gets clones: a producer closed with the old transport stops its track.
    if (video) await media.produce(video.clone(), 'camera');
    if (audio) await media.produce(audio.clone(), 'microphone');
  }

  private async receive(event: ServerEvent<'media:newConsumer'>): Promise<void> {
    const media = this.media;
    if (!media) return;
    await media.consume(event.payload);
    // Listed once its track exists, and only if these media are still the current ones.
    if (media === this.media) this.store.apply(event);
  }

  private async measureQuality(): Promise<ClientQualityReport | undefined> {
    const media = this.media;
    const { phase, received } = this.store.getState();
    if (!media || phase !== 'live') return undefined;
    const report = qualityReport(await receiveStats(media, received), await media.roundTripMs());
    // The room's own network indicator shows the figures the server is sent, not "connected".
    if (media === this.media) this.store.apply({ type: 'ownQualityMeasured', report });
    return report;
  }

  private closeMedia(): void {
    this.media?.close();
    this.media = undefined;
    this.presentation = undefined;
    this.presentedStream = undefined;
  }
}
