import type { RtpCapabilitiesInput } from '@pm/shared';
import { ProtocolClient } from '../support/signallingClient.ts';
import { BotMedia, type NewConsumer, type ReceivedConsumer } from './botMedia.ts';
import { epochMs } from './rtpCounter.ts';
import type { FrameStart } from './wire/vp8.ts';

export interface SiteBotOptions {
  baseUrl: string;
  meetingId: string;
  /** A SITE account invited to the meeting. */
  username: string;
  password: string;
  /**
   * Announce transport-cc as Chrome does (default), so the SFU runs send-side bandwidth estimation
   * from the bot's transport-wide feedback; off, it sends each bot its preferred layer unmeasured.
   */
  transportCc?: boolean;
  /** Names the source of a programme keyframe of this size (the bench's sources differ in size). */
  sourceOfSize?: (width: number, height: number) => string;
  /** Told about problems the bot lives through (a consumer it could not build, a failed rejoin). */
  onWarning?: (message: string, error: unknown) => void;
}

/** Why the bot (re)joined: its first join, or the same reasons that make the web client rejoin. */
export type JoinReason = 'start' | 'reconnectRequired' | 'socketReconnected' | 'transportFailed';

export interface JoinRecord {
  reason: JoinReason;
  requestedAt: number;
  /** The `meeting:join` acknowledgement arrived. */
  answeredAt: number | undefined;
  /** `meeting:ready` was acknowledged: the server has offered the programme. */
  readyAt: number | undefined;
  /** The bot's ICE and DTLS completed (they run beside `meeting:ready`, as a browser's do). */
  securedAt: number | undefined;
  error: string | undefined;
}

/**
 * One programme-video consumer: with the stable programme, one per join, whatever the floor does.
 * Whose picture it carries at a moment is the caption's (see ProgrammeCaption).
 */
export interface ProgrammeVideoArrival {
  producerId: string;
  offeredAt: number;
  firstPacketAt: number | undefined;
  lastPacketAt: number | undefined;
}

/**
 * Whose camera the programme carries (a site id, or null for the chair's), as the server said: in
 * the join's answer, then in each `meeting:programme`, which it sends once the new source's
 * keyframe has reached the rooms.
 */
export interface ProgrammeCaption {
  videoSiteId: string | null;
  at: number;
}

/** A programme keyframe whose source differs from the one before: the picture changed to it then. */
export interface SourceChange {
  source: string;
  width: number;
  height: number;
  at: number;
  consumerId: string;
}

/** A `media:newConsumer` or `media:consumerClosed` the bot was sent: each costs a kiosk a renegotiation. */
export interface ConsumerEvent {
  type: 'new' | 'closed';
  at: number;
}

export interface PictureSeen {
  width: number;
  height: number;
  at: number;
}

/** Plain data (it crosses process boundaries); times are epoch milliseconds (see epochMs). */
export interface SiteBotStats {
  username: string;
  siteId: string | null;
  joins: JoinRecord[];
  firstProgrammeVideoAt: number | undefined;
  /** The first programme keyframe: the first picture the room could show. */
  firstPictureAt: number | undefined;
  /** The latest programme keyframe's size: which layer the SFU sends the room. */
  lastPicture: PictureSeen | undefined;
  programmeVideo: ProgrammeVideoArrival[];
  captions: ProgrammeCaption[];
  sourceChanges: SourceChange[];
  consumerEvents: ConsumerEvent[];
  /** Every consumer of every join, oldest first, closed ones included. */
  consumers: ReceivedConsumer[];
}

/**
 * A receive-only meeting room on the wire, following the web client's protocol sequence: log in,
 * connect, `meeting:join`, create the receive transport, `meeting:ready` with a Chrome-like
 * capability set, then receive and resume every consumer the server pushes; rejoin when told to,
 * when the socket reconnects, or when the transport fails. It decodes nothing: it counts RTP per
 * consumer, reads the size of every programme keyframe, and notes when things happened.
 */
