import { createECDH, createHash, KeyObject, sign, timingSafeEqual, verify, webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import {
  ContentType,
  DTLS_1_2,
  FieldReader,
  handshakeMessage,
  HandshakeType,
  openRecord,
  parseHandshakeFragments,
  parseRecords,
  prf,
  record,
  recordSequence,
  sealRecord,
  uint,
  vector,
  type DtlsRecord,
  type HandshakeFragment,
  type RecordKeys,
} from './dtlsRecords.ts';
import { GCM_KEY_LENGTH, GCM_SALT_LENGTH, SrtpGcmKeys } from './srtpGcm.ts';

/**
 * The DTLS 1.2 handshake of a WebRTC transport in the client role, as a browser runs it with
 * mediasoup (the handshake only: media then go as SRTP), on Node's native crypto. The one suite
 * is the browsers' first choice, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 on P-256, with the
 * extended master secret; the SRTP profile must be AEAD_AES_128_GCM; the server's certificate is
 * checked against the fingerprint signalled for it; the keying material exported (RFC 5764 §4.2)
 * gives both directions' SRTP keys.
 *
 * Why not a library's DTLS: werift's does its ECDH in JavaScript (8 ms per key agreement here),
 * so a storm of 43 bots joining at once spent a second in handshakes that take a browser a few
 * milliseconds, and the bench's "first picture" measured the bots.
 */

const TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = 0xc02b;
const SRTP_AEAD_AES_128_GCM = 0x0007;
const SECP256R1 = 23;
const NAMED_CURVE = 3;
const UNCOMPRESSED_POINTS = 0;
const ECDSA_SECP256R1_SHA256 = 0x0403;
const Extension = {
  supportedGroups: 10,
  ecPointFormats: 11,
  signatureAlgorithms: 13,
  useSrtp: 14,
  extendedMasterSecret: 23,
  renegotiationInfo: 0xff01,
} as const;
/** RFC 6347 §4.2.4 suggests 1 s; browsers start lower on the LAN paths WebRTC mostly runs on. */
const INITIAL_RETRANSMIT_MS = 400;
const MAX_RETRANSMIT_MS = 4_000;

interface Certificate {
  der: Buffer;
  privateKey: KeyObject;
  fingerprint: string;
}

let certificate: Promise<Certificate> | undefined;

/** One ECDSA P-256 certificate per process, as a browser keeps one per profile. */
export function localCertificate(): Promise<Certificate> {
  certificate ??= createCertificate();
  return certificate;
}

async function createCertificate(): Promise<Certificate> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(Date.now() - 24 * 3600_000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=province-meet site bot',
    notBefore,
    notAfter: new Date(notBefore.getTime() + 30 * 24 * 3600_000),
    keys,
    signingAlgorithm: algorithm,
  });
  const der = Buffer.from(cert.rawData);
  return { der, privateKey: KeyObject.from(keys.privateKey), fingerprint: new X509Certificate(der).fingerprint256 };
}

/** The datagram path the handshake runs over: the transport demultiplexes DTLS records to it. */
export interface DtlsPath {
  send(record: Buffer): void;
  /** Set by the handshake: where the transport hands the DTLS records it receives. */
  receive: (record: Buffer) => void;
}

export interface SrtpKeys {
  /** Ours, to seal what we send. */
  local: SrtpGcmKeys;
  /** The server's, to open what it sends. */
  remote: SrtpGcmKeys;
}

export interface RemoteFingerprint {
  algorithm: string;
  value: string;
}

/**
 * Runs the handshake; resolves with the SRTP keys, rejects on failure or after `timeoutMs`. Either
 * way the handshake has stopped by then: nothing of it needs closing afterwards.
 */
