import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { PlatformIo } from '../signalling/socketServer.js';
import { LocalMeetingHosts, RedisMeetingHosts, type MeetingHosts } from './meetingHosts.js';
import { MemoryMeetingStateStore, RedisMeetingStateStore, type MeetingStateStore } from './meetingStateStore.js';
import { JoinPacer } from './joinPacer.js';
import { HEARTBEAT_MS, NodeRegistry, type NodeInfo } from './nodeRegistry.js';
import { NodeRpc } from './nodeRpc.js';

export interface ClusterNodeOptions {
  /** Present for a cluster; a node without Redis is a cluster of one. */
  redis: Redis | undefined;
  /** Where sites reach this node; known once the HTTP server listens. */
  url: () => string;
  load: () => number;
  workers: number;
  /** Site joins per second the whole cluster admits (join storms are queued to this pace). */
  joinsPerSecond: number;
  draining: () => boolean;
  /** The meetings this node hosts now, whose leases it renews. */
  hostedMeetings: () => Iterable<string>;
  /** Writes the hosted meetings' state again, so a Redis that lost it gets it back. */
  persistState: () => Promise<void>;
}

/**
 * This process as a member of the cluster: its id, where meeting state is kept, which node hosts
 * which meeting, and (with Redis) the heartbeat and the socket.io adapter through which an event
 * emitted on one node reaches sockets on every node.
 */
export class ClusterNode {
  readonly nodeId = randomUUID();
  readonly stateStore: MeetingStateStore;
  readonly hosts: MeetingHosts;
  private readonly registry: NodeRegistry | undefined;
  /** Requests between nodes (a meeting spanning several), with Redis. */
  readonly rpc: NodeRpc | undefined;
  readonly pacer: JoinPacer | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private adapterClients: Redis[] = [];

  constructor(
    private readonly options: ClusterNodeOptions,
    private readonly log: Logger,
  ) {
    const { redis } = options;
    if (redis) {
      this.registry = new NodeRegistry(
        redis,
        () => ({
          nodeId: this.nodeId,
          url: options.url(),
          load: options.load(),
          workers: options.workers,
          draining: options.draining(),
        }),
        log,
      );
      this.rpc = new NodeRpc(redis, this.nodeId, log.child({ module: 'rpc' }));
      this.pacer = new JoinPacer(redis, options.joinsPerSecond, log);
      this.stateStore = new RedisMeetingStateStore(redis);
      this.hosts = new RedisMeetingHosts(redis, this.registry);
    } else {
      this.stateStore = new MemoryMeetingStateStore();
      this.hosts = new LocalMeetingHosts();
    }
  }

  /** Tells the cluster this node's state at once (a drain), not at the next heartbeat. */
  async announce(): Promise<void> {
    await this.registry?.beat();
  }

  /** The live nodes, least loaded first (just this one without Redis). */
  async liveNodes(): Promise<NodeInfo[]> {
    return this.registry ? this.registry.live() : [];
  }

  /** Socket events to a room reach its sockets on every node (schedule pushes, staff screens). */
  attachSocketAdapter(io: PlatformIo): void {
    const { redis } = this.options;
    if (!redis) return;
    // The adapter publishes every room emit without handling a failure: with ioredis's default
    // (give up after 3 retries) an emit during a Redis restart rejected unhandled and ended the
    // process. These connections wait for Redis to come back instead.
    this.adapterClients = [redis.duplicate({ maxRetriesPerRequest: null }), redis.duplicate({ maxRetriesPerRequest: null })];
    for (const client of this.adapterClients) {
      client.on('error', (err: Error) => this.log.warn({ err: err.message }, 'socket adapter redis connection error'));
    }
    const [pub, sub] = this.adapterClients as [Redis, Redis];
    io.adapter(createAdapter(pub, sub, { key: `${redis.options.keyPrefix ?? ''}socket.io` }));
  }

  /** Joins the cluster once the node can serve: heartbeats and lease renewal start. */
  async start(): Promise<void> {
    if (!this.registry) return;
    await this.registry.start();
    this.renewTimer = setInterval(() => {
      Promise.all([this.hosts.renew(this.options.hostedMeetings()), this.options.persistState()]).catch((err: unknown) =>
        this.log.warn({ err }, 'lease renewal failed'),
      );
    }, HEARTBEAT_MS);
    this.renewTimer.unref();
    this.log.info({ nodeId: this.nodeId, url: this.options.url() }, 'joined the cluster');
  }

  async stop(): Promise<void> {
    clearInterval(this.renewTimer);
    for (const meetingId of this.options.hostedMeetings()) await this.hosts.release(meetingId).catch(() => undefined);
    await this.registry?.stop();
  }

  /** After socket.io has closed: the adapter's own Redis connections. */
  async closeAdapter(): Promise<void> {
    for (const client of this.adapterClients) client.disconnect();
  }
}
