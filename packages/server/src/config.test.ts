import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const minimal = { MEDIASOUP_WORKER_BIN: '/opt/mediasoup-worker' };

describe('loadConfig', () => {
  it('gives the documented defaults from a minimal environment', () => {
    const config = loadConfig(minimal);
    expect(config.http).toEqual({ host: '0.0.0.0', port: 3000 });
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
});
