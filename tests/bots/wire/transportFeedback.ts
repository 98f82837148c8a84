import { RTCP } from './rtcp.ts';

const FMT_TRANSPORT_CC = 15;
const SYMBOLS_PER_CHUNK = 7;
const NOT_RECEIVED = 0;
const SMALL_DELTA = 1;
const LARGE_DELTA = 2;
const DELTA_UNIT_US = 250;
const REFERENCE_UNIT_US = 64_000;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01),
 * as Chrome sends it: every packet that carried the transport-wide sequence number is reported
 * with its arrival time, so mediasoup's send-side bandwidth estimation (GoogCC) runs for a bot as
 * it does for a kiosk. Arrivals are kept as the receive callback saw them, i.e. with the bot
 * process's event-loop delay in them: that is part of what this harness measures.
 */
export class TransportFeedback {
  /** Arrival time (µs) by extended transport sequence number, since the last feedback. */
  private readonly arrivals = new Map<number, number>();
  private lowest = Number.POSITIVE_INFINITY;
  private highest = -1;
  private nextBase = -1;
  private feedbackCount = 0;

  /** `sequenceNumber`: the 16-bit value of the transport-wide-cc header extension. */
  add(sequenceNumber: number, arrivalUs: number): void {
    const extended = this.extend(sequenceNumber);
    if (this.nextBase >= 0 && extended < this.nextBase) return; // already reported, or too late
    if (this.arrivals.has(extended)) return;
    this.arrivals.set(extended, arrivalUs);
    if (extended > this.highest) this.highest = extended;
    if (extended < this.lowest) this.lowest = extended;
  }

  /** The feedback packet for what arrived since the last one, or undefined if nothing did. */
  take(senderSsrc: number, mediaSsrc: number): Buffer | undefined {
    if (this.arrivals.size === 0) return undefined;
    const base = this.nextBase >= 0 ? this.nextBase : this.lowest;
    const count = Math.min(this.highest - base + 1, 0xffff);
    const firstArrival = this.arrivals.get(this.lowest)!;
    const reference = Math.floor(firstArrival / REFERENCE_UNIT_US);
    const chunkBytes = Math.ceil(count / SYMBOLS_PER_CHUNK) * 2;
    // Header, chunks, and at most two bytes of delta per packet; trimmed below.
    const packet = Buffer.alloc(20 + chunkBytes + count * 2 + 3);
    let deltaAt = 20 + chunkBytes;
    let chunk = 0xc000; // status vector chunk: T=1, S=1 (two-bit symbols), seven symbols
    let previous = reference * REFERENCE_UNIT_US;
    for (let i = 0; i < count; i++) {
      const arrival = this.arrivals.get(base + i);
      let symbol = NOT_RECEIVED;
      if (arrival !== undefined) {
        const delta = Math.round((arrival - previous) / DELTA_UNIT_US);
        previous += delta * DELTA_UNIT_US;
        if (delta >= 0 && delta <= 255) {
          symbol = SMALL_DELTA;
          packet[deltaAt++] = delta;
        } else {
          symbol = LARGE_DELTA;
          packet.writeInt16BE(Math.max(-32768, Math.min(32767, delta)), deltaAt);
          deltaAt += 2;
        }
      }
      chunk |= symbol << (12 - (i % SYMBOLS_PER_CHUNK) * 2);
      if (i % SYMBOLS_PER_CHUNK === SYMBOLS_PER_CHUNK - 1 || i === count - 1) {
        packet.writeUInt16BE(chunk, 20 + Math.floor(i / SYMBOLS_PER_CHUNK) * 2);
        chunk = 0xc000;
      }
    }
    this.arrivals.clear();
    this.lowest = Number.POSITIVE_INFINITY;
    this.nextBase = base + count;

    const length = Math.ceil(deltaAt / 4) * 4;
    const padding = length - deltaAt;
    packet[0] = 0x80 | FMT_TRANSPORT_CC | (padding > 0 ? 0x20 : 0);
    packet[1] = RTCP.RTPFB;
    packet.writeUInt16BE(length / 4 - 1, 2);
    packet.writeUInt32BE(senderSsrc >>> 0, 4);
    packet.writeUInt32BE(mediaSsrc >>> 0, 8);
    packet.writeUInt16BE(base & 0xffff, 12);
    packet.writeUInt16BE(count, 14);
    packet.writeUIntBE(reference & 0xffffff, 16, 3);
    packet[19] = this.feedbackCount++ & 0xff;
    if (padding > 0) packet[length - 1] = padding;
    return packet.subarray(0, length);
  }

  private extend(sequenceNumber: number): number {
    if (this.highest < 0) return sequenceNumber + 0x10000; // room below for reordering
    const cycle = this.highest - (this.highest & 0xffff);
    let extended = cycle + sequenceNumber;
    if (extended - this.highest > 0x8000) extended -= 0x10000;
    else if (this.highest - extended > 0x8000) extended += 0x10000;
    return extended;
  }
}
