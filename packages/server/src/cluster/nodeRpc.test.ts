import { CodedError } from '@pm/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { silentLog } from '../testing/meetingFakes.js';
import { MemoryBus } from '../testing/memoryBus.js';
import { NodeRpc } from './nodeRpc.js';

async function twoNodes() {
  const bus = new MemoryBus();
  const host = new NodeRpc(bus, 'host', silentLog);
  const edge = new NodeRpc(bus, 'edge', silentLog);
  const heard: Array<[unknown, string]> = [];
  await host.start({}, { 'peer.lost': (payload, from) => heard.push([payload, from]) });
  await edge.start(
    {
      'edge.echo': async (params) => z.object({ text: z.string() }).parse(params),
      'edge.refuse': async () => {
        throw new CodedError('NOT_FOUND', 'no such peer');
      },
      'edge.crash': async () => {
        throw new Error('worker channel closed');
      },
    },
    {},
  );
  return { bus, host, edge, heard };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('NodeRpc', () => {
  it('carries a request to another node and its answer back', async () => {
    const { host, edge } = await twoNodes();
    await expect(host.request('edge', 'edge.echo', { text: 'xin chào' })).resolves.toEqual({ text: 'xin chào' });
    await Promise.all([host.stop(), edge.stop()]);
  });

  it('brings back the other node’s coded errors; invalid parameters and unknown methods are BAD_REQUEST', async () => {
    const { host, edge } = await twoNodes();
    await expect(host.request('edge', 'edge.refuse', {})).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'no such peer' });
    await expect(host.request('edge', 'edge.echo', { text: 7 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(host.request('edge', 'edge.nothing', {})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Only the methods served: not what every object has.
    await expect(host.request('edge', 'constructor', {})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(() => edge.serve({ 'edge.echo': async () => ({}) })).toThrow('served twice');
    await expect(host.request('edge', 'edge.crash', {})).rejects.toMatchObject({ code: 'INTERNAL' });
    await Promise.all([host.stop(), edge.stop()]);
  });

  it('delivers events, and ignores malformed messages and unknown events', async () => {
    const { bus, host, edge, heard } = await twoNodes();
    await bus.publish('rpc:host', '{not json');
    await bus.publish('rpc:host', JSON.stringify({ type: 'event', from: 'edge', event: 'no.such.event', payload: {} }));
    edge.notify('host', 'peer.lost', { peerId: 'p1' });
    await vi.waitFor(() => expect(heard).toEqual([[{ peerId: 'p1' }, 'edge']]));
    await Promise.all([host.stop(), edge.stop()]);
  });

  it('gives up on a node that does not answer', async () => {
    const { bus, host, edge } = await twoNodes();
    bus.deaf.add('rpc:edge');
    await expect(host.request('edge', 'edge.echo', { text: 'x' }, 50)).rejects.toMatchObject({ code: 'MEDIA_UNAVAILABLE' });
    await Promise.all([host.stop(), edge.stop()]);
  });

  it('tells the watchers of a node once when it falls silent, and leaves it out for a while', async () => {
    vi.useFakeTimers();
    const { bus, host, edge } = await twoNodes();
    let lost = 0;
    host.watch('edge', () => lost++);
    await vi.advanceTimersByTimeAsync(3000);
    expect(lost).toBe(0);
    expect(host.isLost('edge')).toBe(false);
    bus.deaf.add('rpc:edge');
    await vi.advanceTimersByTimeAsync(6000);
    expect(lost).toBe(1);
    expect(host.isLost('edge')).toBe(true);
    await vi.advanceTimersByTimeAsync(11_000);
    expect(lost).toBe(1);
    expect(host.isLost('edge')).toBe(false);
    await Promise.all([host.stop(), edge.stop()]);
  });

  it('rejects the requests still waiting when it stops', async () => {
    const { bus, host, edge } = await twoNodes();
    bus.deaf.add('rpc:edge');
    const waiting = host.request('edge', 'edge.echo', { text: 'x' });
    await host.stop();
    await expect(waiting).rejects.toMatchObject({ code: 'MEDIA_UNAVAILABLE' });
    await edge.stop();
  });
});
