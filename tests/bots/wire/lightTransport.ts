import { randomBytes } from 'node:crypto';
import type { TransportOptions } from '@pm/shared';
import { dtlsHandshake, localCertificate, type DtlsPath, type RemoteFingerprint, type SrtpKeys } from './dtlsClient.ts';
import { isRtcp, isRtpOrRtcp } from './rtpHeader.ts';
import { protectRtcp, protectRtp, unprotectRtcp } from './srtpGcm.ts';
import { bindingRequest, bindingSuccessTransaction, isStun, randomIceString, type StunCredentials } from './stun.ts';
import { BatchSocket } from './udpBatch.ts';

/** A datagram's first byte tells STUN (0–3), DTLS (20–63) and RTP/RTCP (128–191) apart (RFC 7983). */
const isDtls = (packet: Buffer) => packet[0]! >= 20 && packet[0]! <= 63;

const ICE_RETRANSMIT_MS = 100;
/** As long as a browser keeps trying before it calls the connection failed. */
const ICE_TIMEOUT_MS = 30_000;
const DTLS_TIMEOUT_MS = 30_000;
/** Consent freshness (RFC 7675): a check about as often as Chrome's, lost after 30 s without an answer. */
const CONSENT_INTERVAL_MS = 5_000;
const CONSENT_EXPIRY_MS = 30_000;
/** Same as the bots' UDP receive buffers before: a keyframe fanned out to hundreds of sockets at once. */
const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

export interface TransportHandlers {
  /**
   * An SRTP packet as it arrived: header in the clear, payload sealed. `at` is the kernel's
   * receive time (epoch ms). The buffer is reused after the call: copy what is kept.
   */
  rtp(packet: Buffer, at: number): void;
  /** Plain RTCP, opened and authenticated. */
  rtcp(compound: Buffer): void;
  /** The transport stopped working (ICE or DTLS failed after having connected, or never did). */
  failed(reason: string): void;
}

/**
 * One WebRTC transport to a mediasoup WebRtcServer, on the wire as a browser's: a UDP socket of
 * its own (read in batches with the process's other bots: udpBatch.ts), ICE as the controlling
 * agent to the server's UDP candidate, DTLS as client, then SRTP and SRTCP with AEAD_AES_128_GCM.
 * Received RTP is handed over still sealed: most of it is only counted from its header; whoever
 * needs a payload opens it with `keys.remote`.
 */
export class LightTransport {
  private socket!: BatchSocket;
  private readonly credentials: StunCredentials;
  private readonly tieBreaker = randomBytes(8);
  private readonly remote: { address: string; port: number };
  private readonly pendingIce = new Map<string, () => void>();
  private dtlsReceive: ((record: Buffer) => void) | undefined;
  private consentTimer: NodeJS.Timeout | undefined;
  private srtcpIndex = 0;
  private closed = false;
  keys: SrtpKeys | undefined;

  private constructor(
    options: TransportOptions,
    private readonly handlers: TransportHandlers,
  ) {
    const ice = options.iceParameters as { usernameFragment: string; password: string };
    this.credentials = {
      localUsernameFragment: randomIceString(8),
      remoteUsernameFragment: ice.usernameFragment,
      remotePassword: ice.password,
    };
    const candidate = (options.iceCandidates as Array<{ ip?: string; address?: string; port: number; protocol: string }>).find(
      (c) => c.protocol === 'udp',
    );
    if (!candidate) throw new Error('the server offers no UDP candidate');
    this.remote = { address: candidate.address ?? candidate.ip!, port: candidate.port };
  }

  /** Opens the socket; the DTLS parameters to signal (`media:connectTransport`) are then known. */
  static open(options: TransportOptions, handlers: TransportHandlers): LightTransport {
    const transport = new LightTransport(options, handlers);
    transport.socket = BatchSocket.open(transport.remote, RECEIVE_BUFFER_BYTES, (packet, at) => transport.receive(packet, at));
    return transport;
  }

