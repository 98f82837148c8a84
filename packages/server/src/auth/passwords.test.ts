import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id and a fresh salt each time', async () => {
    const [first, second] = await Promise.all([hashPassword('Demo@2026'), hashPassword('Demo@2026')]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
  });

  it('verifies the right password only', async () => {
    const passwordHash = await hashPassword('Mật khẩu đúng');
    expect(await verifyPassword('Mật khẩu đúng', passwordHash)).toBe(true);
    expect(await verifyPassword('Mật khẩu sai', passwordHash)).toBe(false);
  });
});
