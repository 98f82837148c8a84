import {
  api,
  CodedError,
  containsNul,
  describeZodError,
  entityIdSchema,
  type ApiBody,
  type ApiQuery,
  type ApiResponse,
  type ApiRoute,
  type ApiRouteName,
  type Identity,
} from '@pm/shared';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { assertPasswordChanged, authorize, routeAccess, type PublicRoute } from '../../auth/authorization.js';
import type { SessionCookie } from '../sessionCookie.js';

const MAX_JSON_BODY = '1mb';
const MAX_UPLOAD = '5mb';

export interface ApiContext<N extends ApiRouteName> {
  identity: N extends PublicRoute ? undefined : Identity;
  /** Hash of the caller's session token (logout, password change). */
  sessionTokenHash: string | undefined;
  /** The caller's account must change its (published) password before anything else. */
  passwordChangeRequired: boolean;
  params: Record<string, string>;
  query: ApiQuery<N>;
  body: ApiBody<N>;
  /** The raw bytes of an upload route, with their declared media type. */
  upload: { mediaType: string; bytes: Buffer } | undefined;
  req: Request;
  res: Response;
}
export type ApiHandler<N extends ApiRouteName> = (ctx: ApiContext<N>) => Promise<ApiResponse<N>>;
/** One handler per route of the shared table: a route without one does not compile. */
export type ApiHandlers = { [N in ApiRouteName]: ApiHandler<N> };

function validate<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CodedError('BAD_REQUEST', `invalid ${where}`, describeZodError(parsed.error));
  return parsed.data;
}

/**
 * Registers every route of the shared API table. Each request goes through the same edge: the
 * session (401), the route's permission (403), then the body is read, then path, query and body
 * against the shared schemas (400), then the handler, whose answer is checked against the
 * documented schema.
 */
export function apiRouter(handlers: ApiHandlers, cookie: SessionCookie): Router {
  const router = Router();
  for (const name of Object.keys(api) as ApiRouteName[]) {
    const route: ApiRoute = api[name];
    const bodyParser = route.upload
      ? express.raw({ type: [...route.upload], limit: MAX_UPLOAD })
      : express.json({ limit: MAX_JSON_BODY });
    // The caller is known and allowed before its body is read: an anonymous client's 5 MB upload
    // is refused unread.
    router[route.method](route.path, authenticate(name, cookie), bodyParser, handle(route, handlers[name] as ApiHandler<ApiRouteName>));
  }
  return router;
}

interface Caller {
  identity: Identity | undefined;
  sessionTokenHash: string | undefined;
  passwordChangeRequired: boolean;
}

function authenticate(name: ApiRouteName, cookie: SessionCookie): RequestHandler {
  const access = routeAccess[name];
  return async (req, res, next) => {
    const session = access === 'public' ? undefined : await cookie.read(req, res);
    const caller: Caller = {
      identity: access === 'public' ? undefined : authorize(session?.identity, access),
      sessionTokenHash: session?.tokenHash,
      passwordChangeRequired: session?.passwordChangeRequired ?? false,
    };
    assertPasswordChanged(name, caller.passwordChangeRequired);
    res.locals.caller = caller;
    next();
  };
}

function handle(route: ApiRoute, handler: ApiHandler<ApiRouteName>): RequestHandler {
  return async (req, res) => {
    const { identity, sessionTokenHash, passwordChangeRequired } = res.locals.caller as Caller;
    if (containsNul([req.params, req.query, req.body])) throw new CodedError('BAD_REQUEST', 'a NUL character is not allowed in a request');
    const params = Object.fromEntries(
      Object.entries(req.params).map(([key, value]) => [key, validate(entityIdSchema, value, `path parameter ${key}`)]),
    );
    const result = await handler({
      identity,
      sessionTokenHash,
      passwordChangeRequired,
      params,
      query: (route.query ? validate(route.query, req.query, 'query') : undefined) as never,
      body: (route.body ? validate(route.body, req.body, 'body') : undefined) as never,
      upload: route.upload ? readUpload(req, route.upload) : undefined,
      req,
      res,
    });
    // A handler that sent a stored file itself (range requests) has answered already.
    if (res.headersSent) return;
    const answer = route.response.parse(result);
    res.status(route.status ?? 200);
    if (route.produces) res.type(route.produces).send(answer);
    else res.json(answer);
  };
}

function readUpload(req: Request, accepted: readonly string[]): { mediaType: string; bytes: Buffer } {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!accepted.includes(mediaType) || !Buffer.isBuffer(req.body) || req.body.length === 0) {
    throw new CodedError('BAD_REQUEST', `send the file as the request body, with Content-Type ${accepted.join(' or ')}`);
  }
  return { mediaType, bytes: req.body };
}
