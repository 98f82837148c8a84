import { createHmac, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * The STUN of ICE (RFC 8445, 5389) that a controlling full agent needs against mediasoup's ICE-lite
 * WebRtcServer: binding requests with short-term credentials (USERNAME `remote:local`,
 * MESSAGE-INTEGRITY keyed with the server's password), PRIORITY, ICE-CONTROLLING, USE-CANDIDATE
 * to nominate the one pair there is, and FINGERPRINT; and telling a success answer to one of ours.
 */

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const ATTR_USERNAME = 0x0006;
const ATTR_MESSAGE_INTEGRITY = 0x0008;
const ATTR_PRIORITY = 0x0024;
const ATTR_USE_CANDIDATE = 0x0025;
const ATTR_FINGERPRINT = 0x8028;
const ATTR_ICE_CONTROLLING = 0x802a;
const FINGERPRINT_XOR = 0x5354554e;
/** A host candidate's priority as Chrome computes it for UDP on its first interface. */
const HOST_PRIORITY = 2122260223;

export interface StunCredentials {
  localUsernameFragment: string;
  remoteUsernameFragment: string;
  remotePassword: string;
}

export function isStun(packet: Buffer): boolean {
  return packet.length >= 20 && packet[0]! < 2 && packet.readUInt32BE(4) === MAGIC_COOKIE;
}

export function randomIceString(length: number): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}

/** A binding request; `transactionId` (12 bytes) identifies its answer. */
export function bindingRequest(
  credentials: StunCredentials,
  tieBreaker: Buffer,
  nominate: boolean,
): { packet: Buffer; transactionId: Buffer } {
  const transactionId = randomBytes(12);
  const username = Buffer.from(`${credentials.remoteUsernameFragment}:${credentials.localUsernameFragment}`);
  const attributes = [
    attribute(ATTR_USERNAME, username),
    attribute(ATTR_PRIORITY, uint32(HOST_PRIORITY)),
    attribute(ATTR_ICE_CONTROLLING, tieBreaker),
    ...(nominate ? [attribute(ATTR_USE_CANDIDATE, Buffer.alloc(0))] : []),
  ];
  let message = Buffer.concat([header(BINDING_REQUEST, attributes, 24, transactionId), ...attributes]);
  // MESSAGE-INTEGRITY covers the message with a length that already counts it (RFC 5389 §15.4).
  const integrity = createHmac('sha1', credentials.remotePassword).update(message).digest();
  message = Buffer.concat([message, attribute(ATTR_MESSAGE_INTEGRITY, integrity)]);
  message.writeUInt16BE(message.length - 20 + 8, 2);
  const fingerprint = (crc32(message) ^ FINGERPRINT_XOR) >>> 0;
  return { packet: Buffer.concat([message, attribute(ATTR_FINGERPRINT, uint32(fingerprint))]), transactionId };
}

/** The transaction id of a binding success answer, or undefined for anything else. */
export function bindingSuccessTransaction(packet: Buffer): Buffer | undefined {
  if (!isStun(packet) || packet.readUInt16BE(0) !== BINDING_SUCCESS) return undefined;
  return packet.subarray(8, 20);
}

function header(type: number, attributes: Buffer[], extra: number, transactionId: Buffer): Buffer {
  const head = Buffer.alloc(20);
  head.writeUInt16BE(type, 0);
  head.writeUInt16BE(attributes.reduce((n, a) => n + a.length, 0) + extra, 2);
  head.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(head, 8);
  return head;
}

function attribute(type: number, value: Buffer): Buffer {
  const padded = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
  padded.writeUInt16BE(type, 0);
  padded.writeUInt16BE(value.length, 2);
  value.copy(padded, 4);
  return padded;
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0, 0);
  return buffer;
}
