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

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * The shared protocol from Node, as the web client speaks it: typed requests whose answers are
 * checked against the same schemas, typed subscriptions to pushed events. A kiosk's browser sends
 * its session cookie with the WebSocket upgrade; a bot sends it as a header.
 */
export class BotSignalling {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(baseUrl: string, cookie: string) {
    this.socket = io(baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      // One connection per bot: socket.io would otherwise multiplex every bot on one WebSocket.
      forceNew: true,
      extraHeaders: { cookie },
      autoConnect: false,
    });
  }

  /** Connects and resolves once connected, or rejects with the server's refusal. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onConnect = () => {
        this.socket.off('connect_error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        this.socket.off('connect', onConnect);
        this.socket.disconnect();
        reject(error);
      };
      this.socket.once('connect', onConnect);
      this.socket.once('connect_error', onError);
      this.socket.connect();
    });
  }

  request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseData<N>> {
    return requestOverSocket(this.socket as unknown as ProtocolSocket, name, payload, REQUEST_TIMEOUT_MS);
  }

  on<N extends ServerEventName>(name: N, listener: (payload: ServerEventPayload<N>) => void): void {
    onServerEvent(this.socket as unknown as ProtocolSocket, name, listener);
  }

  close(): void {
    this.socket.close();
  }
}
