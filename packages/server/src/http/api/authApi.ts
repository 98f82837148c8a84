import { changeOwnPassword } from '../../auth/accounts.js';
import { checkCredentials } from '../../auth/login.js';
import type { ApiDeps, HandlerGroup } from './apiDeps.js';

/** Sign in, sign out, who am I, change my password. */
export function authApi({ prisma, cookie, lockout, pushes }: ApiDeps): HandlerGroup<'auth.login' | 'auth.logout' | 'auth.me' | 'auth.password'> {
  return {
    'auth.login': async ({ body, res }) => {
      const user = await checkCredentials(prisma, lockout, body.username, body.password);
      const { token, expiresAt, identity } = await cookie.sessions.open(user.id);
      cookie.set(res, token, expiresAt);
      return { identity };
    },

    'auth.logout': async ({ sessionTokenHash, res }) => {
      if (sessionTokenHash) {
        await cookie.sessions.close(sessionTokenHash);
        pushes.endSessions([sessionTokenHash]);
      }
      cookie.clear(res);
      return {};
    },

    'auth.me': async ({ identity }) => ({ identity }),

    'auth.password': async ({ identity, body, sessionTokenHash }) => {
      await changeOwnPassword(prisma, identity.userId, body);
      // Whoever else holds a session of this account (a stolen one, say) is signed out.
      pushes.endSessions(await cookie.sessions.closeAllOf(identity.userId, sessionTokenHash));
      return {};
    },
  };
}
