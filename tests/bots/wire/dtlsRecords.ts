import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';

/**
 * DTLS 1.2's framing (RFC 6347 §4.1–4.2) and the pieces of TLS 1.2 it keeps (RFC 5246 §5 PRF,
 * RFC 5288 AES-GCM records), on Node's own crypto: what the bots' DTLS client writes and reads.
 */

export const DTLS_1_2 = 0xfefd;
const RECORD_HEADER_LENGTH = 13;
const HANDSHAKE_HEADER_LENGTH = 12;
const GCM_EXPLICIT_NONCE_LENGTH = 8;
const GCM_TAG_LENGTH = 16;

export const ContentType = { changeCipherSpec: 20, alert: 21, handshake: 22 } as const;

export const HandshakeType = {
  clientHello: 1,
  serverHello: 2,
  helloVerifyRequest: 3,
  certificate: 11,
  serverKeyExchange: 12,
  certificateRequest: 13,
  serverHelloDone: 14,
  certificateVerify: 15,
  clientKeyExchange: 16,
  finished: 20,
} as const;

export interface DtlsRecord {
  type: number;
  epoch: number;
  /** epoch ‖ 48-bit sequence number, as the AEAD's nonce and additional data take it. */
  sequence: Buffer;
  fragment: Buffer;
}

/** The records of one datagram (a datagram may carry several); a truncated tail is dropped. */
export function parseRecords(datagram: Buffer): DtlsRecord[] {
  const records: DtlsRecord[] = [];
  let offset = 0;
  while (offset + RECORD_HEADER_LENGTH <= datagram.length) {
    const length = datagram.readUInt16BE(offset + 11);
    const end = offset + RECORD_HEADER_LENGTH + length;
    if (end > datagram.length) break;
    records.push({
      type: datagram[offset]!,
      epoch: datagram.readUInt16BE(offset + 3),
      sequence: datagram.subarray(offset + 3, offset + 11),
      fragment: datagram.subarray(offset + RECORD_HEADER_LENGTH, end),
    });
    offset = end;
  }
  return records;
}

/** epoch ‖ 48-bit record sequence number. */
export function recordSequence(epoch: number, sequence: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeUInt16BE(epoch, 0);
  out.writeUIntBE(sequence, 2, 6);
  return out;
}

export function record(type: number, sequence: Buffer, fragment: Buffer): Buffer {
  const header = Buffer.alloc(RECORD_HEADER_LENGTH);
  header[0] = type;
  header.writeUInt16BE(DTLS_1_2, 1);
  sequence.copy(header, 3);
  header.writeUInt16BE(fragment.length, 11);
  return Buffer.concat([header, fragment]);
}

/** A whole handshake message in one fragment: the form it has on the wire and in the transcript. */
export function handshakeMessage(type: number, messageSequence: number, body: Buffer): Buffer {
  const header = Buffer.alloc(HANDSHAKE_HEADER_LENGTH);
  header[0] = type;
  header.writeUIntBE(body.length, 1, 3);
  header.writeUInt16BE(messageSequence, 4);
  header.writeUIntBE(0, 6, 3);
  header.writeUIntBE(body.length, 9, 3);
  return Buffer.concat([header, body]);
}

export interface HandshakeFragment {
  type: number;
  length: number;
  messageSequence: number;
  offset: number;
  body: Buffer;
}

/** The handshake fragments of one (plain) record. */
export function parseHandshakeFragments(fragment: Buffer): HandshakeFragment[] {
  const fragments: HandshakeFragment[] = [];
  let offset = 0;
  while (offset + HANDSHAKE_HEADER_LENGTH <= fragment.length) {
    const fragmentLength = fragment.readUIntBE(offset + 9, 3);
    const end = offset + HANDSHAKE_HEADER_LENGTH + fragmentLength;
    if (end > fragment.length) break;
    fragments.push({
      type: fragment[offset]!,
      length: fragment.readUIntBE(offset + 1, 3),
      messageSequence: fragment.readUInt16BE(offset + 4),
      offset: fragment.readUIntBE(offset + 6, 3),
      body: fragment.subarray(offset + HANDSHAKE_HEADER_LENGTH, end),
    });
    offset = end;
  }
  return fragments;
}

