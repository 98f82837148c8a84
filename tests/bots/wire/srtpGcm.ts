import { createCipheriv, createDecipheriv, type Cipheriv } from 'node:crypto';

/**
 * SRTP and SRTCP with AEAD_AES_128_GCM (RFC 7714), the profile browsers negotiate with mediasoup,
 * on Node's own AES: session keys derived with the AES-CM PRF of RFC 3711 §4.3 (AES-128-ECB of
 * the salted label), packets sealed and opened with `aes-128-gcm`. The RTP header stays in the
 * clear (it is the AEAD's additional data), which is what lets a bot count packets without
 * decrypting them.
 */

export const GCM_KEY_LENGTH = 16;
export const GCM_SALT_LENGTH = 12;
const TAG_LENGTH = 16;
const SRTCP_INDEX_LENGTH = 4;
const SRTCP_ENCRYPTED = 0x80000000;

const LABEL_SRTP_KEY = 0x00;
const LABEL_SRTP_SALT = 0x02;
const LABEL_SRTCP_KEY = 0x03;
const LABEL_SRTCP_SALT = 0x05;

interface SessionKeys {
  key: Buffer;
  salt: Buffer;
}

/** One direction's keys (ours to send, or the peer's to receive), derived once from the DTLS export. */
export class SrtpGcmKeys {
  readonly rtp: SessionKeys;
  readonly rtcp: SessionKeys;
  /**
   * AES-128 of the SRTP session key, one block at a time (ECB holds no state between blocks): the
   * keystream of GCM's counter blocks for `peekRtpPayload`, without a cipher object per packet.
   */
  readonly rtpBlockCipher: Cipheriv;

  constructor(masterKey: Buffer, masterSalt: Buffer) {
    this.rtp = { key: derive(masterKey, masterSalt, LABEL_SRTP_KEY), salt: derive(masterKey, masterSalt, LABEL_SRTP_SALT) };
    this.rtcp = { key: derive(masterKey, masterSalt, LABEL_SRTCP_KEY), salt: derive(masterKey, masterSalt, LABEL_SRTCP_SALT) };
    this.rtpBlockCipher = createCipheriv('aes-128-ecb', this.rtp.key, null);
    this.rtpBlockCipher.setAutoPadding(false);
  }
}

/** RFC 3711 §4.3.1 with a key derivation rate of 0: AES(master key, (salt ⊕ label·2^48) · 2^16). */
function derive(masterKey: Buffer, masterSalt: Buffer, label: number): Buffer {
  const block = Buffer.alloc(16);
  masterSalt.copy(block, 0);
  block[7]! ^= label;
  const cipher = createCipheriv('aes-128-ecb', masterKey, null);
  cipher.setAutoPadding(false);
  const out = Buffer.concat([cipher.update(block), cipher.final()]);
  return label === LABEL_SRTP_KEY || label === LABEL_SRTCP_KEY ? out : out.subarray(0, GCM_SALT_LENGTH);
}

/** RFC 7714 §8.1: 00 00 ‖ SSRC ‖ ROC ‖ SEQ, ⊕ the session salt. */
function rtpIv(salt: Buffer, ssrc: number, rollover: number, sequenceNumber: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(ssrc, 2);
  iv.writeUInt32BE(rollover >>> 0, 6);
  iv.writeUInt16BE(sequenceNumber, 10);
  for (let i = 0; i < 12; i++) iv[i]! ^= salt[i]!;
  return iv;
}

/** Seals an RTP packet (header ‖ payload, in the clear) for sending; `rollover` is the stream's ROC. */
export function protectRtp(keys: SrtpGcmKeys, packet: Buffer, headerLength: number, rollover: number): Buffer {
  const iv = rtpIv(keys.rtp.salt, packet.readUInt32BE(8), rollover, packet.readUInt16BE(2));
  const cipher = createCipheriv('aes-128-gcm', keys.rtp.key, iv);
  const header = packet.subarray(0, headerLength);
  cipher.setAAD(header);
  return Buffer.concat([header, cipher.update(packet.subarray(headerLength)), cipher.final(), cipher.getAuthTag()]);
}

