import { CodedError, type ApiError, type ErrorCode } from '@pm/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../logger.js';

const statusOf: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  TOO_MANY_REQUESTS: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  MEDIA_UNAVAILABLE: 503,
  NODE_DRAINING: 503,
  // A meeting's node, for HTTP callers that follow redirects.
  MOVED: 307,
  RATE_LIMITED: 429,
  OUTSIDE_MEETING_TIME: 409,
  QUOTA_EXCEEDED: 413,
  STORAGE_FULL: 507,
  PASSWORD_CHANGE_REQUIRED: 403,
  INTERNAL: 500,
};

/** Errors that are the caller's doing, wherever they were thrown, as coded errors. */
function toCoded(error: unknown): CodedError | undefined {
  if (error instanceof CodedError) return error;
  const e = error as { type?: unknown; status?: unknown; code?: unknown };
  // body-parser: malformed JSON, a body too large, an unsupported charset. Its own words (and the
  // parser's position in the input) stay in the log: the answer never passes on internals.
  if (typeof e.type === 'string' && typeof e.status === 'number' && e.status < 500) {
    return new CodedError('BAD_REQUEST', e.status === 413 ? 'the request body is too large' : 'the request body could not be read');
  }
  // Prisma: a unique value taken by a concurrent write, a row gone meanwhile (constraint names stay in the log).
  if (e.code === 'P2002') return new CodedError('CONFLICT', 'this value is already taken');
  if (e.code === 'P2025') return new CodedError('NOT_FOUND', 'not found');
  return undefined;
}

/** The one place an HTTP error becomes a status and an ApiError body. */
export function apiErrorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const coded = toCoded(error);
    const body: ApiError = coded ? coded.toJSON() : { code: 'INTERNAL', message: 'internal error' };
    if (coded) log.debug({ method: req.method, path: req.path, code: body.code, cause: coded === error ? undefined : String(error) }, body.message);
    else log.error({ err: error, method: req.method, path: req.path }, 'request failed');
    if (body.retryAfterSeconds !== undefined) res.set('Retry-After', String(body.retryAfterSeconds));
    res.status(statusOf[body.code]).json(body);
  };
}

/** Unknown paths under /api answer JSON, never the web app. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new CodedError('NOT_FOUND', `no API route ${req.method} ${req.path}`));
};
