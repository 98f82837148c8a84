import { CodedError } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** A signed-in user changes their own password; the current one must be given again. */
export async function changeOwnPassword(
  prisma: PrismaClient,
  userId: string,
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new CodedError('NOT_FOUND', 'account not found');
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new CodedError('BAD_REQUEST', 'the current password is wrong', ['currentPassword: does not match']);
  }
  if (currentPassword === newPassword) {
    throw new CodedError('BAD_REQUEST', 'the new password must differ', ['newPassword: same as the current password']);
  }
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
}
