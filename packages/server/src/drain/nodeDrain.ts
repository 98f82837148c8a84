import os from 'node:os';
import type { ComponentHealth, DrainStatus } from '@pm/shared';
import type { Logger } from '../logger.js';

/** How often a stopping node looks whether its last participant has gone. */
const POLL_MS = 250;

export interface NodeDrainOptions {
  /** Meeting participants connected to this node now, or whose media run here. */
  participants(): Promise<number>;
  /**
   * The drain started or was cancelled: the cluster must know at once, and (when it starts) the
   * hosts of the sites whose media run here, for meetings hosted elsewhere, must move them.
   */
  changed(draining: boolean): void;
  /** What clients are told: move within this many seconds (the shutdown's wait). */
  reconnectWithinSeconds: number;
  /** Tells every client connected to this node (not the cluster's) to move. */
  tellClients(notice: DrainNotice): void;
}

export interface DrainNotice {
  reconnectWithinSeconds: number;
}

/**
 * Taking one node of the cluster out of service without cutting a meeting: while draining, the
 * node refuses new joins with NODE_DRAINING, tells its clients to move (`node:draining`), and
 * /healthz answers 503 so the load balancer sends new connections elsewhere. Meetings live on in
 * the cluster; only this node's share of them moves.
 */
export class NodeDrain {
  private since: Date | undefined;

  constructor(
    private readonly options: NodeDrainOptions,
    private readonly log: Logger,
  ) {}

  get draining(): boolean {
    return this.since !== undefined;
  }

  start(reason: string): void {
    if (this.since) return;
    this.since = new Date();
    this.log.warn({ reason }, 'draining: refusing new joins, asking clients to move to another node');
    this.options.tellClients(this.notice);
    this.options.changed(true);
  }

  cancel(reason: string): void {
    if (!this.since) return;
    this.since = undefined;
    this.log.warn({ reason }, 'draining cancelled: accepting joins again');
    this.options.changed(false);
  }

  async status(): Promise<DrainStatus> {
    return { node: os.hostname(), draining: this.draining, participants: await this.options.participants() };
  }

  /** The /healthz entry: down while draining, so load balancers stop sending new sites here. */
  health(): ComponentHealth {
    return this.since
      ? { name: 'drain', ok: false, detail: `draining since ${this.since.toISOString()}: new joins go to other nodes` }
      : { name: 'drain', ok: true, detail: 'accepting joins' };
  }

  /**
   * Starts draining and resolves once no participant is left on this node, or at the timeout;
   * resolves with the number still connected.
   */
  async drainAndWait(reason: string, timeoutMs: number): Promise<number> {
    this.start(reason);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = await this.options.participants();
      if (left === 0 || Date.now() >= deadline) return left;
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, deadline - Date.now())));
    }
  }

  /** What a client connected to this node hears while it drains. */
  get notice(): DrainNotice {
    return { reconnectWithinSeconds: this.options.reconnectWithinSeconds };
  }
}
