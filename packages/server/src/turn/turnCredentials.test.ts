import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { turnCredentials } from './turnCredentials.js';

const settings = { urls: ['turn:turn.example.vn:3478', 'turns:turn.example.vn:443?transport=tcp'], secret: 'coturn-shared-secret-for-tests', ttlSeconds: 3600 };

describe('TURN credentials (coturn REST API scheme)', () => {
  it('matches a vector computed outside Node (openssl dgst -sha1 -hmac … -binary | base64)', () => {
    // printf '%s' '1700000000:ck0user' | openssl dgst -sha1 -hmac 'coturn-shared-secret-for-tests' -binary | base64
    const issued = turnCredentials(settings, 'ck0user', (1700000000 - 3600) * 1000);
    expect(issued).toEqual({
      urls: settings.urls,
      username: '1700000000:ck0user',
      credential: 'TAVoo5WKkoCQTCEnZsdyGJjG9XQ=',
      ttlSeconds: 3600,
    });
  });

  it('names the expiry in Unix seconds, then the user, as coturn parses it (timestamp:userid)', () => {
    const now = Date.UTC(2026, 10, 29, 8, 30, 15, 999);
    const { username, credential } = turnCredentials(settings, 'user-42', now);
    const [expiry, userId, ...rest] = username.split(':');
    expect(rest).toEqual([]);
    expect(userId).toBe('user-42');
    expect(Number(expiry)).toBe(Math.floor(now / 1000) + 3600);
    // coturn's check: base64(HMAC-SHA1(static-auth-secret, username)).
    expect(credential).toBe(createHmac('sha1', settings.secret).update(username, 'utf8').digest('base64'));
    expect(Buffer.from(credential, 'base64')).toHaveLength(20);
  });

  it('gives a different password under another secret', () => {
    const a = turnCredentials(settings, 'u', 0);
    const b = turnCredentials({ ...settings, secret: 'another-secret-of-enough-length' }, 'u', 0);
    expect(a.username).toBe(b.username);
    expect(a.credential).not.toBe(b.credential);
  });
});

describe('TURN settings', () => {
  const base = { MEDIASOUP_WORKER_BIN: '/bin/true' };
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig({ ...base, ...env });
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('is off without TURN_URLS and TURN_SECRET', () => {
    expect(loadConfig(base).turn).toBeUndefined();
    expect(loadConfig({ ...base, TURN_URLS: '', TURN_SECRET: '' }).turn).toBeUndefined();
  });

  it('reads the URLs, the secret and the lifetime', () => {
    const config = loadConfig({
      ...base,
      TURN_URLS: ' turn:10.0.0.5:3478 , turns:turn.example.vn:443?transport=tcp',
      TURN_SECRET: settings.secret,
      TURN_TTL_SECONDS: '600',
    });
    expect(config.turn).toEqual({ urls: ['turn:10.0.0.5:3478', 'turns:turn.example.vn:443?transport=tcp'], secret: settings.secret, ttlSeconds: 600 });
  });

  it('refuses half a configuration, short secrets and URLs that are not TURN URIs', () => {
    expect(problemsOf({ TURN_URLS: 'turn:10.0.0.5:3478' })).toEqual([expect.stringMatching(/^TURN_URLS, TURN_SECRET: set both/)]);
    expect(problemsOf({ TURN_SECRET: settings.secret })).toEqual([expect.stringMatching(/^TURN_URLS, TURN_SECRET: set both/)]);
    expect(problemsOf({ TURN_URLS: 'turn:10.0.0.5:3478', TURN_SECRET: 'short' })).toEqual(['TURN_SECRET: must be at least 16 characters']);
    expect(problemsOf({ TURN_URLS: 'https://turn.example.vn', TURN_SECRET: settings.secret })).toEqual([
      expect.stringMatching(/^TURN_URLS: must be comma-separated turn: or turns: URLs/),
    ]);
    expect(problemsOf({ TURN_URLS: 'turn:10.0.0.5:3478?transport=sctp', TURN_SECRET: settings.secret })).toHaveLength(1);
  });
});