/** Opens and authenticates an SRTP packet; returns the plain payload (throws if it was tampered with). */
export function unprotectRtpPayload(keys: SrtpGcmKeys, packet: Buffer, headerLength: number, rollover: number): Buffer {
  const iv = rtpIv(keys.rtp.salt, packet.readUInt32BE(8), rollover, packet.readUInt16BE(2));
  const decipher = createDecipheriv('aes-128-gcm', keys.rtp.key, iv);
  decipher.setAAD(packet.subarray(0, headerLength));
  decipher.setAuthTag(packet.subarray(packet.length - TAG_LENGTH));
  return Buffer.concat([decipher.update(packet.subarray(headerLength, packet.length - TAG_LENGTH)), decipher.final()]);
}

/**
 * The first bytes (up to 32) of an SRTP packet's payload, unauthenticated. GCM encrypts with AES
 * in counter mode from the block after J0 (IV ‖ 0x00000002, NIST SP 800-38D §7.1), so a prefix is
 * the ciphertext XOR AES(key, IV ‖ 2), AES(key, IV ‖ 3): what a bot needs to see a VP8 frame's
 * descriptor and keyframe header, at a seventh of the cost of opening the whole packet (measured:
 * 1.1 µs against 7.2 µs for 1,200 bytes, most of it creating a cipher object per packet).
 */
export function peekRtpPayload(
  keys: SrtpGcmKeys,
  packet: Buffer,
  headerLength: number,
  rollover: number,
  length: number,
): Buffer {
  const end = Math.min(packet.length - TAG_LENGTH, headerLength + Math.min(length, 32));
  const counters = Buffer.alloc(32);
  const iv = rtpIv(keys.rtp.salt, packet.readUInt32BE(8), rollover, packet.readUInt16BE(2));
  iv.copy(counters, 0);
  counters.writeUInt32BE(2, 12);
  iv.copy(counters, 16);
  counters.writeUInt32BE(3, 28);
  const keystream = keys.rtpBlockCipher.update(counters);
  const plain = Buffer.alloc(Math.max(0, end - headerLength));
  for (let i = 0; i < plain.length; i++) plain[i] = packet[headerLength + i]! ^ keystream[i]!;
  return plain;
}

/** RFC 7714 §9.1: 00 00 ‖ SSRC ‖ 00 00 ‖ 0 ‖ SRTCP index, ⊕ the session salt. */
function rtcpIv(salt: Buffer, ssrc: number, index: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(ssrc, 2);
  iv.writeUInt32BE(index & 0x7fffffff, 8);
  for (let i = 0; i < 12; i++) iv[i]! ^= salt[i]!;
  return iv;
}

/** Seals a (compound) RTCP packet; `index` counts the sender's SRTCP packets from 0. */
export function protectRtcp(keys: SrtpGcmKeys, packet: Buffer, index: number): Buffer {
  const trailer = Buffer.alloc(SRTCP_INDEX_LENGTH);
  trailer.writeUInt32BE((SRTCP_ENCRYPTED | (index & 0x7fffffff)) >>> 0, 0);
  const cipher = createCipheriv('aes-128-gcm', keys.rtcp.key, rtcpIv(keys.rtcp.salt, packet.readUInt32BE(4), index));
  cipher.setAAD(Buffer.concat([packet.subarray(0, 8), trailer]));
  return Buffer.concat([packet.subarray(0, 8), cipher.update(packet.subarray(8)), cipher.final(), cipher.getAuthTag(), trailer]);
}

/** Opens an SRTCP packet into plain (compound) RTCP; throws if it does not authenticate. */
export function unprotectRtcp(keys: SrtpGcmKeys, packet: Buffer): Buffer {
  const trailerAt = packet.length - SRTCP_INDEX_LENGTH;
  const tagAt = trailerAt - TAG_LENGTH;
  const trailer = packet.readUInt32BE(trailerAt);
  const index = trailer & 0x7fffffff;
  const decipher = createDecipheriv('aes-128-gcm', keys.rtcp.key, rtcpIv(keys.rtcp.salt, packet.readUInt32BE(4), index));
  decipher.setAuthTag(packet.subarray(tagAt, trailerAt));
  if (trailer & SRTCP_ENCRYPTED) {
    decipher.setAAD(Buffer.concat([packet.subarray(0, 8), packet.subarray(trailerAt)]));
    return Buffer.concat([packet.subarray(0, 8), decipher.update(packet.subarray(8, tagAt)), decipher.final()]);
  }
  decipher.setAAD(Buffer.concat([packet.subarray(0, tagAt), packet.subarray(trailerAt)]));
  decipher.final();
  return Buffer.from(packet.subarray(0, tagAt));
}
