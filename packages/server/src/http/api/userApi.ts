import { createUser, listUsers, updateUser } from '../../auth/users.js';
import type { ApiDeps, HandlerGroup } from './apiDeps.js';

/** The administrator's account management. */
export function userApi({ prisma, cookie, pushes }: ApiDeps): HandlerGroup<'users.list' | 'users.create' | 'users.update'> {
  return {
    'users.list': async ({ identity, query }) => ({ users: await listUsers(prisma, identity, query) }),

    'users.create': async ({ body }) => ({ user: await createUser(prisma, body) }),

    'users.update': async ({ params, body }) => {
      const { user, endSessions } = await updateUser(prisma, params.id!, body);
      if (endSessions) {
        await cookie.sessions.closeAllOf(user.id);
        pushes.endAccount(user.id);
      }
      return { user };
    },
  };
}
