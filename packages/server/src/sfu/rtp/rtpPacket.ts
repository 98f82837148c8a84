/** The parts of an RTP packet (RFC 3550) the recorder reads and rewrites, in place. */

export const RTP_HEADER = 12;

/** RTCP shares the socket when RTP and RTCP are multiplexed: its packet types are 200–207. */
export function isRtcp(packet: Buffer): boolean {
  return packet.length >= 2 && packet[1]! >= 200 && packet[1]! <= 207;
}

export function isRtp(packet: Buffer): boolean {
  return packet.length >= RTP_HEADER && packet[0]! >> 6 === 2 && !isRtcp(packet);
}

export const rtp = {
  seq: (p: Buffer) => p.readUInt16BE(2),
  timestamp: (p: Buffer) => p.readUInt32BE(4),
  ssrc: (p: Buffer) => p.readUInt32BE(8),
  setSeq: (p: Buffer, value: number) => p.writeUInt16BE(value & 0xffff, 2),
  setTimestamp: (p: Buffer, value: number) => p.writeUInt32BE(value >>> 0, 4),
  setSsrc: (p: Buffer, value: number) => p.writeUInt32BE(value >>> 0, 8),
  setPayloadType: (p: Buffer, pt: number) => (p[1] = (p[1]! & 0x80) | (pt & 0x7f)),
};

/** The payload: after the CSRCs and the header extension, before any padding. */
export function rtpPayload(p: Buffer): Buffer {
  let offset = RTP_HEADER + (p[0]! & 0x0f) * 4;
  if (p[0]! & 0x10) {
    if (p.length < offset + 4) return Buffer.alloc(0);
    offset += 4 + p.readUInt16BE(offset + 2) * 4;
  }
  const padding = p[0]! & 0x20 ? p[p.length - 1]! : 0;
  return offset > p.length - padding ? Buffer.alloc(0) : p.subarray(offset, p.length - padding);
}

/** A minimal RTP packet around a payload. */
export function buildRtp(payloadType: number, seq: number, timestamp: number, ssrc: number, payload: Buffer): Buffer {
  const packet = Buffer.alloc(RTP_HEADER + payload.length);
  packet[0] = 0x80;
  packet[1] = payloadType & 0x7f;
  rtp.setSeq(packet, seq);
  rtp.setTimestamp(packet, timestamp);
  rtp.setSsrc(packet, ssrc);
  payload.copy(packet, RTP_HEADER);
  return packet;
}

const NTP_EPOCH_OFFSET_S = 2_208_988_800;

/**
 * An RTCP sender report: "this RTP timestamp is this wall-clock instant". The recorder reads the
 * reports of its inputs to line the audio up with the video.
 */
export function senderReport(ssrc: number, nowMs: number, timestamp: number, packets: number, octets: number): Buffer {
  const report = Buffer.alloc(28);
  report[0] = 0x80;
  report[1] = 200;
  report.writeUInt16BE(6, 2);
  report.writeUInt32BE(ssrc >>> 0, 4);
  report.writeUInt32BE(Math.floor(nowMs / 1000) + NTP_EPOCH_OFFSET_S, 8);
  report.writeUInt32BE(Math.floor(((nowMs % 1000) / 1000) * 2 ** 32) >>> 0, 12);
  report.writeUInt32BE(timestamp >>> 0, 16);
  report.writeUInt32BE(packets >>> 0, 20);
  report.writeUInt32BE(octets >>> 0, 24);
  return report;
}
