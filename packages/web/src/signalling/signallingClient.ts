import {
  onServerEvent,
  requestOverSocket,
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

  close(): void {
    this.socket.close();
  }
}
