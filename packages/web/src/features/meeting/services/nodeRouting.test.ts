import { CodedError } from '@pm/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAINING_RETRY_MS, NODE_ATTEMPTS, NodeRouting, type NodeSignalling } from './nodeRouting';

const ORIGIN = 'https://hop.thanhhoa.gov.vn';
const NODE_B = 'https://node-b.hop.thanhhoa.gov.vn';

/** One node's signalling as routing sees it: the test plays the socket's and the server's part. */
class FakeNode implements NodeSignalling {
  closed = false;
  private readonly socketListeners = new Map<string, Array<() => void>>();
  private readonly drainListeners: Array<(payload: { reconnectWithinSeconds: number }) => void> = [];
  readonly socket = {
    on: (event: string, listener: () => void) => {
      this.socketListeners.set(event, [...(this.socketListeners.get(event) ?? []), listener]);
    },
  };

  constructor(readonly url: string) {}

  on(_name: 'node:draining', listener: (payload: { reconnectWithinSeconds: number }) => void): () => void {
    this.drainListeners.push(listener);
    return () => undefined;
  }

  close(): void {
    this.closed = true;
    // socket.io says "disconnect" when the client itself closes, as a real socket does.
    this.emit('disconnect');
  }

  emit(event: 'connect' | 'disconnect' | 'connect_error'): void {
    for (const listener of this.socketListeners.get(event) ?? []) listener();
  }

  drain(reconnectWithinSeconds: number): void {
    for (const listener of this.drainListeners) listener({ reconnectWithinSeconds });
  }
}

function setUp(random = 0.5) {
  const nodes: FakeNode[] = [];
  const heard: string[] = [];
  const routing = new NodeRouting<FakeNode>(
    ORIGIN,
    (url) => {
      const node = new FakeNode(url);
      nodes.push(node);
      return node;
    },
    {
      opened: (node) => heard.push(`opened ${node.url}`),
      connected: () => heard.push('connected'),
      lost: () => heard.push('lost'),
      leaving: () => heard.push('leaving'),
    },
    () => random,
  );
  routing.start();
  const current = () => routing.signalling!;
  return { routing, nodes, heard, current };
}

describe('NodeRouting', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts at the page’s origin and reports connection and loss', () => {
    const { heard, current } = setUp();
    current().emit('connect');
    current().emit('disconnect');
    current().emit('connect');
    expect(heard).toEqual([`opened ${ORIGIN}`, 'connected', 'lost', 'connected']);
  });

  it('follows MOVED with a location to the meeting’s host, closing the origin connection', () => {
    const { routing, nodes, heard, current } = setUp();
    const retry = vi.fn();
    expect(routing.joinRefused(new CodedError('MOVED', 'hosted elsewhere', undefined, NODE_B), retry)).toBe(true);
    expect(nodes[0]!.closed).toBe(true);
    expect(current().url).toBe(NODE_B);
    expect(heard.slice(1)).toEqual(['leaving', 'lost', `opened ${NODE_B}`]);
    vi.advanceTimersByTime(DRAINING_RETRY_MS * 2);
    expect(retry).not.toHaveBeenCalled();
  });

  it('MOVED without a place, or a draining node, is asked again after a pause on the same node', () => {
    for (const error of [new CodedError('MOVED', 'host being replaced'), new CodedError('NODE_DRAINING', 'draining')]) {
      const { routing, nodes } = setUp();
      const retry = vi.fn();
      expect(routing.joinRefused(error, retry)).toBe(true);
      vi.advanceTimersByTime(DRAINING_RETRY_MS - 1);
      expect(retry).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(retry).toHaveBeenCalledTimes(1);
      expect(nodes).toHaveLength(1);
    }
  });

  it('other refusals are not routing’s to handle', () => {
    const { routing } = setUp();
    expect(routing.joinRefused(new CodedError('FORBIDDEN', 'not invited'), () => undefined)).toBe(false);
    expect(routing.joinRefused(new Error('boom'), () => undefined)).toBe(false);
  });

  it('a draining node is left for the origin at a random point within half its notice', () => {
    for (const [random, expectedMs] of [
      [0, 0],
      [0.5, 7500],
      [0.999, 14_985],
    ] as const) {
      const { nodes, routing, current } = setUp(random);
      routing.joinRefused(new CodedError('MOVED', 'hosted elsewhere', undefined, NODE_B), () => undefined);
      current().drain(30);
      if (expectedMs > 0) {
        vi.advanceTimersByTime(expectedMs - 1);
        expect(current().url).toBe(NODE_B);
      }
      vi.advanceTimersByTime(1);
      expect(current().url).toBe(ORIGIN);
      expect(nodes[1]!.closed).toBe(true);
      expect(expectedMs).toBeLessThan(30_000 / 2);
    }
  });

  it('a node other than the origin that stops answering is given up for the origin', () => {
    const { routing, current } = setUp();
    routing.joinRefused(new CodedError('MOVED', 'hosted elsewhere', undefined, NODE_B), () => undefined);
    for (let i = 1; i < NODE_ATTEMPTS; i++) current().emit('connect_error');
    expect(current().url).toBe(NODE_B);
    current().emit('connect_error');
    expect(current().url).toBe(ORIGIN);
  });

  it('a connection that comes back resets the count of failed attempts', () => {
    const { routing, current } = setUp();
    routing.joinRefused(new CodedError('MOVED', 'hosted elsewhere', undefined, NODE_B), () => undefined);
    for (let i = 1; i < NODE_ATTEMPTS; i++) current().emit('connect_error');
    current().emit('connect');
    for (let i = 1; i < NODE_ATTEMPTS; i++) current().emit('connect_error');
    expect(current().url).toBe(NODE_B);
  });

  it('the origin itself is never given up: socket.io keeps trying it', () => {
    const { nodes, current } = setUp();
    for (let i = 0; i < NODE_ATTEMPTS * 3; i++) current().emit('connect_error');
    expect(nodes).toHaveLength(1);
  });

  it('stopping cancels a pending move and retry, and a node left behind is no longer heard', () => {
    const { routing, nodes, heard } = setUp();
    const origin = nodes[0]!;
    const retry = vi.fn();
    routing.joinRefused(new CodedError('NODE_DRAINING', 'draining'), retry);
    origin.drain(10);
    routing.stop();
    vi.advanceTimersByTime(60_000);
    expect(retry).not.toHaveBeenCalled();
    expect(nodes).toHaveLength(1);
    expect(origin.closed).toBe(true);
    origin.emit('connect');
    expect(heard).toEqual([`opened ${ORIGIN}`]);
    expect(routing.signalling).toBeUndefined();
  });
});
