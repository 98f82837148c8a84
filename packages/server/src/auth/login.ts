import { CodedError } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SignInThrottle } from './signInThrottle.js';

type UserRow = NonNullable<Awaited<ReturnType<PrismaClient['user']['findUnique']>>>;

// Unknown usernames are checked against this hash too, so timing does not tell which names exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy password that matches nothing'));

/**
 * Checks a username and password from a client address, through the throttle (which may answer
 * TOO_MANY_REQUESTS first). An unknown account, a disabled one and a wrong password cost the
 * same password hash and get the same answer, so none of them tells an attacker anything.
 */
export async function checkCredentials(
  prisma: PrismaClient,
  throttle: SignInThrottle,
  address: string,
  username: string,
  password: string,
): Promise<UserRow> {
  const name = username.trim().toLowerCase();
  const user = await throttle.attempt(name, address, async () => {
    const found = await prisma.user.findUnique({ where: { username: name } });
    const matches = await verifyPassword(password, found?.passwordHash ?? (await decoy()));
    return found && matches && !found.disabled ? found : undefined;
  });
  if (!user) throw new CodedError('UNAUTHENTICATED', 'wrong username or password');
  return user;
}
