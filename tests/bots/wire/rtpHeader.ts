import { isRtcp, rtp } from '@pm/server/sfu/rtp/rtpPacket.ts';

export { isRtcp, rtp };

/**
 * What a receiver reads from an RTP packet's header, which SRTP leaves in the clear: its stream,
 * order, time and frame boundary, and one-byte header extensions (RFC 8285) by id. Reading is
 * done in place, with no allocation, because a bot process reads ~100,000 of these a second.
 */

export function isRtpOrRtcp(packet: Buffer): boolean {
  return packet.length >= 12 && (packet[0]! & 0xc0) === 0x80;
}

/** The marker bit: the last packet of a video frame. */
export function marker(packet: Buffer): boolean {
  return (packet[1]! & 0x80) !== 0;
}

/** Bytes before the payload: fixed header, CSRCs and the extension block. */
export function headerLength(packet: Buffer): number {
  let length = 12 + (packet[0]! & 0x0f) * 4;
  if (packet[0]! & 0x10) length += 4 + packet.readUInt16BE(length + 2) * 4;
  return length;
}

/** The value of one-byte header extension `id` as a big-endian integer, or -1 if absent. */
export function extensionValue(packet: Buffer, id: number): number {
  if (!(packet[0]! & 0x10)) return -1;
  const start = 12 + (packet[0]! & 0x0f) * 4;
  if (packet.readUInt16BE(start) !== 0xbede) return -1;
  const end = start + 4 + packet.readUInt16BE(start + 2) * 4;
  for (let at = start + 4; at < end;) {
    const byte = packet[at]!;
    if (byte === 0) {
      at++; // padding
      continue;
    }
    const elementId = byte >> 4;
    const length = (byte & 0x0f) + 1;
    if (elementId === 15) return -1;
    if (elementId === id) {
      let value = 0;
      for (let i = 1; i <= length; i++) value = value * 256 + packet[at + i]!;
      return value;
    }
    at += 1 + length;
  }
  return -1;
}

/** A plain RTP packet: header fields, optional one-byte extensions, payload. */
export function buildRtp(fields: {
  payloadType: number;
  marker: boolean;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  extensions?: Array<{ id: number; value: Buffer }>;
  payload: Buffer;
}): { packet: Buffer; headerLength: number } {
  const elements = fields.extensions ?? [];
  const extensionBytes = elements.reduce((n, e) => n + 1 + e.value.length, 0);
  const extensionWords = Math.ceil(extensionBytes / 4);
  const length = 12 + (elements.length > 0 ? 4 + extensionWords * 4 : 0);
  const packet = Buffer.alloc(length + fields.payload.length);
  packet[0] = 0x80 | (elements.length > 0 ? 0x10 : 0);
  packet[1] = (fields.marker ? 0x80 : 0) | fields.payloadType;
  packet.writeUInt16BE(fields.sequenceNumber & 0xffff, 2);
  packet.writeUInt32BE(fields.timestamp >>> 0, 4);
  packet.writeUInt32BE(fields.ssrc >>> 0, 8);
  if (elements.length > 0) {
    packet.writeUInt16BE(0xbede, 12);
    packet.writeUInt16BE(extensionWords, 14);
    let at = 16;
    for (const { id, value } of elements) {
      packet[at++] = (id << 4) | (value.length - 1);
      value.copy(packet, at);
      at += value.length;
    }
  }
  fields.payload.copy(packet, length);
  return { packet, headerLength: length };
}