/** TLS 1.2's PRF with SHA-256 (RFC 5246 §5): P_SHA256(secret, label ‖ seed) cut to `length`. */
export function prf(secret: Buffer, label: string, seed: Buffer, length: number): Buffer {
  const labelledSeed = Buffer.concat([Buffer.from(label, 'latin1'), seed]);
  const out: Buffer[] = [];
  let produced = 0;
  let a = labelledSeed;
  while (produced < length) {
    a = createHmac('sha256', secret).update(a).digest();
    const block = createHmac('sha256', secret).update(a).update(labelledSeed).digest();
    out.push(block);
    produced += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

/** One direction's AES-128-GCM record keys (RFC 5288): the write key and the 4-byte implicit nonce. */
export interface RecordKeys {
  key: Buffer;
  salt: Buffer;
}

/** Seals a record's plaintext; the explicit nonce is the record's own epoch and sequence number. */
export function sealRecord(keys: RecordKeys, type: number, sequence: Buffer, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-gcm', keys.key, Buffer.concat([keys.salt, sequence]));
  cipher.setAAD(additionalData(sequence, type, plain.length));
  return record(type, sequence, Buffer.concat([sequence, cipher.update(plain), cipher.final(), cipher.getAuthTag()]));
}

/** Opens a sealed record's fragment; throws if it does not authenticate. */
export function openRecord(keys: RecordKeys, sealed: DtlsRecord): Buffer {
  const { fragment } = sealed;
  if (fragment.length < GCM_EXPLICIT_NONCE_LENGTH + GCM_TAG_LENGTH) throw new Error('sealed record too short');
  const plainLength = fragment.length - GCM_EXPLICIT_NONCE_LENGTH - GCM_TAG_LENGTH;
  const decipher = createDecipheriv(
    'aes-128-gcm',
    keys.key,
    Buffer.concat([keys.salt, fragment.subarray(0, GCM_EXPLICIT_NONCE_LENGTH)]),
  );
  decipher.setAAD(additionalData(sealed.sequence, sealed.type, plainLength));
  decipher.setAuthTag(fragment.subarray(fragment.length - GCM_TAG_LENGTH));
  return Buffer.concat([
    decipher.update(fragment.subarray(GCM_EXPLICIT_NONCE_LENGTH, fragment.length - GCM_TAG_LENGTH)),
    decipher.final(),
  ]);
}

/** seq_num ‖ type ‖ version ‖ length (RFC 5246 §6.2.3.3, with DTLS's epoch-and-sequence as seq_num). */
function additionalData(sequence: Buffer, type: number, plainLength: number): Buffer {
  const aad = Buffer.alloc(13);
  sequence.copy(aad, 0);
  aad[8] = type;
  aad.writeUInt16BE(DTLS_1_2, 9);
  aad.writeUInt16BE(plainLength, 11);
  return aad;
}

/** A reader over a handshake body's fields, which fails loudly on a short message. */
export class FieldReader {
  private offset = 0;
  constructor(private readonly body: Buffer) {}

  uint(bytes: number): number {
    this.need(bytes);
    const value = this.body.readUIntBE(this.offset, bytes);
    this.offset += bytes;
    return value;
  }

  bytes(length: number): Buffer {
    this.need(length);
    const value = this.body.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  /** A field prefixed by its length in `lengthBytes` bytes. */
  vector(lengthBytes: number): Buffer {
    return this.bytes(this.uint(lengthBytes));
  }

  get consumed(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.body.length - this.offset;
  }

  private need(length: number): void {
    if (this.offset + length > this.body.length) throw new Error('handshake message shorter than its fields');
  }
}

/** `value` prefixed by its length in `lengthBytes` bytes. */
export function vector(lengthBytes: number, ...parts: Buffer[]): Buffer {
  const value = Buffer.concat(parts);
  const length = Buffer.alloc(lengthBytes);
  length.writeUIntBE(value.length, 0, lengthBytes);
  return Buffer.concat([length, value]);
}

export function uint(bytes: number, value: number): Buffer {
  const out = Buffer.alloc(bytes);
  out.writeUIntBE(value, 0, bytes);
  return out;
}
