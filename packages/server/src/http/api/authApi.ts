import { changeOwnPassword } from '../../auth/accounts.js';
import { checkCredentials } from '../../auth/login.js';
import { clientAddress } from '../clientAddress.js';
import type { ApiDeps, HandlerGroup } from './apiDeps.js';

/** Sign in, sign out, who am I, change my password. */
export function authApi({ prisma, cookie, throttle, pushes }: ApiDeps): HandlerGroup<'auth.login' | 'auth.logout' | 'auth.me' | 'auth.password'> {
  return {
    'auth.login': async ({ body, req, res }) => {
      const user = await checkCredentials(prisma, throttle, clientAddress(req), body.username, body.password);
      const { token, expiresAt, identity, passwordChangeRequired } = await cookie.sessions.open(user.id);
      cookie.set(res, token, expiresAt);
      return { identity, passwordChangeRequired };
    },

    'auth.logout': async ({ sessionTokenHash, res }) => {
      if (sessionTokenHash) {
        await cookie.sessions.close(sessionTokenHash);
        pushes.endSessions([sessionTokenHash]);
      }
      cookie.clear(res);
      return {};
    },

    'auth.me': async ({ identity, passwordChangeRequired }) => ({ identity, passwordChangeRequired }),

    'auth.password': async ({ identity, body, sessionTokenHash, req }) => {
      await changeOwnPassword(prisma, throttle, clientAddress(req), identity.userId, body);
      // Whoever else holds a session of this account (a stolen one, say) is signed out.
      pushes.endSessions(await cookie.sessions.closeAllOf(identity.userId, sessionTokenHash));
      return {};
    },
  };
}
