/** The RTCP feedback a relay between mediasoup transports reads and writes (RFC 4585, RFC 5104). */

const RTPFB = 205;
const PSFB = 206;
const FMT_NACK = 1;
const FMT_PLI = 1;
const FMT_FIR = 4;

export type Feedback =
  | { kind: 'keyframe'; mediaSsrc: number }
  /** Sequence numbers the receiver lost. */
  | { kind: 'nack'; mediaSsrc: number; lost: number[] };

/** The feedback in a (compound) RTCP packet: keyframe requests (PLI, FIR) and NACKs. */
export function readFeedback(packet: Buffer): Feedback[] {
  const found: Feedback[] = [];
  let offset = 0;
  while (offset + 12 <= packet.length) {
    const fmt = packet[offset]! & 0x1f;
    const type = packet[offset + 1]!;
    const length = (packet.readUInt16BE(offset + 2) + 1) * 4;
    if (offset + length > packet.length) break;
    if (type === PSFB && fmt === FMT_PLI) {
      found.push({ kind: 'keyframe', mediaSsrc: packet.readUInt32BE(offset + 8) });
    } else if (type === PSFB && fmt === FMT_FIR && length >= 20) {
      // FIR names the media in its FCI entries, not in the header.
      for (let fci = offset + 12; fci + 8 <= offset + length; fci += 8) found.push({ kind: 'keyframe', mediaSsrc: packet.readUInt32BE(fci) });
    } else if (type === RTPFB && fmt === FMT_NACK) {
      const lost: number[] = [];
      for (let fci = offset + 12; fci + 4 <= offset + length; fci += 4) {
        const pid = packet.readUInt16BE(fci);
        const blp = packet.readUInt16BE(fci + 2);
        lost.push(pid);
        for (let bit = 0; bit < 16; bit++) if (blp & (1 << bit)) lost.push((pid + bit + 1) & 0xffff);
      }
      found.push({ kind: 'nack', mediaSsrc: packet.readUInt32BE(offset + 8), lost });
    }
    offset += length;
  }
  return found;
}

/** A picture loss indication: "send a keyframe of `mediaSsrc`". */
export function pictureLossIndication(senderSsrc: number, mediaSsrc: number): Buffer {
  const packet = Buffer.alloc(12);
  packet[0] = 0x80 | FMT_PLI;
  packet[1] = PSFB;
  packet.writeUInt16BE(2, 2);
  packet.writeUInt32BE(senderSsrc >>> 0, 4);
  packet.writeUInt32BE(mediaSsrc >>> 0, 8);
  return packet;
}