export async function dtlsHandshake(
  path: DtlsPath,
  remoteFingerprints: RemoteFingerprint[],
  timeoutMs: number,
): Promise<SrtpKeys> {
  const expected = remoteFingerprints.find((f) => f.algorithm.toLowerCase() === 'sha-256');
  if (!expected) throw new Error('the server offers no sha-256 certificate fingerprint');
  const handshake = new ClientHandshake(path, await localCertificate(), Buffer.from(expected.value.replace(/:/g, ''), 'hex'));
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      handshake.run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`DTLS handshake not done within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    handshake.stop();
  }
}

/** A handshake message being put together from its fragments. */
interface Reassembly {
  type: number;
  body: Buffer;
  filled: Uint8Array;
  missing: number;
}

/** A record of the flight we last sent, kept to send again if the server's answer does not come. */
interface FlightRecord {
  type: number;
  epoch: 0 | 1;
  plain: Buffer;
}

/**
 * The client's side of one handshake (RFC 6347 §4.2): flights with retransmission, handshake
 * messages reassembled from fragments and taken in order, and the transcript they are hashed in.
 */
class ClientHandshake {
  private readonly clientRandom = webcrypto.getRandomValues(Buffer.alloc(32));
  private serverRandom = Buffer.alloc(0);
  private cookie = Buffer.alloc(0);
  private sendMessageSequence = 0;
  private receiveMessageSequence = 0;
  private readonly recordSequences = [0, 0];
  /** The handshake messages both sides hash: each whole, with its header as if unfragmented. */
  private transcript: Buffer[] = [];
  private readonly reassembling = new Map<number, Reassembly>();
  private flight: FlightRecord[] = [];
  private retransmitMs = INITIAL_RETRANSMIT_MS;
  private retransmitTimer: NodeJS.Timeout | undefined;
  private lastSentAt = 0;
  private extendedMasterSecret = false;
  private serverPublicKey: KeyObject | undefined;
  private serverPoint: Buffer | undefined;
  private certificateRequested = false;
  private masterSecret: Buffer | undefined;
  private clientWrite: RecordKeys | undefined;
  private serverWrite: RecordKeys | undefined;
  private stopped = false;
  private settle: { resolve: (keys: SrtpKeys) => void; reject: (error: Error) => void } | undefined;

  constructor(
    private readonly path: DtlsPath,
    private readonly certificate: Certificate,
    private readonly expectedFingerprint: Buffer,
  ) {}

  run(): Promise<SrtpKeys> {
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      this.path.receive = (datagram) => {
        try {
          this.receive(datagram);
        } catch (error) {
          this.fail(error instanceof Error ? error.message : String(error));
        }
      };
      this.sendClientHello();
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retransmitTimer);
    this.path.receive = () => {};
  }

  private sendClientHello(): void {
    const extensions = Buffer.concat([
      extension(Extension.supportedGroups, vector(2, uint(2, SECP256R1))),
      extension(Extension.ecPointFormats, vector(1, uint(1, UNCOMPRESSED_POINTS))),
      extension(Extension.signatureAlgorithms, vector(2, uint(2, ECDSA_SECP256R1_SHA256))),
      extension(Extension.useSrtp, Buffer.concat([vector(2, uint(2, SRTP_AEAD_AES_128_GCM)), vector(1)])),
      extension(Extension.extendedMasterSecret, Buffer.alloc(0)),
      extension(Extension.renegotiationInfo, vector(1)),
    ]);
    const body = Buffer.concat([
      uint(2, DTLS_1_2),
      this.clientRandom,
      vector(1), // no session to resume
      vector(1, this.cookie),
      vector(2, uint(2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)),
      vector(1, uint(1, 0)), // no compression
      vector(2, extensions),
    ]);
    const message = this.nextMessage(HandshakeType.clientHello, body);
    this.transcript = [message];
    this.sendFlight([{ type: ContentType.handshake, epoch: 0, plain: message }]);
  }

  private nextMessage(type: number, body: Buffer): Buffer {
    return handshakeMessage(type, this.sendMessageSequence++, body);
  }

  private sendFlight(flight: FlightRecord[]): void {
    this.flight = flight;
    this.retransmitMs = INITIAL_RETRANSMIT_MS;
    this.transmit();
  }

  /** Sends the flight, every record with a new sequence number (the server drops replays), and arms the timer. */
  private transmit(): void {
    if (this.stopped) return;
    const records = this.flight.map((item) => {
      const sequence = recordSequence(item.epoch, this.recordSequences[item.epoch]!++);
      return item.epoch === 0 ? record(item.type, sequence, item.plain) : sealRecord(this.clientWrite!, item.type, sequence, item.plain);
    });
    this.path.send(Buffer.concat(records));
    this.lastSentAt = performance.now();
    clearTimeout(this.retransmitTimer);
    this.retransmitTimer = setTimeout(() => {
      this.retransmitMs = Math.min(this.retransmitMs * 2, MAX_RETRANSMIT_MS);
      this.transmit();
    }, this.retransmitMs);
  }

  private receive(datagram: Buffer): void {
    for (const received of parseRecords(datagram)) {
      if (this.stopped) return;
      if (received.type === ContentType.handshake && received.epoch === 0) {
        for (const fragment of parseHandshakeFragments(received.fragment)) this.receiveFragment(fragment);
      } else if (received.type === ContentType.handshake && received.epoch === 1) {
        this.receiveFinished(received);
      } else if (received.type === ContentType.alert) {
        this.receiveAlert(received);
      }
      // The server's ChangeCipherSpec needs no action: its Finished, sealed in epoch 1, follows it.
    }
  }

  private receiveFragment(fragment: HandshakeFragment): void {
    if (fragment.messageSequence < this.receiveMessageSequence) {
      // The server sent its last flight again: ours did not reach it. Answer at once, not at our timer.
      if (performance.now() - this.lastSentAt > 50) this.transmit();
      return;
    }
    let message = this.reassembling.get(fragment.messageSequence);
    if (!message) {
      message = { type: fragment.type, body: Buffer.alloc(fragment.length), filled: new Uint8Array(fragment.length), missing: fragment.length };
      this.reassembling.set(fragment.messageSequence, message);
    }
    if (fragment.offset + fragment.body.length > message.body.length) throw new Error('handshake fragment beyond its message');
    fragment.body.copy(message.body, fragment.offset);
    for (let i = fragment.offset; i < fragment.offset + fragment.body.length; i++) {
      if (!message.filled[i]) {
        message.filled[i] = 1;
        message.missing--;
      }
    }
    for (let next = this.reassembling.get(this.receiveMessageSequence); next && next.missing === 0; next = this.reassembling.get(this.receiveMessageSequence)) {
      this.reassembling.delete(this.receiveMessageSequence);
      this.receiveMessage(next.type, this.receiveMessageSequence++, next.body);
    }
  }

  private receiveMessage(type: number, messageSequence: number, body: Buffer): void {
    if (type === HandshakeType.helloVerifyRequest) {
      // RFC 6347 §4.2.1: neither the first ClientHello nor this request is part of the transcript.
      const reader = new FieldReader(body);
      reader.uint(2);
      this.cookie = Buffer.from(reader.vector(1));
      this.sendClientHello();
      return;
    }
    this.transcript.push(handshakeMessage(type, messageSequence, body));
    const reader = new FieldReader(body);
    switch (type) {
      case HandshakeType.serverHello:
        return this.receiveServerHello(reader);
      case HandshakeType.certificate:
        return this.receiveCertificate(reader);
      case HandshakeType.serverKeyExchange:
        return this.receiveServerKeyExchange(reader, body);
      case HandshakeType.certificateRequest:
        this.certificateRequested = true;
        return;
      case HandshakeType.serverHelloDone:
        return this.sendKeyExchange();
      default:
        throw new Error(`unexpected handshake message ${type}`);
    }
  }

  private receiveServerHello(reader: FieldReader): void {
    if (reader.uint(2) !== DTLS_1_2) throw new Error('the server does not speak DTLS 1.2');
    this.serverRandom = Buffer.from(reader.bytes(32));
    reader.vector(1); // session id
    const suite = reader.uint(2);
    if (suite !== TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256) throw new Error(`the server chose cipher suite 0x${suite.toString(16)}`);
    reader.uint(1); // compression
    let srtpProfile: number | undefined;
    const extensions = new FieldReader(reader.remaining > 0 ? reader.vector(2) : Buffer.alloc(0));
    while (extensions.remaining > 0) {
      const type = extensions.uint(2);
      const data = new FieldReader(extensions.vector(2));
      if (type === Extension.extendedMasterSecret) this.extendedMasterSecret = true;
      if (type === Extension.useSrtp) srtpProfile = new FieldReader(data.vector(2)).uint(2);
    }
    if (srtpProfile !== SRTP_AEAD_AES_128_GCM) {
      throw new Error(`the server chose SRTP profile ${srtpProfile ?? 'none'}, not AEAD_AES_128_GCM`);
    }
  }

  private receiveCertificate(reader: FieldReader): void {
    const first = new FieldReader(reader.vector(3)).vector(3);
    const fingerprint = createHash('sha256').update(first).digest();
    if (fingerprint.length !== this.expectedFingerprint.length || !timingSafeEqual(fingerprint, this.expectedFingerprint)) {
      throw new Error('the server’s DTLS certificate does not match its signalled fingerprint');
    }
    this.serverPublicKey = new X509Certificate(first).publicKey;
  }

  private receiveServerKeyExchange(reader: FieldReader, body: Buffer): void {
    if (reader.uint(1) !== NAMED_CURVE || reader.uint(2) !== SECP256R1) throw new Error('the server chose a curve other than P-256');
    this.serverPoint = Buffer.from(reader.vector(1));
    const params = body.subarray(0, reader.consumed);
    if (reader.uint(2) !== ECDSA_SECP256R1_SHA256) throw new Error('the server signed its key with another algorithm');
    const signature = reader.vector(2);
    const signed = Buffer.concat([this.clientRandom, this.serverRandom, params]);
    if (!this.serverPublicKey || !verify('sha256', signed, this.serverPublicKey, signature)) {
      throw new Error('the server’s key exchange is not signed by its certificate');
    }
  }

  /** Flight 5: our certificate, key share and its proof, then Finished under the new keys. */
  private sendKeyExchange(): void {
    if (!this.serverPoint) throw new Error('the server sent no key exchange');
    const flight: FlightRecord[] = [];
    const handshake = (type: number, body: Buffer) => {
      const message = this.nextMessage(type, body);
      this.transcript.push(message);
      flight.push({ type: ContentType.handshake, epoch: 0, plain: message });
    };
    if (this.certificateRequested) handshake(HandshakeType.certificate, vector(3, vector(3, this.certificate.der)));
    const ecdh = createECDH('prime256v1');
    handshake(HandshakeType.clientKeyExchange, vector(1, ecdh.generateKeys()));
    const preMasterSecret = ecdh.computeSecret(this.serverPoint);
    const randoms = Buffer.concat([this.clientRandom, this.serverRandom]);
    this.masterSecret = this.extendedMasterSecret
      ? prf(preMasterSecret, 'extended master secret', this.transcriptHash(), 48)
      : prf(preMasterSecret, 'master secret', randoms, 48);
    if (this.certificateRequested) {
      const proof = sign('sha256', Buffer.concat(this.transcript), this.certificate.privateKey);
      handshake(HandshakeType.certificateVerify, Buffer.concat([uint(2, ECDSA_SECP256R1_SHA256), vector(2, proof)]));
    }
    // RFC 5246 §6.3 with an AEAD suite: no MAC keys, and a 4-byte implicit nonce per direction.
    const [clientKey, serverKey, clientSalt, serverSalt] = slices(
      prf(this.masterSecret, 'key expansion', Buffer.concat([this.serverRandom, this.clientRandom]), 40),
      [16, 16, 4, 4],
    );
    this.clientWrite = { key: clientKey!, salt: clientSalt! };
    this.serverWrite = { key: serverKey!, salt: serverSalt! };
    flight.push({ type: ContentType.changeCipherSpec, epoch: 0, plain: Buffer.from([1]) });
    const finished = this.nextMessage(HandshakeType.finished, prf(this.masterSecret, 'client finished', this.transcriptHash(), 12));
    this.transcript.push(finished);
    flight.push({ type: ContentType.handshake, epoch: 1, plain: finished });
    this.sendFlight(flight);
  }

  private receiveFinished(sealed: DtlsRecord): void {
    if (!this.serverWrite || !this.masterSecret) return; // before our keys exist: nothing it could be
    let plain: Buffer;
    try {
      plain = openRecord(this.serverWrite, sealed);
    } catch {
      return; // does not authenticate: dropped, as OpenSSL would
    }
    const [message] = parseHandshakeFragments(plain);
    if (message?.type !== HandshakeType.finished) return;
    const expected = prf(this.masterSecret, 'server finished', this.transcriptHash(), 12);
    if (!timingSafeEqual(message.body, expected)) throw new Error('the server’s Finished does not verify');
    // RFC 5764 §4.2: client key, server key, client salt, server salt.
    const [clientKey, serverKey, clientSalt, serverSalt] = slices(
      prf(this.masterSecret, 'EXTRACTOR-dtls_srtp', Buffer.concat([this.clientRandom, this.serverRandom]), 2 * (GCM_KEY_LENGTH + GCM_SALT_LENGTH)),
      [GCM_KEY_LENGTH, GCM_KEY_LENGTH, GCM_SALT_LENGTH, GCM_SALT_LENGTH],
    );
    const keys = { local: new SrtpGcmKeys(clientKey!, clientSalt!), remote: new SrtpGcmKeys(serverKey!, serverSalt!) };
    this.stop();
    this.settle?.resolve(keys);
  }

  private receiveAlert(received: DtlsRecord): void {
    let plain = received.fragment;
    if (received.epoch === 1) {
      if (!this.serverWrite) return;
      try {
        plain = openRecord(this.serverWrite, received);
      } catch {
        return;
      }
    }
    if (plain.length >= 2) this.fail(`the server sent alert ${plain[1]} (${plain[0] === 2 ? 'fatal' : 'warning'})`);
  }

  private transcriptHash(): Buffer {
    const hash = createHash('sha256');
    for (const message of this.transcript) hash.update(message);
    return hash.digest();
  }

  private fail(reason: string): void {
    if (this.stopped) return;
    this.stop();
    this.settle?.reject(new Error(reason));
  }
}

/** `buffer` cut into consecutive pieces of the given lengths. */
function slices(buffer: Buffer, lengths: number[]): Buffer[] {
  let at = 0;
  return lengths.map((length) => buffer.subarray(at, (at += length)));
}

function extension(type: number, data: Buffer): Buffer {
  return Buffer.concat([uint(2, type), vector(2, data)]);
}
