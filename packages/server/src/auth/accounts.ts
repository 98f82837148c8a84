import { CodedError } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SignInThrottle } from './signInThrottle.js';

/**
 * A signed-in user changes their own password; the current one must be given again, through the
 * sign-in throttle (a stolen session must not become a way to guess the password).
 */
export async function changeOwnPassword(
  prisma: PrismaClient,
  throttle: SignInThrottle,
  address: string,
  userId: string,
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { username: true, passwordHash: true } });
  if (!user) throw new CodedError('NOT_FOUND', 'account not found');
  const verified = await throttle.attempt(user.username, address, async () => (await verifyPassword(currentPassword, user.passwordHash)) || undefined);
  if (!verified) throw new CodedError('BAD_REQUEST', 'the current password is wrong', ['currentPassword: does not match']);
  if (currentPassword === newPassword) {
    throw new CodedError('BAD_REQUEST', 'the new password must differ', ['newPassword: same as the current password']);
  }
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword), passwordPublished: false } });
}
