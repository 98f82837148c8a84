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
    if (!result.ok) throw new CodedError(result.error.code, `${name}: ${result.error.message}`, result.error.issues);
    return requests[name].res.parse(result.data) as ResponseData<N>;
  }

  on<N extends ServerEventName>(name: N, listener: (payload: ServerEventPayload<N>) => void): void {
    this.socket.on(name as never, ((payload: unknown) => {
      listener(serverEvents[name].parse(payload) as ServerEventPayload<N>);
    }) as never);
  }

  close(): void {
    this.socket.close();
  }
}
