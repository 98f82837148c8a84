/**
 * VP8 over RTP (RFC 7741): the payload descriptor a sender writes and a receiver reads, and the
 * start of a keyframe (RFC 6386 §9.1), whose header carries the picture's size.
 */

/** Bytes of payload a receiver needs to see a frame start: the longest descriptor plus 10. */
export const VP8_PEEK_BYTES = 16;

export interface FrameStart {
  keyframe: boolean;
  /** A keyframe's size; 0 for other frames. */
  width: number;
  height: number;
}

/** Reads a packet's payload prefix: a frame start (S=1, partition 0), or undefined for any other packet. */
export function readFrameStart(payload: Buffer): FrameStart | undefined {
  if (payload.length < 1) return undefined;
  const first = payload[0]!;
  if (!(first & 0x10) || (first & 0x07) !== 0) return undefined;
  let at = 1;
  if (first & 0x80) {
    const extension = payload[at++] ?? 0;
    if (extension & 0x80) at += payload[at]! & 0x80 ? 2 : 1; // picture id, 15 or 7 bits
    if (extension & 0x40) at++; // TL0PICIDX
    if (extension & 0x30) at++; // TID / KEYIDX
  }
  if (payload.length < at + 3) return undefined;
  const keyframe = (payload[at]! & 0x01) === 0;
  if (!keyframe) return { keyframe: false, width: 0, height: 0 };
  if (payload.length < at + 10 || payload[at + 3] !== 0x9d || payload[at + 4] !== 0x01 || payload[at + 5] !== 0x2a) {
    return undefined;
  }
  return { keyframe: true, width: payload.readUInt16LE(at + 6) & 0x3fff, height: payload.readUInt16LE(at + 8) & 0x3fff };
}

/** Whether an encoded VP8 frame (as in an IVF file) is a keyframe. */
export function isKeyframe(frame: Buffer): boolean {
  return (frame[0]! & 0x01) === 0;
}

/**
 * Splits one encoded frame into RTP payloads of at most `maxPayload` bytes, each with a descriptor
 * as Chrome writes it for simulcast: X=1, I=1 with a 15-bit picture id; S=1 on the first.
 */
export function packetizeFrame(frame: Buffer, pictureId: number, maxPayload: number): Buffer[] {
  const descriptorLength = 4;
  const room = maxPayload - descriptorLength;
  const payloads: Buffer[] = [];
  for (let at = 0; at < frame.length; at += room) {
    const chunk = frame.subarray(at, Math.min(frame.length, at + room));
    const payload = Buffer.alloc(descriptorLength + chunk.length);
    payload[0] = 0x80 | (at === 0 ? 0x10 : 0);
    payload[1] = 0x80;
    payload.writeUInt16BE(0x8000 | (pictureId & 0x7fff), 2);
    chunk.copy(payload, descriptorLength);
    payloads.push(payload);
  }
  return payloads;
}
