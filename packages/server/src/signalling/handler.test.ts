import { EventEmitter } from 'node:events';
import { CodedError, type Ack, type Identity } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { identities, silentLog } from '../testing/meetingFakes.js';
import { attachHandlers, type HandlerTable } from './handler.js';
import { SocketSession, type PlatformSocket } from './socketSession.js';

/** A socket as the edge sees one: an id, the identity left by authentication, and events. */
function fakeSocket(identity: Identity | undefined) {
  const socket = Object.assign(new EventEmitter(), { id: 'socket-1', data: { identity } });
  return socket as unknown as PlatformSocket & EventEmitter;
}

/** Sends a request the way socket.io delivers one, and resolves with the acknowledgement. */
function request(socket: EventEmitter, name: string, payload: unknown): Promise<Ack<unknown>> {
  return new Promise((resolve) => socket.emit(name, payload, resolve));
}

function edge(tables: HandlerTable[], identity: Identity | 'anonymous' = identities.operator, log = silentLog) {
  const socket = fakeSocket(identity === 'anonymous' ? undefined : identity);
  const outcomes: Array<[string, string]> = [];
  attachHandlers(new SocketSession(socket), tables, log, (event, outcome) => outcomes.push([event, outcome]));
  return { socket, outcomes };
}

describe('the signalling edge', () => {
  it('runs a valid request and acknowledges its answer', async () => {
    const { socket, outcomes } = edge([{ 'floor:next': async () => ({ siteId: 'a' }) }]);
    expect(await request(socket, 'floor:next', {})).toEqual({ ok: true, data: { siteId: 'a' } });
    expect(outcomes).toEqual([['floor:next', 'ok']]);
  });

  it('refuses what the account may not do before looking at the payload', async () => {
    let ran = false;
    const { socket } = edge([{ 'floor:grant': async () => ((ran = true), {}) }], identities.site('a'));
    const answer = await request(socket, 'floor:grant', 'not even an object');
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ran).toBe(false);
  });

  it('answers a malformed payload with the problems, without running the handler', async () => {
    let ran = false;
    const { socket, outcomes } = edge([{ 'floor:grant': async () => ((ran = true), {}) }]);
    const answer = await request(socket, 'floor:grant', { siteId: 42, extra: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'invalid floor:grant payload' } });
    expect((answer as { error: { issues: unknown[] } }).error.issues.length).toBeGreaterThan(0);
    expect(ran).toBe(false);
    expect(outcomes).toEqual([['floor:grant', 'BAD_REQUEST']]);
  });

  it('turns what a handler throws into a coded answer, and hides internal errors', async () => {
    const { socket } = edge([
      {
        'floor:revoke': async () => {
          throw new CodedError('CONFLICT', 'the floor is already free');
        },
        'floor:muteAll': async () => {
          throw new TypeError('invalid RTP parameters');
        },
        'floor:next': async () => {
          throw new Error('connection to 10.0.0.5:5432 refused');
        },
      },
    ]);
    expect(await request(socket, 'floor:revoke', {})).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'the floor is already free' } });
    expect(await request(socket, 'floor:muteAll', {})).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'invalid RTP parameters' } });
    expect(await request(socket, 'floor:next', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
  });

  it('ignores a request without an acknowledgement and keeps serving', async () => {
    let runs = 0;
    const { socket } = edge([{ 'floor:next': async () => (runs++, { siteId: null }) }]);
    socket.emit('floor:next', {});
    expect(await request(socket, 'floor:next', {})).toEqual({ ok: true, data: { siteId: null } });
    expect(runs).toBe(1);
  });

  it('answers UNAUTHENTICATED to a socket without an identity', async () => {
    const { socket } = edge([{ 'floor:next': async () => ({ siteId: null }) }], 'anonymous');
    expect(await request(socket, 'floor:next', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers a 176 KB malformed media:produce with a short error and one short log line', async () => {
    let logged = '';
    const log = createLogger('info', 'json', { write: (line: string) => void (logged += line) });
    const { socket } = edge([{ 'media:produce': async () => ({ producerId: 'never' }) }], identities.operator, log);
    const codec = { mimeType: 7, payloadType: 'x', clockRate: 'y', parameters: { ['p'.repeat(20)]: 1 } };
    const payload = { transportId: 't', kind: 'video', source: 'camera', rtpParameters: { codecs: Array.from({ length: 2000 }, () => codec) } };
    expect(JSON.stringify(payload).length).toBeGreaterThan(170_000);

    const answer = await request(socket, 'media:produce', payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(JSON.stringify(answer).length).toBeLessThan(3000);
    expect(logged.split('\n').filter(Boolean)).toHaveLength(1);
    expect(logged.length).toBeLessThan(3000);
  });
});
