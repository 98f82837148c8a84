/**
 * The RTCP a site sends and reads (RFC 3550, 4585, 5104): receiver reports, generic NACK, PLI,
 * and sender reports for a source; and the feedback a source reacts to (NACK, PLI, FIR). Built
 * plain; the transport seals them with SRTCP.
 */

export const RTCP = { SR: 200, RR: 201, RTPFB: 205, PSFB: 206 } as const;
const FMT_NACK = 1;
const FMT_PLI = 1;
const FMT_FIR = 4;

/** One report block of an RR: what a receiver says about one stream it receives. */
export interface ReportBlock {
  ssrc: number;
  /** Of the packets expected since the last report, the lost fraction (0–1). */
  fractionLost: number;
  cumulativeLost: number;
  extendedHighestSequence: number;
  jitter: number;
  /** The middle 32 bits of the last SR's NTP time, and the delay since it arrived (1/65536 s). */
  lastSr: number;
  delaySinceLastSr: number;
}

function packetHeader(countOrFormat: number, type: number, words: number): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0x80 | countOrFormat;
  head[1] = type;
  head.writeUInt16BE(words, 2);
  return head;
}

export function receiverReport(senderSsrc: number, blocks: ReportBlock[]): Buffer {
  const packet = Buffer.alloc(8 + blocks.length * 24);
  packetHeader(blocks.length, RTCP.RR, packet.length / 4 - 1).copy(packet, 0);
  packet.writeUInt32BE(senderSsrc >>> 0, 4);
  blocks.forEach((b, i) => {
    const at = 8 + i * 24;
    packet.writeUInt32BE(b.ssrc >>> 0, at);
    packet[at + 4] = Math.min(255, Math.max(0, Math.floor(b.fractionLost * 256)));
    packet.writeIntBE(Math.max(-0x800000, Math.min(0x7fffff, b.cumulativeLost)), at + 5, 3);
    packet.writeUInt32BE(b.extendedHighestSequence >>> 0, at + 8);
    packet.writeUInt32BE(Math.max(0, Math.round(b.jitter)) >>> 0, at + 12);
    packet.writeUInt32BE(b.lastSr >>> 0, at + 16);
    packet.writeUInt32BE(b.delaySinceLastSr >>> 0, at + 20);
  });
  return packet;
}

/** Generic NACK for `sequenceNumbers` of `mediaSsrc` (packed as PID + bitmask of the next 16). */
export function nack(senderSsrc: number, mediaSsrc: number, sequenceNumbers: number[]): Buffer {
  const sorted = [...new Set(sequenceNumbers.map((s) => s & 0xffff))].sort((a, b) => a - b);
  const items: Array<[number, number]> = [];
  for (const seq of sorted) {
    const last = items.at(-1);
    const offset = last ? (seq - last[0]) & 0xffff : 0;
    if (last && offset >= 1 && offset <= 16) last[1] |= 1 << (offset - 1);
    else items.push([seq, 0]);
  }
  const packet = Buffer.alloc(12 + items.length * 4);
  packetHeader(FMT_NACK, RTCP.RTPFB, packet.length / 4 - 1).copy(packet, 0);
  packet.writeUInt32BE(senderSsrc >>> 0, 4);
  packet.writeUInt32BE(mediaSsrc >>> 0, 8);
  items.forEach(([pid, mask], i) => {
    packet.writeUInt16BE(pid, 12 + i * 4);
    packet.writeUInt16BE(mask, 14 + i * 4);
  });
  return packet;
}

export function pli(senderSsrc: number, mediaSsrc: number): Buffer {
  const packet = Buffer.alloc(12);
  packetHeader(FMT_PLI, RTCP.PSFB, 2).copy(packet, 0);
  packet.writeUInt32BE(senderSsrc >>> 0, 4);
  packet.writeUInt32BE(mediaSsrc >>> 0, 8);
  return packet;
}

/** What a peer's compound RTCP asks or tells: the parts the bots act on. */
export type RtcpMessage =
  | { type: 'sr'; ssrc: number; ntpMiddle: number }
  | { type: 'nack'; mediaSsrc: number; sequenceNumbers: number[] }
  | { type: 'keyframe'; mediaSsrc: number };

export function parseCompound(compound: Buffer): RtcpMessage[] {
  const messages: RtcpMessage[] = [];
  for (let at = 0; at + 4 <= compound.length;) {
    const format = compound[at]! & 0x1f;
    const type = compound[at + 1]!;
    const end = at + (compound.readUInt16BE(at + 2) + 1) * 4;
    if (end > compound.length) break;
    if (type === RTCP.SR && end - at >= 28) {
      messages.push({ type: 'sr', ssrc: compound.readUInt32BE(at + 4), ntpMiddle: compound.readUInt32BE(at + 10) });
    } else if (type === RTCP.RTPFB && format === FMT_NACK) {
      const mediaSsrc = compound.readUInt32BE(at + 8);
      const sequenceNumbers: number[] = [];
      for (let item = at + 12; item + 4 <= end; item += 4) {
        const pid = compound.readUInt16BE(item);
        const mask = compound.readUInt16BE(item + 2);
        sequenceNumbers.push(pid);
        for (let bit = 0; bit < 16; bit++) if (mask & (1 << bit)) sequenceNumbers.push((pid + bit + 1) & 0xffff);
      }
      messages.push({ type: 'nack', mediaSsrc, sequenceNumbers });
    } else if (type === RTCP.PSFB && format === FMT_PLI) {
      messages.push({ type: 'keyframe', mediaSsrc: compound.readUInt32BE(at + 8) });
    } else if (type === RTCP.PSFB && format === FMT_FIR) {
      for (let item = at + 12; item + 8 <= end; item += 8)
        messages.push({ type: 'keyframe', mediaSsrc: compound.readUInt32BE(item) });
    }
    at = end;
  }
  return messages;
}
