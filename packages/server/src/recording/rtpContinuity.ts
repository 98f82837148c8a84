import { randomInt } from 'node:crypto';
import { buildRtp, rtp, rtpPayload, senderReport } from './rtpPacket.js';

/**
 * Turns the packets of a programme feed whose source changes (another site takes the floor, the
 * chair rejoins) into one unbroken RTP stream: one SSRC, continuous sequence numbers, and
 * timestamps that keep pace with the wall clock across every change. Video switches only at a
 * keyframe of the new source, so the recording never shows a broken picture. Packets of a source
 * already left behind are dropped.
 */
export class RtpContinuity {
  readonly ssrc = randomInt(1, 2 ** 32 - 1);
  private seq = randomInt(0, 0xffff);
  private timestamp = randomInt(0, 2 ** 31);
  /** Wall clock (ms) of `timestamp`. */
  private timestampAt: number;
  private source: number | undefined;
  private readonly retired = new Set<number>();
  private seqOffset = 0;
  private timestampOffset = 0;
  /** The next packet of the source starts a new anchoring (a switch, or after synthesized packets). */
  private anchored = false;
  private packets = 0;
  private octets = 0;
  /** A new source begins at least 20 ms after the last frame: the file's millisecond times stay increasing. */
  private readonly frameStep: number;

  constructor(
    private readonly payloadType: number,
    private readonly clockRate: number,
    /** For video: where a new source may begin. Audio begins anywhere. */
    private readonly canStart: (payload: Buffer) => boolean = () => true,
    now = Date.now(),
  ) {
    this.timestampAt = now;
    this.frameStep = clockRate / 50;
  }

  /** Rewrites a packet in place for the output; false when it is to be dropped. */
  rewrite(packet: Buffer, now: number): boolean {
    const ssrc = rtp.ssrc(packet);
    if (this.retired.has(ssrc)) return false;
    if (ssrc !== this.source) {
      if (this.source !== undefined) this.retired.add(this.source);
      this.source = ssrc;
      this.anchored = false;
    }
    const payload = rtpPayload(packet);
    if (payload.length === 0) return false;
    if (!this.anchored) {
      if (!this.canStart(payload)) return false;
      this.seqOffset = this.seq + 1 - rtp.seq(packet);
      this.timestampOffset = this.timestampNow(now, this.frameStep) - rtp.timestamp(packet);
      this.anchored = true;
    }
    const seq = (rtp.seq(packet) + this.seqOffset) & 0xffff;
    const timestamp = (rtp.timestamp(packet) + this.timestampOffset) >>> 0;
    rtp.setSeq(packet, seq);
    rtp.setTimestamp(packet, timestamp);
    rtp.setSsrc(packet, this.ssrc);
    rtp.setPayloadType(packet, this.payloadType);
    this.advance(seq, timestamp, now, payload.length);
    return true;
  }

  /** The next packet starts afresh (a new recorder: video from its next keyframe). */
  restart(): void {
    this.anchored = false;
  }

  /** A packet of our own (silence) that continues the stream while no source sends. */
  synthesize(payload: Buffer, now: number): Buffer {
    const seq = (this.seq + 1) & 0xffff;
    const timestamp = this.timestampNow(now, this.frameStep);
    this.advance(seq, timestamp, now, payload.length);
    this.anchored = false;
    return buildRtp(this.payloadType, seq, timestamp, this.ssrc, payload);
  }

  /** Milliseconds since the last packet went out (or since creation). */
  idleFor(now: number): number {
    return now - this.timestampAt;
  }

  senderReport(now: number): Buffer {
    return senderReport(this.ssrc, now, this.timestampNow(now), this.packets, this.octets);
  }

  /** The output timestamp that corresponds to `now` (at least `minStep` past the last one). */
  private timestampNow(now: number, minStep = 0): number {
    return (this.timestamp + Math.max(minStep, Math.round(((now - this.timestampAt) * this.clockRate) / 1000))) >>> 0;
  }

  private advance(seq: number, timestamp: number, now: number, bytes: number): void {
    // Sequence numbers only move forward (a reordered packet keeps the later one as the mark).
    if (((seq - this.seq) & 0xffff) < 0x8000) this.seq = seq;
    if (timestamp !== this.timestamp) {
      this.timestamp = timestamp;
      this.timestampAt = now;
    }
    this.packets++;
    this.octets += bytes;
  }
}