  /** Our DTLS role and certificate fingerprint, for `media:connectTransport`. */
  static async dtlsParameters(): Promise<{ role: 'client'; fingerprints: RemoteFingerprint[] }> {
    return { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: (await localCertificate()).fingerprint }] };
  }

  /** ICE, then DTLS, as soon as the server knows our fingerprint. Resolves once SRTP keys exist. */
  async connect(remoteFingerprints: RemoteFingerprint[]): Promise<void> {
    await this.checkConnectivity(true, ICE_TIMEOUT_MS);
    if (this.closed) return;
    const path: DtlsPath = { send: (record) => this.send(record), receive: () => {} };
    this.dtlsReceive = (record) => path.receive(record);
    this.keys = await dtlsHandshake(path, remoteFingerprints, DTLS_TIMEOUT_MS).catch((error: unknown) => {
      throw new Error(`DTLS: ${error instanceof Error ? error.message : String(error)}`);
    });
    let answeredAt = performance.now();
    this.consentTimer = setInterval(() => {
      if (performance.now() - answeredAt > CONSENT_EXPIRY_MS) this.fail('consent lost: no STUN answer for 30 s');
      this.checkConnectivity(false, CONSENT_INTERVAL_MS).then(
        () => (answeredAt = performance.now()),
        () => {}, // unanswered this time: the expiry above decides
      );
    }, CONSENT_INTERVAL_MS);
  }

  /** Seals and sends a plain RTP packet (once connected). */
  sendRtp(packet: Buffer, headerLength: number, rollover: number): void {
    if (!this.keys || this.closed) return;
    this.send(protectRtp(this.keys.local, packet, headerLength, rollover));
  }

  /** Seals and sends plain (compound) RTCP (once connected). */
  sendRtcp(compound: Buffer): void {
    if (!this.keys || this.closed) return;
    this.send(protectRtcp(this.keys.local, compound, this.srtcpIndex++));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.consentTimer);
    this.socket.close();
  }

  /**
   * Sends binding requests until one is answered; `nominate` makes this the pair media go over.
   * An answer to any of the check's requests counts (under load it may come after a retransmission).
   */
  private checkConnectivity(nominate: boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const transactions: string[] = [];
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        clearTimeout(timer);
        for (const key of transactions) this.pendingIce.delete(key);
      };
      const attempt = () => {
        if (this.closed) {
          finish();
          return resolve();
        }
        if (performance.now() - started > timeoutMs) {
          finish();
          return reject(new Error(`no STUN answer within ${timeoutMs} ms`));
        }
        const { packet, transactionId } = bindingRequest(this.credentials, this.tieBreaker, nominate);
        const key = transactionId.toString('hex');
        transactions.push(key);
        this.pendingIce.set(key, () => {
          finish();
          resolve();
        });
        this.send(packet);
        timer = setTimeout(attempt, ICE_RETRANSMIT_MS * (nominate ? 1 : 5));
      };
      attempt();
    });
  }

  private receive(packet: Buffer, at: number): void {
    if (this.closed || packet.length === 0) return;
    if (isRtpOrRtcp(packet)) {
      if (!this.keys) return;
      if (!isRtcp(packet)) {
        this.handlers.rtp(packet, at);
        return;
      }
      let plain: Buffer;
      try {
        plain = unprotectRtcp(this.keys.remote, packet);
      } catch {
        return; // does not authenticate: dropped, as libsrtp would
      }
      this.handlers.rtcp(plain);
    } else if (isStun(packet)) {
      const transaction = bindingSuccessTransaction(packet);
      if (!transaction) return;
      const key = transaction.toString('hex');
      const done = this.pendingIce.get(key);
      this.pendingIce.delete(key);
      done?.();
    } else if (isDtls(packet)) {
      this.dtlsReceive?.(Buffer.from(packet)); // the handshake keeps fragments: a copy of its own
    }
  }

  private send(packet: Buffer): void {
    if (this.closed) return;
    this.socket.send(packet);
  }

  private fail(reason: string): void {
    if (this.closed) return;
    this.handlers.failed(reason);
  }
}
