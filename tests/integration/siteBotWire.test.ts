import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nack, parseCompound, pli } from '../bots/wire/rtcp.ts';
import { buildRtp, extensionValue, headerLength } from '../bots/wire/rtpHeader.ts';
import {
  peekRtpPayload,
  protectRtcp,
  protectRtp,
  SrtpGcmKeys,
  unprotectRtcp,
  unprotectRtpPayload,
} from '../bots/wire/srtpGcm.ts';
import { bindingRequest, isStun } from '../bots/wire/stun.ts';
import { TransportFeedback } from '../bots/wire/transportFeedback.ts';
import { packetizeFrame, readFrameStart } from '../bots/wire/vp8.ts';

/** The light bots' wire pieces, each against an independent reading of its RFC. */
describe('light bot wire formats', () => {
  const keys = new SrtpGcmKeys(randomBytes(16), randomBytes(12));

  it('peeks at an SRTP payload exactly as a full authenticated open reads it, across the rollover', () => {
    for (const extended of [65534, 65535, 65536, 65537]) {
      const { packet, headerLength: length } = buildRtp({
        payloadType: 96,
        marker: false,
        sequenceNumber: extended & 0xffff,
        timestamp: 1,
        ssrc: 42,
        extensions: [{ id: 3, value: Buffer.from([1, 2]) }],
        payload: randomBytes(900),
      });
      const sealed = protectRtp(keys, packet, length, Math.floor(extended / 0x10000));
      const opened = unprotectRtpPayload(keys, sealed, headerLength(sealed), Math.floor(extended / 0x10000));
      expect(opened.equals(packet.subarray(length))).toBe(true);
      expect(peekRtpPayload(keys, sealed, length, Math.floor(extended / 0x10000), 16).equals(opened.subarray(0, 16))).toBe(true);
      expect(extensionValue(sealed, 3)).toBe(0x0102);
    }
    const { packet, headerLength: length } = buildRtp({
      payloadType: 96,
      marker: false,
      sequenceNumber: 1,
      timestamp: 1,
      ssrc: 42,
      payload: randomBytes(50),
    });
    const tampered = protectRtp(keys, packet, length, 0);
    tampered[length + 3]! ^= 1;
    expect(() => unprotectRtpPayload(keys, tampered, length, 0)).toThrow();
  });

  it('seals RTCP feedback that opens again into the same NACK and PLI', () => {
    const compound = Buffer.concat([nack(7, 99, [100, 101, 103, 130]), pli(7, 99)]);
    const opened = unprotectRtcp(keys, protectRtcp(keys, compound, 5));
    expect(opened.equals(compound)).toBe(true);
    expect(parseCompound(opened)).toEqual([
      { type: 'nack', mediaSsrc: 99, sequenceNumbers: [100, 101, 103, 130] },
      { type: 'keyframe', mediaSsrc: 99 },
    ]);
  });

  it('packetizes a VP8 keyframe so a receiver reads its size from the first packet only', () => {
    const frame = Buffer.alloc(3000);
    frame[0] = 0x10; // keyframe, show_frame
    frame.set([0x9d, 0x01, 0x2a], 3);
    frame.writeUInt16LE(1248, 6);
    frame.writeUInt16LE(704, 8);
    const [first, second] = packetizeFrame(frame, 0x1234, 1200);
    expect(readFrameStart(first!)).toEqual({ keyframe: true, width: 1248, height: 704 });
    expect(readFrameStart(second!)).toBeUndefined();
    frame[0] = 0x11; // a delta frame
    expect(readFrameStart(packetizeFrame(frame, 1, 1200)[0]!)).toEqual({ keyframe: false, width: 0, height: 0 });
  });

  it('reports transport-wide arrivals with a gap as not received, deltas in 250 µs', () => {
    const feedback = new TransportFeedback();
    const t0 = 1_000_000 * 64; // on a reference-time boundary
    feedback.add(10, t0);
    feedback.add(11, t0 + 1000);
    feedback.add(13, t0 + 3000);
    const packet = feedback.take(1, 2)!;
    expect(packet.readUInt16BE(12)).toBe(10); // base sequence number
    expect(packet.readUInt16BE(14)).toBe(4); // packet status count
    // One status vector chunk: received, received, not received, received.
    expect(packet.readUInt16BE(20)).toBe(0xc000 | (1 << 12) | (1 << 10) | (0 << 8) | (1 << 6));
    expect([...packet.subarray(22, 25)]).toEqual([0, 4, 8]);
    expect(feedback.take(1, 2)).toBeUndefined();
  });

  it('writes STUN binding requests that end with a valid FINGERPRINT', async () => {
    const { packet } = bindingRequest(
      { localUsernameFragment: 'abcd', remoteUsernameFragment: 'wxyz', remotePassword: 'secret' },
      randomBytes(8),
      true,
    );
    expect(isStun(packet)).toBe(true);
    expect(packet.readUInt16BE(2)).toBe(packet.length - 20);
    const { crc32 } = await import('node:zlib');
    const fingerprint = packet.readUInt32BE(packet.length - 4);
    expect(fingerprint).toBe((crc32(packet.subarray(0, packet.length - 8)) ^ 0x5354554e) >>> 0);
  });
});
