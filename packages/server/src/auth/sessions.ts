import { parse } from 'cookie';
import { createHash, randomBytes } from 'node:crypto';
import type { Identity } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';

/** The httpOnly cookie that carries the session token, for HTTP and the socket.io handshake alike. */
export const SESSION_COOKIE = 'pm_session';

export interface OpenedSession {
  token: string;
  expiresAt: Date;
  identity: Identity;
  /** The account may do nothing but change its password (see SessionStore). */
  passwordChangeRequired: boolean;
}

export interface ResolvedSession {
  identity: Identity;
  passwordChangeRequired: boolean;
  tokenHash: string;
  expiresAt: Date;
  /** The expiry moved forward: the cookie should be sent again with the new lifetime. */
  renewed: boolean;
}

interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: Identity['role'];
  unitId: string | null;
  siteId: string | null;
  passwordPublished: boolean;
  site: { unitId: string } | null;
}

/** The account with what its identity needs: a meeting room's site, whose unit is the room's. */
const accountInclude = { site: { select: { unitId: true } } } as const;

/**
 * Who a session is. A meeting room's account answers for its site's unit (the directives it sees
 * and reports on), whatever unit the account row itself names.
 */
export function toIdentity(user: AccountRow): Identity {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.role === 'SITE' && user.site ? user.site.unitId : user.unitId,
    siteId: user.siteId,
  };
}

/** Only this digest is stored: a copy of the table gives nobody a usable token. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Server-side sessions in PostgreSQL, so every node of a cluster can validate any of them and an
 * administrator can end them (logout, password change, disabled account) at once. Expiry slides:
 * a session in use is extended once half of its lifetime has passed, but never beyond its absolute
 * lifetime from sign-in (a stolen session does not live for ever by being used).
 *
 * With `publishedPasswordLocks` (a node reachable from the network), a session of an account that
 * still has the published demo password requires a password change before anything else: the
 * HTTP API answers PASSWORD_CHANGE_REQUIRED and sockets are refused until it is changed.
 */
export class SessionStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly ttlMs: number,
    private readonly maxAgeMs: number,
    private readonly publishedPasswordLocks = false,
  ) {}

  private passwordChangeRequired(user: AccountRow): boolean {
    return this.publishedPasswordLocks && user.passwordPublished;
  }

  async open(userId: string, now = new Date()): Promise<OpenedSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + Math.min(this.ttlMs, this.maxAgeMs));
    await this.prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
    const session = await this.prisma.session.create({
      data: { tokenHash: hashToken(token), userId, expiresAt, createdAt: now },
      include: { user: { include: accountInclude } },
    });
    return { token, expiresAt, identity: toIdentity(session.user), passwordChangeRequired: this.passwordChangeRequired(session.user) };
  }

  /** The identity behind a token; undefined when it is unknown, expired or its account disabled. */
  async resolve(token: string, now = new Date()): Promise<ResolvedSession | undefined> {
    const tokenHash = hashToken(token);
    const session = await this.prisma.session.findUnique({ where: { tokenHash }, include: { user: { include: accountInclude } } });
    if (!session || session.expiresAt <= now || session.user.disabled) return undefined;
    const endOfLife = session.createdAt.getTime() + this.maxAgeMs;
    if (endOfLife <= now.getTime()) return undefined;
    let expiresAt = session.expiresAt;
    const wanted = Math.min(now.getTime() + this.ttlMs, endOfLife);
    const renewed = (expiresAt.getTime() - now.getTime() < this.ttlMs / 2 || expiresAt.getTime() > endOfLife) && wanted !== expiresAt.getTime();
    if (renewed) {
      expiresAt = new Date(wanted);
      await this.prisma.session.update({ where: { tokenHash }, data: { expiresAt } });
    }
    return { identity: toIdentity(session.user), passwordChangeRequired: this.passwordChangeRequired(session.user), tokenHash, expiresAt, renewed };
  }

  /** When a session ends if it is not used meanwhile; undefined once it has ended (no renewal here). */
  async expiryOf(tokenHash: string, now = new Date()): Promise<Date | undefined> {
    const session = await this.prisma.session.findUnique({ where: { tokenHash }, select: { expiresAt: true, user: { select: { disabled: true } } } });
    return session && session.expiresAt > now && !session.user.disabled ? session.expiresAt : undefined;
  }

  async close(tokenHash: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { tokenHash } });
  }

  /** Ends every session of an account, except the one given (the caller's own); returns those ended. */
  async closeAllOf(userId: string, exceptTokenHash?: string): Promise<string[]> {
    const where = { userId, ...(exceptTokenHash ? { tokenHash: { not: exceptTokenHash } } : {}) };
    const ended = await this.prisma.session.findMany({ where, select: { tokenHash: true } });
    await this.prisma.session.deleteMany({ where: { tokenHash: { in: ended.map((s) => s.tokenHash) } } });
    return ended.map((s) => s.tokenHash);
  }
}

/** The session token a request's (or a WebSocket handshake's) cookies carry, if any. */
export function sessionTokenFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parse(cookieHeader)[SESSION_COOKIE] || undefined;
}
