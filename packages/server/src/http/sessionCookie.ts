import type { Request, Response } from 'express';
import { SESSION_COOKIE, sessionTokenFrom, type ResolvedSession, type SessionStore } from '../auth/sessions.js';

/**
 * The session cookie on HTTP: httpOnly (page scripts never see the token), SameSite=Lax (another
 * site's form or script cannot make the browser send it with a POST), Secure behind TLS.
 */
export class SessionCookie {
  constructor(
    readonly sessions: SessionStore,
    private readonly secure: boolean,
  ) {}

  set(res: Response, token: string, expiresAt: Date): void {
    res.cookie(SESSION_COOKIE, token, { ...this.options(), expires: expiresAt });
  }

  clear(res: Response): void {
    res.clearCookie(SESSION_COOKIE, this.options());
  }

  /** The request's session, if any; a renewed session's cookie is sent again with its new expiry. */
  async read(req: Request, res: Response): Promise<ResolvedSession | undefined> {
    const token = sessionTokenFrom(req.headers.cookie);
    if (!token) return undefined;
    const session = await this.sessions.resolve(token);
    if (session?.renewed) this.set(res, token, session.expiresAt);
    return session;
  }

  private options() {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.secure, path: '/' };
  }
}
