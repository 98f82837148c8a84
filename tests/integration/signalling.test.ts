import type { ClientToServerEvents, ServerToClientEvents } from '@pm/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/auth.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Sends any event with any payload, as a buggy or hostile client would, and waits for the ack. */
function rawRequest(socket: ClientSocket, event: string, payload: unknown): Promise<unknown> {
  const untyped = socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> };
  return untyped.emitWithAck(event, payload);
}

describe('signalling edge', () => {
  let platform: TestPlatform;
  let socket: ClientSocket;

  beforeAll(async () => {
    platform = await startTestPlatform();
    const cookie = await login(platform.url, '15991');
    socket = io(platform.url, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  });
  afterAll(async () => {
    socket?.close();
    await platform?.stop();
  });

  it('rejects a malformed payload with BAD_REQUEST and the problems found', async () => {
    const result = await rawRequest(socket, 'media:createTransport', { direction: 'sideways', extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const issues = (result as { error: { issues: string[] } }).error.issues;
    expect(issues.some((i) => i.startsWith('direction'))).toBe(true);
  });

  it('rejects media requests before the client has media, with CONFLICT', async () => {
    const result = await rawRequest(socket, 'media:createTransport', { direction: 'send' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('answers NOT_FOUND for a transport that is not the caller’s', async () => {
    expect(await rawRequest(socket, 'check:start', {})).toMatchObject({ ok: true });
    const result = await rawRequest(socket, 'media:connectTransport', {
      transportId: 'not-a-transport',
      dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('survives requests without acknowledgement and garbage payloads, and keeps serving', async () => {
    const untyped = socket as unknown as { emit(e: string, ...args: unknown[]): void };
    untyped.emit('media:createTransport', { direction: 'send' });
    untyped.emit('check:start');
    for (const garbage of [null, 42, 'x', [], { transportId: {} }]) {
      const result = await rawRequest(socket, 'media:connectTransport', garbage);
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const healthy = await fetch(`${platform.url}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await rawRequest(socket, 'media:createTransport', { direction: 'recv' })).toMatchObject({ ok: true });
  });

  it('refuses a screen share outside a meeting (a technical check) with CONFLICT: presentations belong to a meeting', async () => {
    expect(await rawRequest(socket, 'check:start', {})).toMatchObject({ ok: true });
    const transport = (await rawRequest(socket, 'media:createTransport', { direction: 'send' })) as { ok: true; data: { id: string } };
    const result = await rawRequest(socket, 'media:produce', {
      transportId: transport.data.id,
      kind: 'video',
      source: 'screen',
      rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 }], encodings: [{ ssrc: 2222 }] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
