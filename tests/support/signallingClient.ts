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
import { DEMO_PASSWORD, login } from './auth.ts';

export interface ProtocolClientOptions {
  password?: string;
  /** Reconnect by itself after a lost connection, as the web client does (bots); tests mostly want it off. */
  reconnection?: boolean;
  /** Keep every pushed event for `last()` (tests); a fleet of hundreds of bots does without. */
  recordEvents?: boolean;
  requestTimeoutMs?: number;
}

/**
 * A signed-in socket.io client speaking the shared protocol, as the web client speaks it: typed
 * requests whose answers are checked against the same schemas, typed subscriptions to pushed
 * events. A kiosk's browser sends its session cookie with the WebSocket upgrade; this sends it as
 * a header. One connection per client (`forceNew`): socket.io would otherwise multiplex them.
 */
export class ProtocolClient {
  readonly events: Array<{ event: string; payload: unknown }> = [];
  private readonly requestTimeoutMs: number;

  private constructor(
    readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>,
    options: ProtocolClientOptions,
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
    if (options.recordEvents ?? true) socket.onAny((event: string, payload: unknown) => this.events.push({ event, payload }));
  }

  /** Signs in, connects, and resolves once connected (rejects with the server's refusal). */
  static async connect(baseUrl: string, username: string, options: ProtocolClientOptions = {}): Promise<ProtocolClient> {
    const cookie = await login(baseUrl, username, options.password ?? DEMO_PASSWORD);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: options.reconnection ?? false,
      extraHeaders: { cookie },
      autoConnect: false,
    });
    const client = new ProtocolClient(socket, options);
    await new Promise<void>((resolve, reject) => {
      const onConnect = () => {
        socket.off('connect_error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        socket.off('connect', onConnect);
        socket.disconnect();
        reject(error);
      };
      socket.once('connect', onConnect);
      socket.once('connect_error', onError);
      socket.connect();
    });
    return client;
  }

  /** One request; a refusal is a CodedError with the server's code (and, for MOVED, `location`). */
  request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseData<N>> {
    return requestOverSocket(this.socket as unknown as ProtocolSocket, name, payload, this.requestTimeoutMs);
  }

  /** A typed subscription to a pushed event (malformed payloads are dropped). */
  on<N extends ServerEventName>(name: N, listener: (payload: ServerEventPayload<N>) => void): void {
    onServerEvent(this.socket as unknown as ProtocolSocket, name, listener);
  }

  /** The last payload of a pushed event, if any arrived. */
  last<T>(event: string): T | undefined {
    return [...this.events].reverse().find((e) => e.event === event)?.payload as T | undefined;
  }

  close(): void {
    this.socket.close();
  }
}