export class SiteBot {
  private media: BotMedia | undefined;
  private joining: Promise<void> | undefined;
  private siteId: string | null = null;
  private readonly joins: JoinRecord[] = [];
  /** Consumers of earlier joins, frozen when their media closed. */
  private readonly pastConsumers: ReceivedConsumer[] = [];
  private readonly sourceChanges: SourceChange[] = [];
  private readonly captions: ProgrammeCaption[] = [];
  private readonly consumerEvents: ConsumerEvent[] = [];
  private firstPictureAt: number | undefined;
  private lastPicture: PictureSeen | undefined;
  private closed = false;

  private constructor(
    private readonly options: SiteBotOptions,
    private readonly signalling: ProtocolClient,
  ) {
    const s = signalling;
    s.on('media:newConsumer', (offer) => {
      this.consumerEvents.push({ type: 'new', at: epochMs() });
      this.receive(offer).catch((error: unknown) =>
        this.options.onWarning?.(`${this.username}: could not receive ${offer.purpose}`, error),
      );
    });
    s.on('media:consumerClosed', ({ consumerId }) => {
      this.consumerEvents.push({ type: 'closed', at: epochMs() });
      this.media?.closeConsumer(consumerId);
    });
    s.on('meeting:programme', ({ videoSiteId }) => this.captions.push({ videoSiteId, at: epochMs() }));
    s.on('media:reconnectRequired', () => this.rejoinInBackground('reconnectRequired'));
    // socket.io reconnects by itself; like the web client, every reconnection joins afresh.
    s.socket.on('connect', () => {
      if (this.joins.length > 0) this.rejoinInBackground('socketReconnected');
    });
  }

  /** Logs in and connects the socket, without joining: a fleet can then join all at once. */
  static async connect(options: SiteBotOptions): Promise<SiteBot> {
    const signalling = await ProtocolClient.connect(options.baseUrl, options.username, {
      password: options.password,
      reconnection: true,
      recordEvents: false,
    });
    return new SiteBot(options, signalling);
  }

  /** Logs in, connects and joins; resolves once the server has been told the bot is ready. */
  static async start(options: SiteBotOptions): Promise<SiteBot> {
    const bot = await SiteBot.connect(options);
    try {
      await bot.join();
    } catch (error) {
      bot.close();
      throw error;
    }
    return bot;
  }

  /** The picture changes so far, without a full stats() copy (a bench polls it often). */
  get sourceChangesSoFar(): readonly SourceChange[] {
    return this.sourceChanges;
  }

  get username(): string {
    return this.options.username;
  }

  /** The first join; rejects if it fails (rejoins only record their failures). */
  async join(): Promise<void> {
    await this.rejoin('start');
    const error = this.joins.at(-1)?.error;
    if (error) throw new Error(`${this.username} could not join: ${error}`);
  }

  async requestFloor(): Promise<number> {
    const { position } = await this.signalling.request('floor:request', {});
    return position;
  }

