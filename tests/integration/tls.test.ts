import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@pm/server/logger.ts';
import { openLocalCa } from '@pm/server/tls/localCa.ts';
import { freePort } from '../setup/globalSetup.ts';
import { DEMO_PASSWORD } from '../support/auth.ts';
import { httpsRequest } from '../support/httpsClient.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const NAME = 'meet.thanhhoa.test';
const scratch: string[] = [];
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;
/** The platform's https URL under the test's host name (the platform listens on 127.0.0.1). */
const named = (platform: TestPlatform) => platform.url.replace('127.0.0.1', NAME);

/** Plain HTTP with the Host header a browser would send (fetch does not let a caller set it). */
function plainGet(port: number, requestPath: string, host: string): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: requestPath, headers: { host }, agent: false }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, location: response.headers.location });
      })
      .once('error', reject);
  });
}

afterAll(() => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

describe('HTTPS with the platform’s own local CA', () => {
  const dataDir = tempDir('pm-tls-data-');
  let platform: TestPlatform | undefined;
  afterAll(async () => platform?.stop());

  it('serves HTTPS under the names it was given, HSTS, a Secure session cookie, the CA download and a redirecting HTTP port', async () => {
    const redirectPort = await freePort();
    platform = await startTestPlatform({
      PM_DATA_DIR: dataDir,
      TLS_LOCAL_CA: 'true',
      TLS_NAMES: NAME,
      HTTP_REDIRECT_PORT: String(redirectPort),
    });
    expect(platform.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = fs.readFileSync(path.join(dataDir, 'tls/ca.crt'), 'utf8');

    const health = await httpsRequest(`${named(platform)}/healthz`, { ca });
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(health.certificate.subjectaltname).toContain(`DNS:${NAME}`);

    const download = await httpsRequest(`${named(platform)}/tls/ca.crt`, { ca });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(download.headers['content-disposition']).toContain('province-meet-ca.crt');
    expect(fingerprintOf(download.body)).toBe(fingerprintOf(ca));
    expect(fingerprintOf(download.body)).toBe(platform.localCa?.caFingerprint);

    const signIn = await httpsRequest(`${named(platform)}/api/auth/login`, {
      ca,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: '15991', password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers['set-cookie'] as string[]).find((c) => c.startsWith('pm_session='));
    expect(cookie).toMatch(/; Secure/);

    // Plain HTTP under the same name only redirects, keeping the path; a bogus Host header gets nothing.
    const port = new URL(platform.url).port;
    const redirect = await plainGet(redirectPort, '/check?x=1', NAME);
    expect(redirect.status).toBe(301);
    expect(redirect.location).toBe(`https://${NAME}:${port}/check?x=1`);
    expect((await plainGet(redirectPort, '/', 'a/b@c')).status).toBe(400);
  });

  it('serves the same certificate from the same CA after a restart', async () => {
    const before = fs.readFileSync(path.join(dataDir, 'tls/server.crt'), 'utf8');
    await platform?.stop();
    platform = await startTestPlatform({
      PM_DATA_DIR: dataDir,
      TLS_LOCAL_CA: 'true',
      TLS_NAMES: NAME,
      HTTP_REDIRECT_PORT: 'off',
      SEED_DEMO: 'false',
    });
    const ca = fs.readFileSync(path.join(dataDir, 'tls/ca.crt'), 'utf8');
    const answer = await httpsRequest(`${named(platform)}/healthz`, { ca });
    expect(answer.status).toBe(200);
    expect(answer.certificate.fingerprint256).toBe(fingerprintOf(before));
  });
});

describe('HTTPS with given certificate files', () => {
  const log = createLogger('silent');
  const issuer = tempDir('pm-tls-issuer-');
  const files = tempDir('pm-tls-files-');
  const certFile = path.join(files, 'fullchain.pem');
  const keyFile = path.join(files, 'privkey.pem');
  let platform: TestPlatform | undefined;
  afterAll(async () => platform?.stop());

  it('serves the given certificate rather than a local CA’s, and a renewed one without a restart', async () => {
    // An "official" CA of the test's own issues the files, as a province's CA or Let's Encrypt would.
    const official = await openLocalCa(issuer, [NAME], log);
    fs.writeFileSync(certFile, official.certPem);
    fs.writeFileSync(keyFile, official.keyPem);
    const dataDir = tempDir('pm-tls-data-');
    platform = await startTestPlatform({
      PM_DATA_DIR: dataDir,
      TLS_CERT_FILE: certFile,
      TLS_KEY_FILE: keyFile,
      TLS_LOCAL_CA: 'true',
      HTTP_REDIRECT_PORT: 'off',
      SEED_DEMO: 'false',
    });
    const first = await httpsRequest(`${named(platform)}/healthz`, { ca: official.caPem });
    expect(first.status).toBe(200);
    expect(first.certificate.fingerprint256).toBe(fingerprintOf(official.certPem));
    expect(fs.existsSync(path.join(dataDir, 'tls'))).toBe(false);
    expect(platform.localCa).toBeUndefined();

    // Renewal: the issuer's next certificate (a name more) replaces the files, key first, as certbot's links do.
    const renewed = await openLocalCa(issuer, [NAME, 'hop.thanhhoa.test'], log);
    fs.writeFileSync(keyFile, renewed.keyPem);
    fs.writeFileSync(certFile, renewed.certPem);
    await expect
      .poll(async () => (await httpsRequest(`${named(platform!)}/healthz`, { ca: official.caPem })).certificate.fingerprint256, {
        timeout: 5_000,
      })
      .toBe(fingerprintOf(renewed.certPem));
  });

  it('refuses to start on a key that is not the certificate’s, naming the files', async () => {
    const other = await openLocalCa(tempDir('pm-tls-other-'), [NAME], log);
    const wrongKey = path.join(files, 'wrong-key.pem');
    fs.writeFileSync(wrongKey, other.keyPem);
    await expect(
      startTestPlatform({ TLS_CERT_FILE: certFile, TLS_KEY_FILE: wrongKey, HTTP_REDIRECT_PORT: 'off', SEED_DEMO: 'false' }),
    ).rejects.toThrow(/TLS_CERT_FILE .* and TLS_KEY_FILE .* do not load/);
  });
});
