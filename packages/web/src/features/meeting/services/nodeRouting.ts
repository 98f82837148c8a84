import { CodedError } from '@pm/shared';
import type { SignallingClient } from '../../../signalling/signallingClient';

/** Failed connection attempts to a node other than the page's own, before going back to the page's own. */
export const NODE_ATTEMPTS = 3;
/** A node refusing joins while it drains (or while its meeting's host is replaced) is asked again after this pause. */
export const DRAINING_RETRY_MS = 2000;

/** The part of a node's signalling that routing watches (a `SignallingClient`, or a test's fake). */
export type NodeSignalling = Pick<SignallingClient, 'close'> & {
  readonly socket: { on(event: 'connect' | 'disconnect' | 'connect_error', listener: () => void): unknown };
  on(name: 'node:draining', listener: (payload: { reconnectWithinSeconds: number }) => void): () => void;
};

/** What routing tells its owner, always about the node currently chosen. */
export interface RoutingListener<S> {
  /** Signalling to a node was opened: subscribe to its events. */
  opened(signalling: S): void;
  /** Connected, first or again (socket.io reconnects by itself): join afresh. */
  connected(): void;
  /** The connection dropped; socket.io is trying again. */
  lost(): void;
  /** The connection leaves this node for another: what was built on it goes. */
  leaving(): void;
}

/**
 * Which node of the cluster a meeting screen talks to. A meeting runs on one node at a time: the
 * page's origin (the load balancer) may answer MOVED with the host's address; a node being drained
 * sends its clients back to the origin, spread over half its notice so they do not all arrive at
 * once; a node other than the origin that stops answering has probably died, so the screen goes
 * back to the origin. Events from a node already left are ignored.
 */
export class NodeRouting<S extends NodeSignalling = SignallingClient> {
  private current: S | undefined;
  private failedAttempts = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly origin: string,
    private readonly open: (url: string) => S,
    private readonly listener: RoutingListener<S>,
    /** Where in the drain notice this screen leaves (tests pass a fixed value). */
    private readonly random: () => number = Math.random,
  ) {}

  /** The current node's signalling; undefined before `start` and after `stop`. */
  get signalling(): S | undefined {
    return this.current;
  }

  start(): void {
    if (!this.current) this.connect(this.origin);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const left = this.current;
    this.current = undefined;
    left?.close();
  }

  /**
   * The node refused the join. MOVED with a location: go there. Draining, or MOVED without a
   * place (the meeting's host is being replaced): `retry` shortly. Returns false for any other refusal.
   */
  joinRefused(error: unknown, retry: () => void): boolean {
    if (!(error instanceof CodedError)) return false;
    if (error.code === 'MOVED' && error.location) {
      this.moveTo(error.location);
      return true;
    }
    if (error.code === 'NODE_DRAINING' || error.code === 'MOVED') {
      this.later(DRAINING_RETRY_MS, retry);
      return true;
    }
    return false;
  }

  private connect(url: string): void {
    const signalling = this.open(url);
    this.current = signalling;
    this.failedAttempts = 0;
    const whileCurrent = (handler: () => void) => () => {
      if (this.current === signalling) handler();
    };
    this.listener.opened(signalling);
    signalling.socket.on(
      'connect',
      whileCurrent(() => {
        this.failedAttempts = 0;
        this.listener.connected();
      }),
    );
    signalling.socket.on(
      'disconnect',
      whileCurrent(() => this.listener.lost()),
    );
    signalling.socket.on(
      'connect_error',
      whileCurrent(() => {
        if (++this.failedAttempts >= NODE_ATTEMPTS && url !== this.origin) this.moveTo(this.origin);
      }),
    );
    signalling.on('node:draining', ({ reconnectWithinSeconds }) => {
      const delayMs = this.random() * reconnectWithinSeconds * 500;
      this.later(
        delayMs,
        whileCurrent(() => this.moveTo(this.origin)),
      );
    });
  }

  private moveTo(url: string): void {
    const left = this.current;
    if (!left) return;
    this.listener.leaving();
    left.close();
    this.connect(url);
  }

  private later(delayMs: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, delayMs);
    this.timers.add(timer);
  }
}