  stats(): SiteBotStats {
    const consumers = [...this.pastConsumers, ...(this.media?.consumers() ?? [])];
    const programmeVideo = consumers
      .filter((c) => c.purpose === 'programme-video')
      .map((c) => ({
        producerId: c.producerId,
        offeredAt: c.createdAt,
        firstPacketAt: c.counts.firstPacketAt,
        lastPacketAt: c.counts.lastPacketAt,
      }));
    return {
      username: this.username,
      siteId: this.siteId,
      joins: this.joins.map((j) => ({ ...j })),
      firstProgrammeVideoAt: programmeVideo.reduce<number | undefined>(
        (first, p) =>
          p.firstPacketAt !== undefined && (first === undefined || p.firstPacketAt < first) ? p.firstPacketAt : first,
        undefined,
      ),
      firstPictureAt: this.firstPictureAt,
      lastPicture: this.lastPicture,
      programmeVideo,
      captions: [...this.captions],
      sourceChanges: [...this.sourceChanges],
      consumerEvents: [...this.consumerEvents],
      consumers,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeMedia();
    this.signalling.close();
  }

  /** A rejoin nobody waits for: it records its own failure; anything else is told as a warning. */
  private rejoinInBackground(reason: JoinReason): void {
    this.rejoin(reason).catch((error: unknown) => this.options.onWarning?.(`${this.username}: ${reason} rejoin`, error));
  }

  private rejoin(reason: JoinReason): Promise<void> {
    if (this.closed) return Promise.resolve();
    // Reasons to rejoin can arrive together (a reconnection and a worker restart): join once.
    this.joining ??= this.joinOnce(reason).finally(() => (this.joining = undefined));
    return this.joining;
  }

  private async joinOnce(reason: JoinReason): Promise<void> {
    this.closeMedia();
    const record: JoinRecord = {
      reason,
      requestedAt: epochMs(),
      answeredAt: undefined,
      readyAt: undefined,
      securedAt: undefined,
      error: undefined,
    };
    this.joins.push(record);
    try {
      const { rtpCapabilities, summary } = await this.signalling.request('meeting:join', { meetingId: this.options.meetingId });
      record.answeredAt = epochMs();
      this.siteId = summary.selfSiteId;
      this.captions.push({ videoSiteId: summary.programme.videoSiteId, at: record.answeredAt });
      this.media = await BotMedia.open(
        this.signalling,
        (why) => {
          this.options.onWarning?.(`${this.username}: transport failed`, why);
          this.rejoinInBackground('transportFailed');
        },
        (consumer, frame, at) => this.keyframe(consumer, frame, at),
        () => (record.securedAt = epochMs()),
      );
      await this.signalling.request('meeting:ready', {
        rtpCapabilities: chromeLikeCapabilities(rtpCapabilities, this.options.transportCc ?? true),
      });
      record.readyAt = epochMs();
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      this.options.onWarning?.(`${this.username}: ${reason} join failed`, error);
    }
  }

  private keyframe(consumer: ReceivedConsumer, frame: FrameStart, at: number): void {
    if (consumer.purpose !== 'programme-video') return;
    this.firstPictureAt ??= at;
    this.lastPicture = { width: frame.width, height: frame.height, at };
    const source = this.options.sourceOfSize?.(frame.width, frame.height) ?? `${frame.width}x${frame.height}`;
    if (this.sourceChanges.at(-1)?.source === source) return;
    this.sourceChanges.push({ source, width: frame.width, height: frame.height, at, consumerId: consumer.consumerId });
  }

  private async receive(offer: NewConsumer): Promise<void> {
    const media = this.media;
    if (!media) return;
    try {
      await media.consume(this.signalling, offer);
    } catch (error) {
      this.options.onWarning?.(`${this.username}: could not receive ${offer.purpose}`, error);
    }
  }

  private closeMedia(): void {
    if (!this.media) return;
    this.media.close();
    this.pastConsumers.push(...this.media.consumers());
    this.media = undefined;
  }
}

/**
 * What a Chrome kiosk's mediasoup-client Device announces in `meeting:ready`: the router's codecs
 * (Opus, VP8 and H264 with RTX, and their feedback: NACK, PLI, FIR, REMB, transport-cc) and header
 * extensions, which Chrome all supports. transport-cc included, the SFU runs its send-side
 * bandwidth estimation for each bot (which answers with transport-wide feedback) as for a kiosk.
 */
export function chromeLikeCapabilities(router: Record<string, unknown>, transportCc: boolean): RtpCapabilitiesInput {
  const { codecs = [], headerExtensions = [] } = router as RtpCapabilitiesInput;
  if (transportCc) return { codecs, headerExtensions };
  return {
    codecs: codecs.map((c) => ({
      ...c,
      rtcpFeedback: c.rtcpFeedback?.filter((f) => f.type !== 'transport-cc' && f.type !== 'goog-remb'),
    })),
    headerExtensions: headerExtensions.filter((e) => !e.uri.includes('transport-wide-cc') && !e.uri.includes('abs-send-time')),
  };
}
