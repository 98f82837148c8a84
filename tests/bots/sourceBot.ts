import { ProtocolClient } from '../support/signallingClient.ts';
import type { ReplayClip } from './replayClips.ts';
import { ReplaySender, type ReplayStats } from './replaySource.ts';

const REJOIN_RETRY_MS = 1_000;

export interface SourceBotOptions {
  baseUrl: string;
  meetingId: string;
  /** The chair's account (its camera is the programme by default) or a site's (it takes the floor). */
  username: string;
  password: string;
  clip: ReplayClip;
  onWarning?: (message: string, error: unknown) => void;
}

/**
 * A participant that sends a replay clip as its camera and microphone, at a fixed load: the
 * chair, or the site that takes the floor. It joins like a kiosk, and joins again (producing
 * afresh) when told its media are gone or its socket reconnected. Its signalling client is there
 * for the floor requests the bench and tests make on its behalf.
 */
export class SourceBot {
  private sender: ReplaySender | undefined;
  private readonly finished: ReplayStats[] = [];
  private joining: Promise<void> | undefined;
  private joins = 0;
  private closed = false;

  private constructor(
    private readonly options: SourceBotOptions,
    readonly client: ProtocolClient,
  ) {
    client.on('media:reconnectRequired', () => this.rejoinInBackground());
    client.socket.on('connect', () => this.rejoinInBackground());
  }

  static async start(options: SourceBotOptions): Promise<SourceBot> {
    const client = await ProtocolClient.connect(options.baseUrl, options.username, {
      password: options.password,
      reconnection: true,
      recordEvents: false,
    });
    const bot = new SourceBot(options, client);
    try {
      await bot.joinOnce();
    } catch (error) {
      bot.close();
      throw error;
    }
    return bot;
  }

  /** Resolves once a rejoin under way (if any) is done: floor requests need the participant joined. */
  async joined(): Promise<void> {
    await this.joining;
  }

  /** The server says this source is not in the meeting (it dropped it): join again, and wait. */
  async rejoin(): Promise<void> {
    this.rejoinInBackground();
    await this.joining;
  }

  get username(): string {
    return this.options.username;
  }

  get clip(): ReplayClip {
    return this.options.clip;
  }

  /** What it sent over all its joins. */
  stats(): ReplayStats & { joins: number } {
    const all = [...this.finished, ...(this.sender ? [this.sender.stats()] : [])];
    const sum = (
      key:
        'octets' | 'packets' | 'voicePackets' | 'sentForMs' | 'keyframeRequests' | 'keyframesSentOnRequest' | 'retransmissions',
    ) => all.reduce((n, s) => n + s[key], 0);
    return {
      octets: sum('octets'),
      packets: sum('packets'),
      layerPackets: [0, 1, 2].map((i) => all.reduce((n, s) => n + (s.layerPackets[i] ?? 0), 0)),
      voicePackets: sum('voicePackets'),
      sentForMs: sum('sentForMs'),
      keyframeRequests: sum('keyframeRequests'),
      keyframesSentOnRequest: sum('keyframesSentOnRequest'),
      retransmissions: sum('retransmissions'),
      joins: this.joins,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopSending();
    this.client.close();
  }

  /**
   * Joins again (once, however many reasons arrive together). A failed rejoin is told as a warning
   * and tried again a second later: the bench's sources must keep sending.
   */
  private rejoinInBackground(): void {
    if (this.closed || this.joins === 0) return;
    this.joining ??= this.joinOnce()
      .catch((error: unknown) => {
        this.options.onWarning?.(`${this.username}: rejoin failed`, error);
        setTimeout(() => this.rejoinInBackground(), REJOIN_RETRY_MS);
      })
      .finally(() => (this.joining = undefined));
  }

  private async joinOnce(): Promise<void> {
    this.stopSending();
    this.joins++;
    await this.client.request('meeting:join', { meetingId: this.options.meetingId });
    this.sender = await ReplaySender.start(this.client, this.options.clip, (reason) => {
      this.options.onWarning?.(`${this.username}: send transport failed`, reason);
      this.rejoinInBackground();
    });
  }

  private stopSending(): void {
    if (!this.sender) return;
    this.finished.push(this.sender.stats());
    this.sender.close();
    this.sender = undefined;
  }
}
