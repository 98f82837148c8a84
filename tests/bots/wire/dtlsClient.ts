import { createHash, X509Certificate } from 'node:crypto';
import {
  CipherContext,
  DtlsClient,
  HashAlgorithm,
  NamedCurveAlgorithm,
  ProtectionProfileAeadAes128Gcm,
  SignatureAlgorithm,
} from 'werift';
import { GCM_KEY_LENGTH, GCM_SALT_LENGTH, SrtpGcmKeys } from './srtpGcm.ts';

/**
 * The DTLS handshake of a WebRTC transport in the client role, with werift's DTLS (the handshake
 * only: records after it carry nothing, media go as SRTP). The server's certificate is checked
 * against the fingerprint signalled for it; the SRTP profile must be AEAD_AES_128_GCM, the one
 * browsers prefer; the keying material exported (RFC 5764 §4.2) gives both directions' SRTP keys.
 */

interface Certificate {
  certPem: string;
  keyPem: string;
  signatureHash: { hash: number; signature: number };
  fingerprint: string;
}

let certificate: Promise<Certificate> | undefined;

/** One ECDSA P-256 certificate per process, as a browser keeps one per profile. */
export function localCertificate(): Promise<Certificate> {
  certificate ??= CipherContext.createSelfSignedCertificateWithKey(
    { signature: SignatureAlgorithm.ecdsa_3, hash: HashAlgorithm.sha256_4 },
    NamedCurveAlgorithm.secp256r1_23,
  ).then(({ certPem, keyPem, signatureHash }) => ({
    certPem,
    keyPem,
    signatureHash,
    fingerprint: new X509Certificate(certPem).fingerprint256,
  }));
  return certificate;
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

/** Runs the handshake; resolves with the SRTP keys, rejects on failure or after `timeoutMs`. */
export async function dtlsHandshake(
  path: DtlsPath,
  remoteFingerprints: RemoteFingerprint[],
  timeoutMs: number,
): Promise<{ keys: SrtpKeys; close: () => void }> {
  const expected = remoteFingerprints.find((f) => f.algorithm.toLowerCase() === 'sha-256');
  if (!expected) throw new Error('the server offers no sha-256 certificate fingerprint');
  const cert = await localCertificate();
  const transport = {
    type: 'bot-udp',
    address: {},
    closed: false,
    // werift's DtlsSocket installs its own handler here.
    onData: (_data: Buffer) => {},
    send: (data: Buffer) => {
      path.send(data);
      return Promise.resolve();
    },
    close: async () => {},
  };
  path.receive = (record) => transport.onData(record);
  const client = new DtlsClient({
    cert: cert.certPem,
    key: cert.keyPem,
    signatureHash: cert.signatureHash as never,
    transport: transport as never,
    srtpProfiles: [ProtectionProfileAeadAes128Gcm],
    extendedMasterSecret: true,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      new Promise<void>((resolve, reject) => {
        client.onConnect.once(() => resolve());
        client.onError.once((error: Error) => reject(error));
        client.connect().catch(reject);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`DTLS handshake not done within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    client.close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const remoteCertificate = client.remoteCertificate;
  const actual = remoteCertificate ? createHash('sha256').update(remoteCertificate).digest('hex') : '';
  if (actual !== expected.value.replace(/:/g, '').toLowerCase()) {
    client.close();
    throw new Error('the server’s DTLS certificate does not match its signalled fingerprint');
  }
  if (client.srtp.srtpProfile !== ProtectionProfileAeadAes128Gcm) {
    client.close();
    throw new Error(`the server chose SRTP profile ${client.srtp.srtpProfile}, not AEAD_AES_128_GCM`);
  }
  const { localKey, localSalt, remoteKey, remoteSalt } = client.extractSessionKeys(GCM_KEY_LENGTH, GCM_SALT_LENGTH);
  return {
    keys: { local: new SrtpGcmKeys(localKey, localSalt), remote: new SrtpGcmKeys(remoteKey, remoteSalt) },
    close: () => client.close(),
  };
}
