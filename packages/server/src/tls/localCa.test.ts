import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { openLocalCa, type LocalCertificate } from './localCa.js';

const log = createLogger('silent');
const dirs: string[] = [];
const scratch = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-local-ca-'));
  dirs.push(dir);
  return path.join(dir, 'tls');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A real TLS handshake on loopback that trusts nothing but the CA and checks the name asked for. */
async function handshake(local: LocalCertificate, servername: string): Promise<string> {
  const server = tls.createServer({ cert: local.certPem, key: local.keyPem }, (socket) => socket.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  try {
    return await new Promise<string>((resolve, reject) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port,
        ca: local.caPem,
        servername,
        checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert),
      });
      socket.once('secureConnect', () => socket.once('data', (data: Buffer) => resolve(data.toString())));
      socket.once('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('local certificate authority', () => {
  it('issues a certificate for the names and addresses asked for, which chains to the CA it serves', async () => {
    const dir = scratch();
    const local = await openLocalCa(dir, ['meet.thanhhoa.test', '10.20.0.11', '127.0.0.1'], log);
    const cert = new X509Certificate(local.certPem);
    const ca = new X509Certificate(local.caPem);
    expect(cert.checkHost('meet.thanhhoa.test')).toBe('meet.thanhhoa.test');
    expect(cert.checkIP('10.20.0.11')).toBe('10.20.0.11');
    expect(cert.checkHost('other.thanhhoa.test')).toBeUndefined();
    expect(cert.checkIssued(ca) && cert.verify(ca.publicKey)).toBe(true);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(local.caFingerprint).toBe(ca.fingerprint256);
    expect(fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8')).toBe(local.caPem);
    // Whole PEM files, so that concatenating them (HAProxy's site.pem) keeps them apart.
    for (const pem of [local.caPem, local.certPem, local.keyPem]) expect(pem).toMatch(/-----\n$/);
    // Keys readable by the owner only.
    expect(fs.statSync(path.join(dir, 'ca.key')).mode & 0o077).toBe(0);
    expect(fs.statSync(path.join(dir, 'server.key')).mode & 0o077).toBe(0);
    await expect(handshake(local, 'meet.thanhhoa.test')).resolves.toBe('ok');
    await expect(handshake(local, 'other.thanhhoa.test')).rejects.toThrow(/altnames/i);
  });

  it('reuses its CA and certificate on restart, and issues a new one from the same CA for a new name', async () => {
    const dir = scratch();
    const first = await openLocalCa(dir, ['meet.thanhhoa.test'], log);
    const again = await openLocalCa(dir, ['meet.thanhhoa.test'], log);
    expect(again.certPem).toBe(first.certPem);
    expect(again.keyPem).toBe(first.keyPem);
    expect(again.caPem).toBe(first.caPem);

    const renamed = await openLocalCa(dir, ['meet.thanhhoa.test', 'hop.thanhhoa.test'], log);
    expect(renamed.caPem).toBe(first.caPem);
    expect(renamed.certPem).not.toBe(first.certPem);
    expect(new X509Certificate(renamed.certPem).checkHost('hop.thanhhoa.test')).toBe('hop.thanhhoa.test');
    await expect(handshake(renamed, 'hop.thanhhoa.test')).resolves.toBe('ok');
  });

  it('replaces a server key that does not belong to its certificate (a write cut short)', async () => {
    const dir = scratch();
    const first = await openLocalCa(dir, ['meet.thanhhoa.test'], log);
    fs.copyFileSync(path.join(dir, 'ca.key'), path.join(dir, 'server.key'));
    const repaired = await openLocalCa(dir, ['meet.thanhhoa.test'], log);
    expect(repaired.caPem).toBe(first.caPem);
    expect(repaired.certPem).not.toBe(first.certPem);
    await expect(handshake(repaired, 'meet.thanhhoa.test')).resolves.toBe('ok');
  });
});
