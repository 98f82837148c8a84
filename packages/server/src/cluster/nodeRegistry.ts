import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** What a node tells the cluster about itself, with every heartbeat. */
export interface NodeInfo {
  nodeId: string;
  /** Where sites reach this node's signalling and web app. */
  url: string;
  /** Clients on all its workers (what a site costs the node: it receives the programme). */
  load: number;
  /** Its mediasoup workers (load per worker decides where a site goes). */
  workers: number;
  draining: boolean;
  heartbeatAt: number;
}

const KEY = 'nodes';
export const HEARTBEAT_MS = 2000;
/** Three missed heartbeats and a node is taken as dead. */
export const NODE_TTL_MS = 3 * HEARTBEAT_MS;

/**
 * The nodes of the cluster, in one Redis hash: each node writes its own entry every two seconds;
 * readers ignore (and prune) entries whose heartbeat is too old, so a killed node drops out by
 * itself within NODE_TTL_MS.
 */
export class NodeRegistry {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly self: () => Omit<NodeInfo, 'heartbeatAt'>,
    private readonly log: Logger,
  ) {}

  get nodeId(): string {
    return this.self().nodeId;
  }

  get url(): string {
    return this.self().url;
  }

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      this.beat().catch((err: unknown) => this.log.warn({ err }, 'heartbeat failed'));
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.hdel(KEY, this.nodeId).catch(() => undefined);
  }

  /** Live nodes, least loaded first; draining nodes last. */
  async live(now = Date.now()): Promise<NodeInfo[]> {
    const entries = await this.redis.hgetall(KEY);
    const nodes: NodeInfo[] = [];
    const dead: string[] = [];
    for (const [nodeId, json] of Object.entries(entries)) {
      const info = JSON.parse(json) as NodeInfo;
      if (now - info.heartbeatAt <= NODE_TTL_MS) nodes.push(info);
      else dead.push(nodeId);
    }
    if (dead.length > 0) await this.redis.hdel(KEY, ...dead);
    return nodes.sort((a, b) => Number(a.draining) - Number(b.draining) || a.load - b.load);
  }

  /** Writes this node's entry now (its state changed: a drain must be seen before the next beat). */
  async beat(): Promise<void> {
    try {
      await this.redis.hset(KEY, this.nodeId, JSON.stringify({ ...this.self(), heartbeatAt: Date.now() }));
    } catch (err) {
      // Redis is restarting: ioredis reconnects by itself and the next beat goes through.
      this.log.warn({ err }, 'node heartbeat failed');
    }
  }
}
