import {
  requestOverSocket,
  type ClientToServerEvents,
  type ProtocolSocket,
  type RequestName,
  type RequestPayload,
  type ResponseData,
  type ServerToClientEvents,
} from '@pm/shared';
import { io, type Socket } from 'socket.io-client';
import { login } from './auth.ts';

/**
 * A signed-in socket.io client speaking the shared protocol, without media: enough for what
 * happens around the media (attendance, roll calls, the floor) to be tested from outside.
 */
export class ProtocolClient {
  readonly events: Array<{ event: string; payload: unknown }> = [];

  private constructor(readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.onAny((event: string, payload: unknown) => this.events.push({ event, payload }));
  }

  static async connect(baseUrl: string, username: string): Promise<ProtocolClient> {
    const cookie = await login(baseUrl, username);
    const socket = io(baseUrl, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new ProtocolClient(socket);
  }

  /** One request; a refusal is a CodedError with the server's code (and, for MOVED, `location`). */
  request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseData<N>> {
    return requestOverSocket(this.socket as unknown as ProtocolSocket, name, payload, 10_000);
  }

  /** The last payload of a pushed event, if any arrived. */
  last<T>(event: string): T | undefined {
    return [...this.events].reverse().find((e) => e.event === event)?.payload as T | undefined;
  }

  close(): void {
    this.socket.close();
  }
}
