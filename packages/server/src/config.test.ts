import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { startBanner } from './startBanner.js';

const minimal = { MEDIASOUP_WORKER_BIN: '/opt/mediasoup-worker' };

describe('loadConfig', () => {
  it('gives the documented defaults from a minimal environment', () => {
    const config = loadConfig(minimal);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.tls).toBeUndefined();
    expect(config.auth.cookieSecure).toBe(false);
    expect(config.database.url).toBeUndefined();
    expect(config.mediasoup).toMatchObject({ listenIp: '127.0.0.1', portBase: 40000 });
    expect(config.attendance.graceMs).toBe(60_000);
  });

  it('reports every wrong or missing value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MEDIASOUP_LISTEN_IP: 'not-an-ip', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'MEDIASOUP_LISTEN_IP', 'LOG_LEVEL', 'MEDIASOUP_WORKER_BIN']) {
      expect(problems).toContain(name);
    }
  });

  it('requires an announced address when media listen on every interface', () => {
    expect(() => loadConfig({ ...minimal, MEDIASOUP_LISTEN_IP: '0.0.0.0' })).toThrow(/MEDIASOUP_ANNOUNCED_IP/);
    expect(loadConfig({ ...minimal, MEDIASOUP_LISTEN_IP: '0.0.0.0', MEDIASOUP_ANNOUNCED_IP: '10.1.2.3' }).mediasoup.announcedIp).toBe(
      '10.1.2.3',
    );
  });

  it('serves HTTPS with given files, which win over the local CA, and makes the cookie Secure by itself', () => {
    const config = loadConfig({ ...minimal, HOST: '0.0.0.0', TLS_CERT_FILE: '/etc/pm/fullchain.pem', TLS_KEY_FILE: '/etc/pm/privkey.pem' });
    expect(config.tls).toEqual({ source: { kind: 'files', certFile: '/etc/pm/fullchain.pem', keyFile: '/etc/pm/privkey.pem' }, redirectPort: 80 });
    expect(config.auth.cookieSecure).toBe(true);
    expect(() => loadConfig({ ...minimal, TLS_CERT_FILE: '/etc/pm/fullchain.pem' })).toThrow(/TLS_CERT_FILE, TLS_KEY_FILE: set both/);
  });

  it('makes a local CA for a host on the network, covering the names sites are given, unless told not to', () => {
    const config = loadConfig({
      ...minimal,
      HOST: '0.0.0.0',
      PM_DATA_DIR: '/var/lib/pm',
      PUBLIC_URL: 'https://hop.thanhhoa.test:3000',
      MEDIASOUP_LISTEN_IP: '0.0.0.0',
      MEDIASOUP_ANNOUNCED_IP: '10.20.0.11',
      TLS_NAMES: 'meet.thanhhoa.test, 10.20.0.12',
      HTTP_REDIRECT_PORT: 'off',
    });
    expect(config.tls).toEqual({
      source: { kind: 'local-ca', dir: '/var/lib/pm/tls', names: ['meet.thanhhoa.test', '10.20.0.12', 'hop.thanhhoa.test', '10.20.0.11'] },
      redirectPort: undefined,
    });
    expect(config.auth.cookieSecure).toBe(true);
    expect(loadConfig({ ...minimal, HOST: '0.0.0.0', TLS_LOCAL_CA: 'false' }).tls).toBeUndefined();
    expect(loadConfig({ ...minimal, HOST: '::1' }).tls).toBeUndefined();
    expect(loadConfig({ ...minimal, TLS_LOCAL_CA: 'true', TLS_NAMES: 'meet.thanhhoa.test' }).tls?.source).toMatchObject({
      kind: 'local-ca',
      names: ['meet.thanhhoa.test', '127.0.0.1'],
    });
    expect(() => loadConfig({ ...minimal, TLS_NAMES: 'a b' })).toThrow(/TLS_NAMES/);
    // No wildcards: the local CA names exactly what rooms open (and checks those names at each start).
    expect(() => loadConfig({ ...minimal, TLS_NAMES: '*.thanhhoa.test' })).toThrow(/TLS_NAMES/);
  });

  it('seeds the demo with its published password on loopback only, unless SEED_DEMO says otherwise', () => {
    expect(loadConfig(minimal).demo).toEqual({ seed: true, password: 'Demo@2026', withheldOnNetwork: false, publishedPasswordLocks: false });
    expect(loadConfig({ ...minimal, HOST: 'localhost', SEED_DEMO: 'false' }).demo).toMatchObject({ seed: false, withheldOnNetwork: false });
    // On the network nothing is seeded unasked, and the banner says why.
    const network = { ...minimal, HOST: '0.0.0.0', TLS_LOCAL_CA: 'false' };
    expect(loadConfig(network).demo).toMatchObject({ seed: false, withheldOnNetwork: true, publishedPasswordLocks: true });
    expect(startBanner('http://127.0.0.1:3000', loadConfig(network))).toContain('SEED_DEMO=true');
    // Asked for, it is seeded, and every account with the published password must change it first.
    const asked = loadConfig({ ...network, SEED_DEMO: 'true' });
    expect(asked.demo).toMatchObject({ seed: true, withheldOnNetwork: false, publishedPasswordLocks: true });
    expect(startBanner('http://127.0.0.1:3000', asked)).toContain('must change this password at its first sign-in');
    expect(loadConfig({ ...network, HOST: '10.20.0.11', SEED_DEMO: 'false' }).demo).toMatchObject({ seed: false, withheldOnNetwork: false, publishedPasswordLocks: true });
    expect(() => loadConfig({ ...minimal, SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO/);
  });
});
