/** Epoch milliseconds with sub-millisecond precision, comparable between processes of this machine. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

export interface RtpCounts {
  packets: number;
  bytes: number;
  /** Sequence numbers from the first packet to the highest one seen. */
  expected: number;
  /** Of those, how many never arrived (neither first time nor retransmitted). */
  lost: number;
  /** Of the packets, how many arrived only as a retransmission (a NACK repaired them). */
  repaired: number;
  firstPacketAt: number | undefined;
  lastPacketAt: number | undefined;
  /** The latest stretches of at least SILENCE_MS without a packet, between two packets. */
  silences: Silence[];
}

export interface Silence {
  from: number;
  to: number;
}

/** A stream that brings no packet for this long has stopped (a video stream sends 25–30 a second). */
export const SILENCE_MS = 1_000;
/** Silences kept per stream: enough for a bench's minutes of switches. */
const SILENCES_KEPT = 64;

/** How far back a late (reordered or retransmitted) packet still fills its gap. */
const REORDER_WINDOW = 1024;

/**
 * Counts one stream's RTP by sequence number. The SFU rewrites sequence numbers so a consumer's
 * stream is continuous across simulcast layer switches; so every gap in it is a packet the site
 * never got. A packet counts once, however often it arrives (first time and retransmitted), within
 * a window of recent sequence numbers kept in a ring, without allocating per packet.
 */
export class RtpCounter {
  private packets = 0;
  private bytes = 0;
  private repaired = 0;
  private firstSeq = -1;
  private highestSeq = -1;
  /** Slot i holds the extended sequence number last received there (i = seq mod window). */
  private readonly ring = new Float64Array(REORDER_WINDOW).fill(-1);
  private firstPacketAt: number | undefined;
  private lastPacketAt: number | undefined;
  private readonly silences: Silence[] = [];

  /**
   * `sequenceNumber` is the 16-bit RTP field, extended here across wrap-arounds. Returns the
   * extended number (its top bits are the SRTP rollover counter), or -1 for a duplicate or a
   * packet from before the window.
   */
  add(sequenceNumber: number, size: number, at: number = epochMs(), retransmitted = false): number {
    const seq = this.extend(sequenceNumber);
    const slot = seq % REORDER_WINDOW;
    if (this.ring[slot] === seq) return -1;
    // Older than the window, or from before the first packet counted: outside what is measured.
    if (this.firstSeq >= 0 && (seq <= this.highestSeq - REORDER_WINDOW || seq < this.firstSeq)) return -1;
    this.ring[slot] = seq;
    if (this.firstSeq < 0) {
      this.firstSeq = seq;
      this.highestSeq = seq;
      this.firstPacketAt = at;
    } else if (seq > this.highestSeq) {
      this.highestSeq = seq;
    }
    this.packets++;
    this.bytes += size;
    if (retransmitted) this.repaired++;
    if (this.lastPacketAt !== undefined && at - this.lastPacketAt >= SILENCE_MS) {
      if (this.silences.push({ from: this.lastPacketAt, to: at }) > SILENCES_KEPT) this.silences.shift();
    }
    this.lastPacketAt = at;
    return seq;
  }

  /** Whether `extendedSeq` has arrived (within the window). */
  has(extendedSeq: number): boolean {
    return this.ring[extendedSeq % REORDER_WINDOW] === extendedSeq;
  }

  get highest(): number {
    return this.highestSeq;
  }

  /** The extended number a 16-bit sequence number stands for now, without counting it. */
  extend(sequenceNumber: number): number {
    if (this.highestSeq < 0) return sequenceNumber;
    const cycle = this.highestSeq - (this.highestSeq & 0xffff);
    let extended = cycle + sequenceNumber;
    if (extended - this.highestSeq > 0x8000) extended -= 0x10000;
    else if (this.highestSeq - extended > 0x8000) extended += 0x10000;
    return extended;
  }

  counts(): RtpCounts {
    const expected = this.firstSeq < 0 ? 0 : this.highestSeq - this.firstSeq + 1;
    return {
      packets: this.packets,
      bytes: this.bytes,
      expected,
      lost: Math.max(0, expected - this.packets),
      repaired: this.repaired,
      firstPacketAt: this.firstPacketAt,
      lastPacketAt: this.lastPacketAt,
      silences: [...this.silences],
    };
  }
}
