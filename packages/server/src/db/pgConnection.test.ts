import { describe, expect, it } from 'vitest';
import { formatDatabaseUrl, parseDatabaseUrl, quoteIdentifier } from './pgConnection.js';

describe('parseDatabaseUrl', () => {
  it('splits a URL into the separate fields pg gets', () => {
    expect(parseDatabaseUrl('postgresql://pm:s%40cret@db.example:6543/province_meet')).toEqual({
      host: 'db.example',
      port: 6543,
      user: 'pm',
      password: 's@cret',
      database: 'province_meet',
    });
  });

  it('defaults the port and leaves out a missing password', () => {
    expect(parseDatabaseUrl('postgres://root@127.0.0.1/test')).toEqual({
      host: '127.0.0.1',
      port: 5432,
      user: 'root',
      database: 'test',
    });
  });

  it('understands sslmode and IPv6 hosts', () => {
    expect(parseDatabaseUrl('postgresql://u@[::1]:5433/d?sslmode=require')).toMatchObject({
      host: '::1',
      port: 5433,
      ssl: 'no-verify',
    });
  });

  it('refuses what it would otherwise silently ignore', () => {
    expect(() => parseDatabaseUrl('postgresql://u@h/d?schema=other')).toThrow(/"schema" is not supported/);
    expect(() => parseDatabaseUrl('mysql://u@h/d')).toThrow(/must start with postgresql/);
    expect(() => parseDatabaseUrl('postgresql://h/d')).toThrow(/host, a user and a database/);
    expect(() => parseDatabaseUrl('not a url')).toThrow(/not a valid URL/);
  });
});

describe('formatDatabaseUrl', () => {
  it('round-trips through parseDatabaseUrl, escaping what needs it', () => {
    const options = { host: '::1', port: 5433, user: 'p@m', password: 'a/b:c?', database: 'x y', ssl: true } as const;
    expect(parseDatabaseUrl(formatDatabaseUrl(options))).toEqual(options);
  });
});

describe('quoteIdentifier', () => {
  it('doubles embedded quotes', () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });
});
