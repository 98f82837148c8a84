import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { LocalMeetingHosts, RedisMeetingHosts, type MeetingHosts } from './meetingHosts.js';
import { MemoryMeetingStateStore, RedisMeetingStateStore, type MeetingStateStore } from './meetingStateStore.js';
import { JoinPacer } from './joinPacer.js';
import { HEARTBEAT_MS, NodeRegistry, type NodeInfo } from './nodeRegistry.js';
import { RedisMessageBus } from './messageBus.js';
import { NodeRpc } from './nodeRpc.js';

export interface ClusterNodeOptions {
  /** Present for a cluster; a node without Redis is a cluster of one. */
  redis: Redis | undefined;
  workers: number;
  /** Site joins per second the whole cluster admits (join storms are queued to this pace). */
  joinsPerSecond: number;
}

/** What the heartbeat reads from the node that has started serving. */
export interface ServingNode {
  /** Where sites reach this node. */
  url: string;
  load: () => number;
  draining: () => boolean;
  /** The meetings this node hosts now, whose leases it renews. */
  hostedMeetings: () => Iterable<string>;
  /** Writes the hosted meetings' state again, so a Redis that lost it gets it back. */
  persistState: () => Promise<void>;
}

/**
 * This process as a member of the cluster: its id, where meeting state is kept, which node hosts
 * which meeting, and (with Redis, once the node serves) the heartbeat and lease renewal.
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
  private serving: ServingNode | undefined;

  constructor(
    options: ClusterNodeOptions,
    private readonly log: Logger,
  ) {
    const { redis } = options;
    if (redis) {
      this.registry = new NodeRegistry(
        redis,
        () => ({
          nodeId: this.nodeId,
          url: this.serving?.url ?? '',
          load: this.serving?.load() ?? 0,
          workers: options.workers,
          draining: this.serving?.draining() ?? false,
        }),
        log,
      );
      this.rpc = new NodeRpc(new RedisMessageBus(redis, log), this.nodeId, log.child({ module: 'rpc' }));
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

  /** Joins the cluster once the node serves: heartbeats and lease renewal start. */
  async start(serving: ServingNode): Promise<void> {
    this.serving = serving;
    if (!this.registry) return;
    await this.registry.start();
    this.renewTimer = setInterval(() => {
      Promise.all([this.hosts.renew(serving.hostedMeetings()), serving.persistState()]).catch((err: unknown) =>
        this.log.warn({ err }, 'lease renewal failed'),
      );
    }, HEARTBEAT_MS);
    this.renewTimer.unref();
    this.log.info({ nodeId: this.nodeId, url: serving.url }, 'joined the cluster');
  }

  async stop(): Promise<void> {
    clearInterval(this.renewTimer);
    for (const meetingId of this.serving?.hostedMeetings() ?? []) await this.hosts.release(meetingId).catch(() => undefined);
    await this.registry?.stop();
  }
}
