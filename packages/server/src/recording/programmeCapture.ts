import type { Logger } from '../logger.js';
import type { LiveMeeting } from '../meetings/live/liveMeeting.js';
import type { ProgrammeFeed, ProgrammeSelection } from '../meetings/live/programme.js';
import type { ms } from '../sfu/mediasoupModule.js';
import { detach } from '../util/detach.js';
import { SerialQueue } from '../util/serialQueue.js';
import type { FeedRelay } from './feedRelay.js';

export type Slot = 'video' | 'chair' | 'floor';
export type Relays = Record<Slot, FeedRelay>;

/**
 * What the recorder may be sent: VP8 and Opus only, and neither transport-wide congestion control
 * nor header extensions, so mediasoup sends it no bandwidth probes.
 */
function recorderCapabilities(router: ms.Router): ms.RtpCapabilities {
  const feedback = ['nack', 'ccm'];
  return {
    codecs: (router.rtpCapabilities.codecs ?? [])
      .filter((c) => c.mimeType === 'video/VP8' || c.mimeType === 'audio/opus')
      .map((c) => ({ ...c, rtcpFeedback: (c.rtcpFeedback ?? []).filter((f) => feedback.includes(f.type)) })),
    headerExtensions: [],
  };
}

/** The programme's three feeds: its video, the chair's voice, the floor holder's voice. */
function feedsOf(selection: ProgrammeSelection): Record<Slot, ProgrammeFeed | undefined> {
  return {
    video: selection.video,
    chair: selection.audio.find((f) => f.owner.role === 'chair'),
    floor: selection.audio.find((f) => f.owner.siteId !== null),
  };
}

/**
 * The programme as the recorder takes it: one plain transport per feed on a router of the
 * meeting, each sending to its relay, and consumers that follow the programme as the floor
 * changes (the producer is piped to this router first if it lives on another).
 */
export class ProgrammeCapture {
  private readonly consumers = new Map<Slot, ms.Consumer>();
  private readonly updates = new SerialQueue();
  private stopWatching: (() => void) | undefined;

  private constructor(
    private readonly meeting: LiveMeeting,
    private readonly router: ms.Router,
    private readonly transports: Record<Slot, ms.PlainTransport>,
    private readonly log: Logger,
  ) {}

  static async open(meeting: LiveMeeting, relays: Relays, log: Logger): Promise<ProgrammeCapture> {
    const router = await meeting.placeConsumer();
    const transportTo = async (relay: FeedRelay) => {
      const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false, appData: { recorder: true } });
      await transport.connect({ ip: '127.0.0.1', port: relay.port });
      return transport;
    };
    const transports = { video: await transportTo(relays.video), chair: await transportTo(relays.chair), floor: await transportTo(relays.floor) };
    const capture = new ProgrammeCapture(meeting, router, transports, log);
    capture.stopWatching = meeting.watchProgramme((selection) => {
      detach(capture.updates.push(() => capture.follow(selection)), log, 'following the programme');
    });
    return capture;
  }

  /** The meeting's router went away (the meeting ended or its worker died). */
  onRouterClosed(listener: () => void): void {
    this.router.observer.once('close', listener);
  }

  /** Resolves once the consumers follow the programme as it is now. */
  settled(): Promise<void> {
    return this.updates.push(async () => undefined);
  }

  hasVideo(): boolean {
    return this.consumers.has('video');
  }

  async requestKeyFrame(): Promise<void> {
    await this.consumers.get('video')?.requestKeyFrame();
  }

  close(): void {
    this.stopWatching?.();
    for (const transport of Object.values(this.transports)) transport.close();
    this.consumers.clear();
  }

  private async follow(selection: ProgrammeSelection): Promise<void> {
    const feeds = feedsOf(selection);
    for (const slot of Object.keys(feeds) as Slot[]) {
      try {
        await this.switchTo(slot, feeds[slot]);
      } catch (err) {
        this.log.warn({ err, slot, meeting: this.meeting.id }, 'recorder could not follow the programme feed');
      }
    }
  }

  private async switchTo(slot: Slot, feed: ProgrammeFeed | undefined): Promise<void> {
    const current = this.consumers.get(slot);
    if (current && !current.closed && current.producerId === feed?.producer.id) return;
    current?.close();
    this.consumers.delete(slot);
    if (!feed || feed.producer.closed || this.router.closed) return;
    await this.meeting.routeFeed(feed, this.router);
    const consumer = await this.transports[slot].consume({
      producerId: feed.producer.id,
      rtpCapabilities: recorderCapabilities(this.router),
      paused: true,
    });
    this.consumers.set(slot, consumer);
    consumer.on('producerclose', () => this.consumers.get(slot) === consumer && this.consumers.delete(slot));
    await consumer.resume();
    if (slot === 'video') await consumer.requestKeyFrame();
  }
}
