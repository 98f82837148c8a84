import {
  onServerEvent,
  requestOverSocket,
  serverEvents,
  type ClientToServerEvents,
  type ProtocolSocket,
  type RequestName,
  type RequestPayload,
  type ResponseData,
  type ServerEventName,
  type ServerEventPayload,
  type ServerToClientEvents,
} from '@pm/shared';
import { io, type Socket } from 'socket.io-client';

const REQUEST_TIMEOUT_MS = 10_000;

/** One event the server pushed, tagged with its name: what a reducer of server events takes. */
export type ServerEvent<N extends ServerEventName = ServerEventName> = {
  [K in N]: { type: K; payload: ServerEventPayload<K> };
}[N];

/**
 * The browser's connection to one node: typed requests and typed subscriptions over the shared
 * protocol. The session cookie goes along with the WebSocket upgrade by itself.
 */
export class SignallingClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly protocol: ProtocolSocket;

  constructor(url: string = window.location.origin) {
    this.socket = io(url, { path: '/socket.io', transports: ['websocket'], withCredentials: true });
    this.protocol = this.socket as unknown as ProtocolSocket;
  }

  request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseData<N>> {
    return requestOverSocket(this.protocol, name, payload, REQUEST_TIMEOUT_MS);
  }

  on<N extends ServerEventName>(name: N, listener: (payload: ServerEventPayload<N>) => void): () => void {
    return onServerEvent(this.protocol, name, listener);
  }

  /**
   * Every event of the shared protocol, validated, as one stream: a feature keeps its whole
   * subscription in one place. Unknown and malformed events are dropped, as `on` drops them.
   */
  onEvent(listener: (event: ServerEvent) => void): void {
    this.socket.onAny((name: unknown, payload: unknown) => {
      if (typeof name !== 'string' || !Object.hasOwn(serverEvents, name)) return;
      const type = name as ServerEventName;
      const parsed = serverEvents[type].safeParse(payload);
      // The schema just checked the payload against this very name.
      if (parsed.success) listener({ type, payload: parsed.data } as ServerEvent);
    });
  }

  close(): void {
    this.socket.close();
  }
}
