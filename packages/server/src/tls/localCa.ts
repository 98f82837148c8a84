import { createPrivateKey, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import type { Logger } from '../logger.js';

/**
 * A small certificate authority of the platform's own, for a trial across a network without a
 * certificate: browsers give the camera only to https pages, so each kiosk trusts this CA once and
 * the platform serves a certificate it issued for its names and addresses. Everything lives in
 * PM_DATA_DIR/tls and is reused on restart, so the kiosks' trust survives it; a server certificate
 * missing a name, near its end or not issued by this CA is replaced by a new one from the same CA.
 */
export interface LocalCertificate {
  caPem: string;
  /** SHA-256 fingerprint of the CA certificate, for a technician to compare before trusting it. */
  caFingerprint: string;
  certPem: string;
  keyPem: string;
  /** The names and addresses the server certificate covers. */
  names: string[];
}

// ECDSA P-256 with SHA-256: accepted by every browser and Windows version a kiosk runs.
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGNING_ALGORITHM = { ...KEY_ALGORITHM, hash: 'SHA-256' };
const CA_VALIDITY_YEARS = 10;
// Within the 398 days browsers accept from any CA.
const SERVER_VALIDITY_DAYS = 397;
const RENEW_WITHIN_DAYS = 30;
const DAY_MS = 86_400_000;

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const files = (dir: string) => ({
  caCert: path.join(dir, 'ca.crt'),
  caKey: path.join(dir, 'ca.key'),
  cert: path.join(dir, 'server.crt'),
  key: path.join(dir, 'server.key'),
});

export async function openLocalCa(dir: string, names: string[], log: Logger): Promise<LocalCertificate> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const paths = files(dir);
  let ca = fs.existsSync(paths.caCert) && fs.existsSync(paths.caKey) ? readPair(paths.caCert, paths.caKey) : undefined;
  if (ca && !belongTogether(ca)) {
    log.warn({ dir }, 'the local CA certificate and key do not belong together: a new CA is created, kiosks must trust it again');
    ca = undefined;
  }
  ca ??= await createCa(paths, log);
  const caCert = new X509Certificate(ca.certPem);
  let server = fs.existsSync(paths.cert) && fs.existsSync(paths.key) ? readPair(paths.cert, paths.key) : undefined;
  if (!server || !stillServes(server, caCert, names)) server = await issueServerCertificate(ca, names, paths, log);
  return { caPem: ca.certPem, caFingerprint: caCert.fingerprint256, certPem: server.certPem, keyPem: server.keyPem, names };
}

interface Pair {
  certPem: string;
  keyPem: string;
}

function readPair(certFile: string, keyFile: string): Pair {
  return { certPem: fs.readFileSync(certFile, 'utf8'), keyPem: fs.readFileSync(keyFile, 'utf8') };
}

function belongTogether(pair: Pair): boolean {
  try {
    return new X509Certificate(pair.certPem).checkPrivateKey(createPrivateKey(pair.keyPem));
  } catch {
    return false;
  }
}

/** Its own key, issued by this CA, valid for another month at least, and covering every name asked for. */
function stillServes(server: Pair, caCert: X509Certificate, names: string[]): boolean {
  try {
    const cert = new X509Certificate(server.certPem);
    if (!belongTogether(server)) return false;
    if (!cert.checkIssued(caCert) || !cert.verify(caCert.publicKey)) return false;
    if (Date.parse(cert.validTo) - Date.now() < RENEW_WITHIN_DAYS * DAY_MS) return false;
    return names.every((name) => (net.isIP(name) ? cert.checkIP(name) : cert.checkHost(name)) !== undefined);
  } catch {
    return false;
  }
}

async function createCa(paths: ReturnType<typeof files>, log: Logger): Promise<Pair> {
  const keys = await generateKeys();
  const notBefore = new Date(Date.now() - DAY_MS);
  const notAfter = new Date(notBefore);
  notAfter.setFullYear(notAfter.getFullYear() + CA_VALIDITY_YEARS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=province-meet local CA (${os.hostname()}), O=province-meet`,
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      // It signs server certificates only, never another CA.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pair = { certPem: withNewline(cert.toString('pem')), keyPem: await privateKeyPem(keys.privateKey) };
  writePair(pair, paths.caCert, paths.caKey);
  log.info({ file: paths.caCert }, 'local certificate authority created');
  return pair;
}

async function issueServerCertificate(ca: Pair, names: string[], paths: ReturnType<typeof files>, log: Logger): Promise<Pair> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await webcrypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(ca.keyPem), KEY_ALGORITHM, false, [
    'sign',
  ]);
  const keys = await generateKeys();
  const notBefore = new Date(Date.now() - DAY_MS);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${names.find((name) => !net.isIP(name) && name !== 'localhost') ?? names[0]}, O=province-meet`,
    issuer: caCert.subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + SERVER_VALIDITY_DAYS * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: caKey as CryptoKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((name) => ({ type: net.isIP(name) ? ('ip' as const) : ('dns' as const), value: name })),
      ),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pair = { certPem: withNewline(cert.toString('pem')), keyPem: await privateKeyPem(keys.privateKey) };
  writePair(pair, paths.cert, paths.key);
  log.info({ names, validTo: cert.notAfter.toISOString() }, 'server certificate issued by the local certificate authority');
  return pair;
}

function generateKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  return withNewline(x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY'));
}

/** PEM files end with a newline, so that `cat cert key > site.pem` (HAProxy's form) stays two blocks. */
function withNewline(pem: string): string {
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}

/** A positive serial of 16 random bytes (RFC 5280 allows up to 20). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** Written whole or not at all (a crash mid-write must not leave a key without its certificate); keys readable by the owner only. */
function writePair(pair: Pair, certFile: string, keyFile: string): void {
  const write = (file: string, text: string, mode: number) => {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text, { mode });
    fs.renameSync(temporary, file);
  };
  write(keyFile, pair.keyPem, 0o600);
  write(certFile, pair.certPem, 0o644);
}
