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
  /** Arrival time (µs) per extended transport sequence number since the last feedback. */
  private readonly arrivals = new Map<number, number>();
  private highest = -1;
  private nextBase = -1;
  private feedbackCount = 0;

  /** `sequenceNumber`: the 16-bit value of the transport-wide-cc header extension. */
  add(sequenceNumber: number, arrivalUs: number): void {
    const extended = this.extend(sequenceNumber);
    if (this.nextBase >= 0 && extended < this.nextBase) return; // already reported, or too late
    if (!this.arrivals.has(extended)) this.arrivals.set(extended, arrivalUs);
    if (extended > this.highest) this.highest = extended;
  }

  /** The feedback packet for what arrived since the last one, or undefined if nothing did. */
  take(senderSsrc: number, mediaSsrc: number): Buffer | undefined {
    if (this.arrivals.size === 0) return undefined;
    const received = [...this.arrivals.keys()].sort((a, b) => a - b);
    const base = this.nextBase >= 0 ? this.nextBase : received[0]!;
    const count = Math.min(this.highest - base + 1, 0xffff);
    const firstArrival = this.arrivals.get(received[0]!)!;
    const reference = Math.floor(firstArrival / REFERENCE_UNIT_US);
    const symbols: number[] = [];
    const deltas: Buffer[] = [];
    let previous = reference * REFERENCE_UNIT_US;
    for (let seq = base; seq < base + count; seq++) {
      const arrival = this.arrivals.get(seq);
      if (arrival === undefined) {
        symbols.push(NOT_RECEIVED);
        continue;
      }
      const delta = Math.round((arrival - previous) / DELTA_UNIT_US);
      previous += delta * DELTA_UNIT_US;
      if (delta >= 0 && delta <= 255) {
        symbols.push(SMALL_DELTA);
        deltas.push(Buffer.from([delta]));
      } else {
        symbols.push(LARGE_DELTA);
        const large = Buffer.alloc(2);
        large.writeInt16BE(Math.max(-32768, Math.min(32767, delta)), 0);
        deltas.push(large);
      }
    }
    this.arrivals.clear();
    this.nextBase = base + count;

    const chunks = Buffer.alloc(Math.ceil(symbols.length / SYMBOLS_PER_CHUNK) * 2);
    for (let chunk = 0; chunk * SYMBOLS_PER_CHUNK < symbols.length; chunk++) {
      // Status vector chunk: T=1, S=1 (two-bit symbols), seven symbols.
      let value = 0xc000;
      for (let i = 0; i < SYMBOLS_PER_CHUNK; i++) {
        const symbol = symbols[chunk * SYMBOLS_PER_CHUNK + i] ?? NOT_RECEIVED;
        value |= symbol << (12 - i * 2);
      }
      chunks.writeUInt16BE(value, chunk * 2);
    }
    const body = Buffer.concat([chunks, ...deltas]);
    const length = 20 + body.length;
    const padded = Math.ceil(length / 4) * 4;
    const packet = Buffer.alloc(padded);
    packet[0] = 0x80 | FMT_TRANSPORT_CC | (padded > length ? 0x20 : 0);
    packet[1] = RTCP.RTPFB;
    packet.writeUInt16BE(padded / 4 - 1, 2);
    packet.writeUInt32BE(senderSsrc >>> 0, 4);
    packet.writeUInt32BE(mediaSsrc >>> 0, 8);
    packet.writeUInt16BE(base & 0xffff, 12);
    packet.writeUInt16BE(count, 14);
    packet.writeUIntBE(reference & 0xffffff, 16, 3);
    packet[19] = this.feedbackCount++ & 0xff;
    body.copy(packet, 20);
    if (padded > length) packet[padded - 1] = padded - length;
    return packet;
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
