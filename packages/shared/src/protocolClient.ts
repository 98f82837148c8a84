import { CodedError } from './errors.js';
import {
  requests,
  serverEvents,
  type Ack,
  type RequestName,
  type RequestPayload,
  type ResponseData,
  type ServerEventName,
  type ServerEventPayload,
} from './protocol.js';

/**
 * The little of a socket.io client socket that the protocol needs. Structural, so this package
 * needs no socket.io dependency; socket.io's own typings cannot follow a generic event name, which
 * is why callers pass their socket through this type.
 */
export interface ProtocolSocket {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

/**
 * One request of the shared protocol, from any client (the web app, the bots, the tests): the
 * answer is checked against the same schema the server used, and a refusal becomes a CodedError
 * with the server's code.
 */
export async function requestOverSocket<N extends RequestName>(
  socket: ProtocolSocket,
  name: N,
  payload: RequestPayload<N>,
  timeoutMs: number,
): Promise<ResponseData<N>> {
  let result: Ack<unknown>;
  try {
    result = (await socket.timeout(timeoutMs).emitWithAck(name, payload)) as Ack<unknown>;
  } catch {
    throw new CodedError('MEDIA_UNAVAILABLE', `no answer to ${name} within ${timeoutMs} ms`);
  }
  if (!result.ok) {
    throw new CodedError(result.error.code, result.error.message, result.error.issues, result.error.location);
  }
  return requests[name].res.parse(result.data) as ResponseData<N>;
}

/** A typed subscription to an event the server pushes; malformed payloads are dropped. */
export function onServerEvent<N extends ServerEventName>(
  socket: ProtocolSocket,
  name: N,
  listener: (payload: ServerEventPayload<N>) => void,
): () => void {
  const handler = (payload: unknown) => {
    const parsed = serverEvents[name].safeParse(payload);
    if (parsed.success) listener(parsed.data as ServerEventPayload<N>);
  };
  socket.on(name, handler);
  return () => void socket.off(name, handler);
}
