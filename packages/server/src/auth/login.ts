import { CodedError } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface LockoutPolicy {
  /** Failed attempts in a row that lock the account. */
  maxFailures: number;
  lockMs: number;
}

type UserRow = NonNullable<Awaited<ReturnType<PrismaClient['user']['findUnique']>>>;

// Unknown usernames are checked against this hash too, so timing does not tell which names exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy password that matches nothing'));

const wrongCredentials = () => new CodedError('UNAUTHENTICATED', 'wrong username or password');

/**
 * Checks a username and password. A locked account is refused without looking at the password;
 * each failure counts towards a lock, a success clears the count.
 */
export async function checkCredentials(
  prisma: PrismaClient,
  policy: LockoutPolicy,
  username: string,
  password: string,
  now = new Date(),
): Promise<UserRow> {
  const user = await prisma.user.findUnique({ where: { username: username.trim().toLowerCase() } });
  if (!user) {
    await verifyPassword(password, await decoy());
    throw wrongCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil);
  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordFailure(prisma, policy, user.id, now);
    throw wrongCredentials();
  }
  if (user.disabled) throw new CodedError('FORBIDDEN', 'this account is disabled');
  if (user.failedLoginCount > 0 || user.lockedUntil) {
    await prisma.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
  }
  return user;
}

async function recordFailure(prisma: PrismaClient, policy: LockoutPolicy, userId: string, now: Date): Promise<void> {
  // Incremented in the database, so attempts racing on several nodes all count.
  const { failedLoginCount } = await prisma.user.update({
    where: { id: userId },
    data: { failedLoginCount: { increment: 1 } },
    select: { failedLoginCount: true },
  });
  if (failedLoginCount >= policy.maxFailures) {
    const lockedUntil = new Date(now.getTime() + policy.lockMs);
    await prisma.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil } });
    throw lockedError(lockedUntil);
  }
}

function lockedError(until: Date): CodedError {
  return new CodedError('LOCKED', `too many failed sign-ins: the account is locked until ${until.toISOString()}`);
}
