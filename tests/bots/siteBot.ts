import type { types } from 'mediasoup-client';
import { BotMedia, type NewConsumer, type ReceivedConsumer } from './botMedia.ts';
import { login } from '../support/auth.ts';
import { BotSignalling } from './botSignalling.ts';
import { epochMs } from './rtpCounter.ts';

export interface SiteBotOptions {
  baseUrl: string;
  meetingId: string;
  /** A SITE account invited to the meeting. */
  username: string;
  password: string;
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
  error: string | undefined;
}

/** The first packet of one programme-video producer: one per programme change the bot saw. */
export interface ProgrammeVideoArrival {
  producerId: string;
  /** Whose camera: a site id, or null for the chair. */
  siteId: string | null;
  offeredAt: number;
  firstPacketAt: number | undefined;
}

/** Plain data (it crosses process boundaries); times are epoch milliseconds (see epochMs). */
export interface SiteBotStats {
  username: string;
  siteId: string | null;
  joins: JoinRecord[];
  firstProgrammeVideoAt: number | undefined;
  programmeVideo: ProgrammeVideoArrival[];
  /** Every consumer of every join, oldest first, closed ones included. */
  consumers: ReceivedConsumer[];
}

/**
 * A receive-only meeting-room kiosk in Node, following the web client's protocol sequence: log in,
 * connect, `meeting:join`, load a Device, create the receive transport, `meeting:ready`, then
 * build and resume every consumer the server pushes. It sends nothing and decodes nothing: it
 * counts RTP per consumer and notes when things happened.
 */
export class SiteBot {
  private media: BotMedia | undefined;
  private joining: Promise<void> | undefined;
  private siteId: string | null = null;
  private readonly joins: JoinRecord[] = [];
  /** Consumers of earlier joins, frozen when their media closed. */
  private readonly pastConsumers: ReceivedConsumer[] = [];
  private closed = false;

  private constructor(
    private readonly options: SiteBotOptions,
    private readonly signalling: BotSignalling,
  ) {
    const s = signalling;
    s.on('media:newConsumer', (offer) => void this.receive(offer));
    s.on('media:consumerClosed', ({ consumerId }) => this.media?.closeConsumer(consumerId));
    s.on('media:reconnectRequired', () => void this.rejoin('reconnectRequired'));
    // socket.io reconnects by itself; like the web client, every reconnection joins afresh.
    s.socket.on('connect', () => {
      if (this.joins.length > 0) void this.rejoin('socketReconnected');
    });
  }

  /** Logs in and connects the socket, without joining: a fleet can then join all at once. */
  static async connect(options: SiteBotOptions): Promise<SiteBot> {
    const cookie = await login(options.baseUrl, options.username, options.password);
    const signalling = new BotSignalling(options.baseUrl, cookie);
    await signalling.connect();
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
        siteId: c.siteId,
        offeredAt: c.createdAt,
        firstPacketAt: c.counts.firstPacketAt,
      }));
    return {
      username: this.username,
      siteId: this.siteId,
      joins: this.joins.map((j) => ({ ...j })),
      firstProgrammeVideoAt: programmeVideo.reduce<number | undefined>(
        (first, p) => (p.firstPacketAt !== undefined && (first === undefined || p.firstPacketAt < first) ? p.firstPacketAt : first),
        undefined,
      ),
      programmeVideo,
      consumers,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeMedia();
    this.signalling.close();
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
      error: undefined,
    };
    this.joins.push(record);
    try {
      const { rtpCapabilities, summary } = await this.signalling.request('meeting:join', {
        meetingId: this.options.meetingId,
      });
      record.answeredAt = epochMs();
      this.siteId = summary.selfSiteId;
      this.media = await BotMedia.open(this.signalling, rtpCapabilities as types.RtpCapabilities, () => {
        void this.rejoin('transportFailed');
      });
      await this.signalling.request('meeting:ready', { rtpCapabilities: { ...this.media.rtpCapabilities } });
      record.readyAt = epochMs();
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      this.options.onWarning?.(`${this.username}: ${reason} join failed`, error);
    }
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
