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
  firstPacketAt: number | undefined;
  lastPacketAt: number | undefined;
}

/** How far back a late (reordered or retransmitted) packet still fills its gap. */
const REORDER_WINDOW = 1024;

/**
 * Counts one consumer's RTP stream. The SFU rewrites sequence numbers so a consumer's stream is
 * continuous across simulcast layer switches; so every gap in it is a packet the site never got.
 * Packets are deduplicated within a window because a NACKed packet may arrive twice.
 */
export class RtpCounter {
  private packets = 0;
  private bytes = 0;
  private firstSeq: number | undefined;
  private highestSeq = 0;
  /** Extended sequence numbers received within the reorder window. */
  private readonly recent = new Set<number>();
  private firstPacketAt: number | undefined;
  private lastPacketAt: number | undefined;

  /** `sequenceNumber` is the 16-bit RTP field; it is extended here across wrap-arounds. */
  add(sequenceNumber: number, size: number, at: number = epochMs()): void {
    const seq = this.extend(sequenceNumber);
    if (this.recent.has(seq)) return;
    // Older than the window, or from before the first packet counted: outside what is measured.
    if (this.firstSeq !== undefined && (seq <= this.highestSeq - REORDER_WINDOW || seq < this.firstSeq)) return;
    this.recent.add(seq);
    if (this.firstSeq === undefined) {
      this.firstSeq = seq;
      this.highestSeq = seq;
      this.firstPacketAt = at;
    } else if (seq > this.highestSeq) {
      for (let old = this.highestSeq - REORDER_WINDOW; old <= seq - REORDER_WINDOW; old++) this.recent.delete(old);
      this.highestSeq = seq;
    }
    this.packets++;
    this.bytes += size;
    this.lastPacketAt = at;
  }

  counts(): RtpCounts {
    const expected = this.firstSeq === undefined ? 0 : this.highestSeq - this.firstSeq + 1;
    return {
      packets: this.packets,
      bytes: this.bytes,
      expected,
      lost: Math.max(0, expected - this.packets),
      firstPacketAt: this.firstPacketAt,
      lastPacketAt: this.lastPacketAt,
    };
  }

  /** The extended sequence number closest to the highest seen. */
  private extend(sequenceNumber: number): number {
    if (this.firstSeq === undefined) return sequenceNumber;
    const cycle = this.highestSeq - (this.highestSeq & 0xffff);
    const candidates = [cycle - 0x10000, cycle, cycle + 0x10000].map((c) => c + sequenceNumber);
    return candidates.reduce((best, c) => (Math.abs(c - this.highestSeq) < Math.abs(best - this.highestSeq) ? c : best));
  }
}
