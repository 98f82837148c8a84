import { randomInt } from 'node:crypto';
import { buildRtp, rtp, rtpPayload, senderReport } from './rtpPacket.js';

/** A silence longer than this is not filled back to back: its frames begin at now. */
const MAX_FILL_MS = 1000;

/** What a codec keeps continuous inside its payload (VP8: picture ids), re-anchored at each new source. */
export interface PayloadContinuity {
  anchor(payload: Buffer): void;
  rewrite(payload: Buffer): void;
}

export interface ContinuityOptions {
  /** For video: where a new source may begin. Audio begins anywhere. */
  canStart?: (payload: Buffer) => boolean;
  payload?: PayloadContinuity;
  /** The output's SSRC; a random one by default. */
  ssrc?: number;
  now?: number;
}

/**
 * Turns the packets of a programme feed whose source changes (another site takes the floor, the
 * chair rejoins) into one unbroken RTP stream: one SSRC, continuous sequence numbers, and one
 * clock. Output timestamps follow a single line through the wall clock (`clockTimestamp`): each
 * new source is placed on it where its first packet arrives, and the sender reports state that
 * same line, so the recorder lines voices and video up and never sees time go back. Video
 * switches only at a keyframe of the new source. Packets of a source left behind are dropped.
 */
export class RtpContinuity {
  readonly ssrc: number;
  private seq = randomInt(0, 0xffff);
  private readonly clockBase = randomInt(0, 2 ** 31);
  private readonly clockStart: number;
  private lastTimestamp: number;
  private lastSentAt: number;
  private source: number | undefined;
  private readonly retired = new Set<number>();
  private seqOffset = 0;
  private timestampOffset = 0;
  /** The next packet starts a new anchoring (a new source, a new recorder, after our own packets). */
  private anchored = false;
  /** Since when packets are dropped until one can start the stream. */
  private waitingSince: number | undefined;
  /** The last packet sent carried the marker: the next one begins a frame. */
  private frameEnded = false;
  private packets = 0;
  private octets = 0;
  /** Frames never closer than a millisecond: the file counts time in milliseconds. */
  private readonly minFrameStep: number;
  private readonly canStart: (payload: Buffer) => boolean;
  private readonly payloadContinuity: PayloadContinuity | undefined;

  constructor(
    private readonly payloadType: number,
    private readonly clockRate: number,
    options: ContinuityOptions = {},
  ) {
    const now = options.now ?? Date.now();
    this.ssrc = options.ssrc ?? randomInt(1, 2 ** 32 - 1);
    this.canStart = options.canStart ?? (() => true);
    this.payloadContinuity = options.payload;
    this.clockStart = now;
    this.lastSentAt = now;
    this.lastTimestamp = this.clockBase;
    this.minFrameStep = clockRate / 1000;
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
      if (!this.canStart(payload)) {
        this.waitingSince ??= now;
        return false;
      }
      this.waitingSince = undefined;
      this.seqOffset = this.seq + 1 - rtp.seq(packet);
      this.timestampOffset = this.nextFrameTimestamp(now) - rtp.timestamp(packet);
      this.anchored = true;
      this.frameEnded = false;
      this.payloadContinuity?.anchor(payload);
    }
    this.payloadContinuity?.rewrite(payload);
    const seq = (rtp.seq(packet) + this.seqOffset) & 0xffff;
    const inOrder = ((seq - this.seq) & 0xffff) < 0x8000;
    let timestamp = (rtp.timestamp(packet) + this.timestampOffset) >>> 0;
    // A new frame in sequence (after the marker that ended the last, or with another time) never
    // goes back nor lands in the millisecond of the last: a source switching simulcast layers may
    // repeat a time there. A packet that arrives late keeps its time: the recorder reorders.
    const step = (timestamp - this.lastTimestamp) | 0;
    if (inOrder && (step !== 0 || this.frameEnded) && step < this.minFrameStep) {
      this.timestampOffset += this.minFrameStep - step;
      timestamp = (this.lastTimestamp + this.minFrameStep) >>> 0;
    }
    rtp.setSeq(packet, seq);
    rtp.setTimestamp(packet, timestamp);
    rtp.setSsrc(packet, this.ssrc);
    rtp.setPayloadType(packet, this.payloadType);
    this.sent(seq, timestamp, now, payload.length);
    if (inOrder) this.frameEnded = (packet[1]! & 0x80) !== 0;
    return true;
  }

  /**
   * The stream continues from `ssrc` (a relay that chooses its sources says so): accepted even if it
   * was left behind before, placed on the clock anew at its first packet that can start.
   */
  follow(ssrc: number): void {
    this.retired.delete(ssrc);
    if (ssrc !== this.source) {
      if (this.source !== undefined) this.retired.add(this.source);
      this.source = ssrc;
      this.anchored = false;
    }
  }

  /** Milliseconds that packets have been dropped waiting for a place to start (a keyframe); 0 if none. */
  waitingFor(now: number): number {
    return this.waitingSince === undefined ? 0 : now - this.waitingSince;
  }

  /** The next packet starts afresh (a new recorder: video from its next keyframe). */
  restart(): void {
    this.anchored = false;
    this.waitingSince = undefined;
  }

  /**
   * Packets of our own (silence, `frameTicks` long each) that continue the stream while no source
   * sends: back to back after the last packet and up to now, so the track holds as much sound as
   * time passed (one frame per tick of a late timer would leave most of a silence out). After a
   * longer break (a part that begins, a pause) they begin afresh at now.
   */
  synthesize(payload: Buffer, frameTicks: number, now: number): Buffer[] {
    const onClock = this.clockTimestamp(now);
    let timestamp = (this.lastTimestamp + frameTicks) >>> 0;
    const behind = (onClock - timestamp) | 0;
    if (behind > (MAX_FILL_MS * this.clockRate) / 1000) timestamp = onClock;
    const packets: Buffer[] = [];
    while (((onClock - timestamp) | 0) >= 0) {
      const seq = (this.seq + 1) & 0xffff;
      this.sent(seq, timestamp, now, payload.length);
      packets.push(buildRtp(this.payloadType, seq, timestamp, this.ssrc, payload));
      timestamp = (timestamp + frameTicks) >>> 0;
    }
    // A source that sends again is placed on the clock anew.
    if (packets.length) this.anchored = false;
    return packets;
  }

  /** Milliseconds since the last packet went out (or since creation). */
  idleFor(now: number): number {
    return now - this.lastSentAt;
  }

  senderReport(now: number): Buffer {
    return senderReport(this.ssrc, now, this.clockTimestamp(now), this.packets, this.octets);
  }

  /** The output clock: one straight line through the wall clock. */
  private clockTimestamp(now: number): number {
    return (this.clockBase + Math.round(((now - this.clockStart) * this.clockRate) / 1000)) >>> 0;
  }

  /** Where a frame starting now goes: on the clock, and after the last frame. */
  private nextFrameTimestamp(now: number): number {
    const onClock = this.clockTimestamp(now);
    return ((onClock - this.lastTimestamp) | 0) >= this.minFrameStep ? onClock : (this.lastTimestamp + this.minFrameStep) >>> 0;
  }

  private sent(seq: number, timestamp: number, now: number, bytes: number): void {
    // Sequence numbers only move forward (a reordered packet keeps the later one as the mark).
    if (((seq - this.seq) & 0xffff) < 0x8000) this.seq = seq;
    if (((timestamp - this.lastTimestamp) | 0) > 0) this.lastTimestamp = timestamp;
    this.lastSentAt = now;
    this.packets++;
    this.octets += bytes;
  }
}
