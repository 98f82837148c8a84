import type { ReportBlock } from './wire/rtcp.ts';
import { headerLength, marker, rtp } from './wire/rtpHeader.ts';
import { peekRtpPayload, unprotectRtpPayload, type SrtpGcmKeys } from './wire/srtpGcm.ts';
import { readFrameStart, VP8_PEEK_BYTES, type FrameStart } from './wire/vp8.ts';
import { RtpCounter } from './rtpCounter.ts';

/** How often a missing packet is asked for again before the bot gives up on it and asks for a keyframe. */
const NACK_TRIES = 3;
const NACK_RETRY_MS = 100;
/** A receiver's keyframe requests while it waits for one, at most this often (Chrome: a few per second). */
const PLI_INTERVAL_MS = 500;
/** More missing packets than this at once: not worth NACKing, ask for a keyframe. */
const MAX_NACK_GAP = 100;

export interface StreamFeedback {
  nack(mediaSsrc: number, sequenceNumbers: number[]): void;
  pli(mediaSsrc: number): void;
}

/**
 * One consumer's stream at a bot, as a receiver handles it: every packet counted from its clear
 * header; for video, the first packet of each frame peeked at (VP8 descriptor and keyframe
 * header) so the bot knows when it can show a picture and of what size; missing packets NACKed,
 * retransmissions (RTX) opened to learn which packet they repair; a keyframe asked for (PLI) while
 * the picture cannot be decoded; and the figures of its RTCP receiver report.
 */
export class ReceivedStream {
  readonly counter = new RtpCounter();
  private readonly rtxCounter = new RtpCounter();
  private previousMarker = true;
  private previousTimestamp = -1;
  private waitingForKeyframe: boolean;
  private lastPliAt = 0;
  private readonly missing = new Map<number, { tries: number; lastAt: number }>();
  private jitter = 0;
  private lastTransit: number | undefined;
  private reported = { expected: 0, packets: 0 };
  private lastSr: { ntpMiddle: number; at: number } | undefined;
  nacksSent = 0;
  plisSent = 0;

  constructor(
    readonly ssrc: number,
    readonly rtxSsrc: number | undefined,
    readonly kind: 'audio' | 'video',
    private readonly clockRate: number,
    private readonly feedback: StreamFeedback,
    /** Told about each keyframe start (its size), for the bot's readings. */
    private readonly onKeyframe: (frame: FrameStart, at: number) => void,
  ) {
    this.waitingForKeyframe = kind === 'video';
  }

  receive(packet: Buffer, at: number, keys: SrtpGcmKeys): void {
    const length = headerLength(packet);
    const highestBefore = this.counter.highest;
    const seq = this.counter.add(rtp.seq(packet), packet.length - length - 16, at);
    if (seq < 0) return;
    this.trackJitter(packet, at);
    if (this.kind !== 'video') return;
    this.missing.delete(seq);
    if (highestBefore >= 0 && seq > highestBefore + 1) this.packetsMissing(highestBefore + 1, seq, at);
    // A frame starts after a marker, or with a new RTP timestamp when the marker packet was lost.
    const timestamp = rtp.timestamp(packet);
    if (this.previousMarker || timestamp !== this.previousTimestamp) this.frameStart(packet, length, seq, at, keys);
    this.previousMarker = marker(packet);
    this.previousTimestamp = timestamp;
  }

  /** An RTX packet (RFC 4588): its first two payload bytes name the packet it repairs. */
  receiveRetransmission(packet: Buffer, at: number, keys: SrtpGcmKeys): void {
    const length = headerLength(packet);
    const rtxSeq = this.rtxCounter.add(rtp.seq(packet), 0, at);
    if (rtxSeq < 0 || packet.length - length <= 16 + 2) return; // padding only (bandwidth probing)
    let payload: Buffer;
    try {
      payload = unprotectRtpPayload(keys, packet, length, Math.floor(rtxSeq / 0x10000));
    } catch {
      return;
    }
    const original = this.counter.extend(payload.readUInt16BE(0));
    if (this.counter.add(original & 0xffff, payload.length - 2, at, true) >= 0) this.missing.delete(original);
  }

  /** Called every ~100 ms: NACKs due again, and a keyframe request if still undecodable. */
  tick(now: number): void {
    const due: number[] = [];
    for (const [seq, state] of this.missing) {
      if (this.counter.has(seq)) {
        this.missing.delete(seq);
      } else if (state.tries >= NACK_TRIES) {
        this.missing.delete(seq);
        this.needKeyframe(now);
      } else if (now - state.lastAt >= NACK_RETRY_MS) {
        state.tries++;
        state.lastAt = now;
        due.push(seq);
      }
    }
    if (due.length > 0) this.sendNack(due);
    if (this.waitingForKeyframe && this.counter.counts().packets > 0) this.needKeyframe(now);
  }

  senderReport(ntpMiddle: number, at: number): void {
    this.lastSr = { ntpMiddle, at };
  }

  /** This stream's receiver report block, and the interval figures reset for the next. */
  reportBlock(now: number): ReportBlock | undefined {
    const counts = this.counter.counts();
    if (counts.packets === 0) return undefined;
    const expected = counts.expected - this.reported.expected;
    const received = counts.packets - this.reported.packets;
    this.reported = { expected: counts.expected, packets: counts.packets };
    return {
      ssrc: this.ssrc,
      fractionLost: expected > 0 ? Math.max(0, expected - received) / expected : 0,
      cumulativeLost: counts.lost,
      extendedHighestSequence: this.counter.highest,
      jitter: this.jitter,
      lastSr: this.lastSr?.ntpMiddle ?? 0,
      delaySinceLastSr: this.lastSr ? Math.round(((now - this.lastSr.at) / 1000) * 65536) : 0,
    };
  }

  private frameStart(packet: Buffer, length: number, seq: number, at: number, keys: SrtpGcmKeys): void {
    const frame = readFrameStart(peekRtpPayload(keys, packet, length, Math.floor(seq / 0x10000), VP8_PEEK_BYTES));
    if (!frame) return;
    if (frame.keyframe) {
      this.waitingForKeyframe = false;
      this.onKeyframe(frame, at);
    } else if (this.waitingForKeyframe) {
      this.needKeyframe(at);
    }
  }

  private packetsMissing(from: number, to: number, at: number): void {
    if (to - from > MAX_NACK_GAP) {
      this.needKeyframe(at);
      return;
    }
    const fresh: number[] = [];
    for (let seq = from; seq < to; seq++) {
      if (!this.counter.has(seq) && !this.missing.has(seq)) {
        this.missing.set(seq, { tries: 1, lastAt: at });
        fresh.push(seq);
      }
    }
    if (fresh.length > 0) this.sendNack(fresh);
  }

  private sendNack(sequenceNumbers: number[]): void {
    this.nacksSent++;
    this.feedback.nack(this.ssrc, sequenceNumbers);
  }

  private needKeyframe(now: number): void {
    this.waitingForKeyframe = true;
    if (now - this.lastPliAt < PLI_INTERVAL_MS) return;
    this.lastPliAt = now;
    this.plisSent++;
    this.feedback.pli(this.ssrc);
  }

  /** RFC 3550 A.8, in the stream's clock units. */
  private trackJitter(packet: Buffer, at: number): void {
    const transit = (at * this.clockRate) / 1000 - rtp.timestamp(packet);
    if (this.lastTransit !== undefined) this.jitter += (Math.abs(transit - this.lastTransit) - this.jitter) / 16;
    this.lastTransit = transit;
  }
}
