import {
  CodedError,
  requests,
  serverEvents,
  type Ack,
  type ClientToServerEvents,
  type RequestName,
  type RequestPayload,
  type ResponseData,
  type ServerEventName,
  type ServerEventPayload,
  type ServerToClientEvents,
} from '@pm/shared';
import { io, type Socket } from 'socket.io-client';

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The client side of the shared protocol: one typed `request` per event, whose answer is checked
 * against the same schema the server used, and typed subscriptions to what the server pushes.
 */
export class SignallingClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(url: string = window.location.origin) {
    this.socket = io(url, { path: '/socket.io', transports: ['websocket'], withCredentials: true });
  }

  async request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseData<N>> {
    let result: Ack<unknown>;
    try {
      // socket.io's typings cannot follow a generic event name; the schemas below check the answer.
      const timed = this.socket.timeout(REQUEST_TIMEOUT_MS) as unknown as {
        emitWithAck(event: string, payload: unknown): Promise<Ack<unknown>>;
      };
      result = await timed.emitWithAck(name, payload);
    } catch {
      throw new CodedError('MEDIA_UNAVAILABLE', `no answer to ${name} within ${REQUEST_TIMEOUT_MS} ms`);
    }
    if (!result.ok) {
      throw new CodedError(result.error.code, result.error.message, result.error.issues, result.error.location);
    }
    return requests[name].res.parse(result.data) as ResponseData<N>;
  }

  on<N extends ServerEventName>(name: N, listener: (payload: ServerEventPayload<N>) => void): () => void {
    const handler = (payload: unknown) => {
      const parsed = serverEvents[name].safeParse(payload);
      if (parsed.success) listener(parsed.data as ServerEventPayload<N>);
      else console.warn(`ignored malformed ${name}`, parsed.error);
    };
    this.socket.on(name as never, handler as never);
    return () => void this.socket.off(name as never, handler as never);
  }

  close(): void {
    this.socket.close();
  }
}
