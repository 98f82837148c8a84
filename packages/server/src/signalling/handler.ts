import {
  CodedError,
  containsNul,
  describeZodError,
  requests,
  type Ack,
  type ApiError,
  type ErrorCode,
  type ParsedRequest,
  type RequestName,
  type ResponseData,
} from '@pm/shared';
import { socketRequestDenial } from '../auth/authorization.js';
import type { Logger } from '../logger.js';
import { detach } from '../util/detach.js';
import type { SocketSession } from './socketSession.js';

export type RequestHandler<N extends RequestName> = (
  session: SocketSession,
  payload: ParsedRequest<N>,
) => Promise<ResponseData<N>>;

/** A feature's handlers, keyed by request name; each file of this folder exports one such table. */
export type HandlerTable = { [N in RequestName]?: RequestHandler<N> };

/** Told of every answered request: its outcome (`ok` or the error code) and how long it took (metrics). */
export type RequestObserver = (event: RequestName, outcome: 'ok' | ErrorCode, seconds: number) => void;

/**
 * Attaches handler tables to one socket. Every request goes through the same edge: the
 * acknowledgement must exist, the payload is validated against the shared schema, and any error
 * becomes a coded acknowledgement. Nothing a client sends can throw out of here.
 */
export function attachHandlers(session: SocketSession, tables: HandlerTable[], log: Logger, observer?: RequestObserver): void {
  for (const table of tables) {
    for (const name of Object.keys(table) as RequestName[]) {
      const handler = table[name] as RequestHandler<RequestName>;
      session.socket.on(name, (payload: unknown, ack: unknown) => {
        detach(runRequest(name, handler, session, payload, ack, log, observer), log, `answering ${name}`);
      });
    }
  }
}

async function runRequest(
  name: RequestName,
  handler: RequestHandler<RequestName>,
  session: SocketSession,
  payload: unknown,
  ack: unknown,
  log: Logger,
  observer: RequestObserver | undefined,
): Promise<void> {
  if (typeof ack !== 'function') {
    log.warn({ event: name, socket: session.id }, 'request without acknowledgement ignored');
    return;
  }
  const started = performance.now();
  const reply = (result: Ack<unknown>) => {
    (ack as (result: Ack<unknown>) => void)(result);
    observer?.(name, result.ok ? 'ok' : result.error.code, (performance.now() - started) / 1000);
  };
  // Role first: a request the account may not make is refused before its payload is looked at.
  const denial = socketRequestDenial(name, session.socket.data.identity);
  if (denial) {
    log.warn({ event: name, socket: session.id, code: denial.code }, 'request refused');
    reply({ ok: false, error: denial });
    return;
  }
  const parsed = requests[name].req.safeParse(payload);
  if (containsNul(payload)) {
    reply({ ok: false, error: { code: 'BAD_REQUEST', message: `a NUL character is not allowed in ${name}` } });
    return;
  }
  if (!parsed.success) {
    const issues = describeZodError(parsed.error);
    log.warn({ event: name, socket: session.id, issues }, 'malformed request rejected');
    reply({ ok: false, error: { code: 'BAD_REQUEST', message: `invalid ${name} payload`, issues } });
    return;
  }
  try {
    const data = await handler(session, parsed.data);
    reply({ ok: true, data });
    log.debug({ event: name, socket: session.id, ms: Math.round(performance.now() - started) }, 'request');
  } catch (error) {
    const apiError = toApiError(error);
    const level = apiError.code === 'INTERNAL' ? 'error' : 'warn';
    log[level]({ event: name, socket: session.id, err: error }, `request failed: ${apiError.message}`);
    reply({ ok: false, error: apiError });
  }
}

/** Maps what a handler threw to what the client is told. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof CodedError) return error.toJSON();
  // mediasoup throws TypeError for parameters it rejects (bad RTP parameters, unknown codec…).
  if (error instanceof TypeError) return { code: 'BAD_REQUEST', message: error.message };
  if (error instanceof Error && error.name === 'InvalidStateError') {
    return { code: 'CONFLICT', message: error.message };
  }
  return { code: 'INTERNAL', message: 'internal error' };
}
