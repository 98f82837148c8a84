import dgram from 'node:dgram';
import { isRtp } from '../sfu/rtp/rtpPacket.js';
import { RtpContinuity } from '../sfu/rtp/rtpContinuity.js';
import { isVp8KeyframeStart, Vp8Continuity } from '../sfu/rtp/vp8.js';
import { OPUS_PT, VIDEO_PT } from './recorderProcess.js';

/** 20 ms of Opus silence (CELT, one frame): what a voice track carries while nobody speaks on it. */
const OPUS_SILENCE = Buffer.from([0xf8, 0xff, 0xfe]);
const SILENCE_EVERY_MS = 20;
/** That frame at Opus's 48 kHz clock. */
const OPUS_FRAME_TICKS = 960;
/** A voice quiet for this long is filled with silence (a real one sends every 20 ms). */
const SILENT_AFTER_MS = 60;
const REPORT_EVERY_MS = 1000;
/**
 * Video dropped this long for want of a keyframe (after a change of floor, or at a part's start)
 * asks for one again, at most this often: a request that was lost must not cost seconds.
 */
const KEYFRAME_ASK_AFTER_MS = 500;

/**
 * One stream of the recording between mediasoup and the recorder: a UDP socket a PlainTransport
 * sends the current feed to, which passes it on to the recorder's port as one continuous stream
 * (RtpContinuity), with RTCP sender reports so the recorder lines the voices up with the video.
 * A voice stream never stops: silence fills in while its source is gone, so the mix never stalls.
 */
export class FeedRelay {
  private readonly continuity: RtpContinuity;
  private target: number | undefined;
  private firstForwarded: ((at: number) => void) | undefined;
  private askKeyframe: (() => void) | undefined;
  private keyframeAskedAt = 0;
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(
    private readonly socket: dgram.Socket,
    readonly kind: 'video' | 'audio',
  ) {
    this.continuity =
      kind === 'video'
        ? new RtpContinuity(VIDEO_PT, 90_000, { canStart: isVp8KeyframeStart, payload: new Vp8Continuity() })
        : new RtpContinuity(OPUS_PT, 48_000);
    socket.on('message', (packet) => this.onPacket(packet));
    this.timers.push(setInterval(() => this.report(), REPORT_EVERY_MS));
    // Checked after the packets that wait on the socket (a late timer first lets them in).
    if (kind === 'audio') this.timers.push(setInterval(() => setImmediate(() => this.fillSilence()), SILENCE_EVERY_MS));
  }

  static async open(kind: 'video' | 'audio'): Promise<FeedRelay> {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new FeedRelay(socket, kind);
  }

  /** Where mediasoup sends the feed. */
  get port(): number {
    return this.socket.address().port;
  }

  /**
   * Starts sending to a recorder listening on `port` (RTCP on port + 1): a report first, then the
   * feed from its next keyframe (video). Resolves with the wall-clock time of the first packet sent.
   */
  sendTo(port: number): Promise<number> {
    this.target = port;
    this.continuity.restart();
    this.report();
    return new Promise((resolve) => (this.firstForwarded = resolve));
  }

  /** How to ask the source for a keyframe when video waits too long for one. */
  askKeyframesWith(ask: () => void): void {
    this.askKeyframe = ask;
  }

  /** Stops sending (pause, or between parts). */
  hold(): void {
    this.target = undefined;
    this.firstForwarded = undefined;
  }

  close(): void {
    this.hold();
    for (const timer of this.timers) clearInterval(timer);
    this.socket.close();
  }

  private onPacket(packet: Buffer): void {
    if (this.target === undefined || !isRtp(packet)) return;
    const now = Date.now();
    if (this.continuity.rewrite(packet, now)) this.send(packet, now);
    else if (this.continuity.waitingFor(now) >= KEYFRAME_ASK_AFTER_MS && now - this.keyframeAskedAt >= KEYFRAME_ASK_AFTER_MS) {
      this.keyframeAskedAt = now;
      this.askKeyframe?.();
    }
  }

  private fillSilence(): void {
    const now = Date.now();
    if (this.target !== undefined && this.continuity.idleFor(now) >= SILENT_AFTER_MS) {
      for (const packet of this.continuity.synthesize(OPUS_SILENCE, OPUS_FRAME_TICKS, now)) this.send(packet, now);
    }
  }

  private send(packet: Buffer, now: number): void {
    this.socket.send(packet, this.target, '127.0.0.1');
    this.firstForwarded?.(now);
    this.firstForwarded = undefined;
  }

  private report(): void {
    if (this.target !== undefined) this.socket.send(this.continuity.senderReport(Date.now()), this.target + 1, '127.0.0.1');
  }
}
