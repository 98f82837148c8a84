import type { Redis } from 'ioredis';
import { NODE_TTL_MS, type NodeRegistry } from './nodeRegistry.js';

/** Where a meeting runs: here, on a known node, or on a node not (yet) registered: ask again. */
export type Claim = { here: true } | { here: false; nodeId: string; url: string | undefined };

/**
 * Which node hosts each live meeting. A meeting runs on one node at a time (its routers, floor
 * and programme in one place); the claim is a lease that the host renews with its heartbeat, so
 * when the host dies the lease lapses within NODE_TTL_MS and the next join takes it over.
 */
export interface MeetingHosts {
  claim(meetingId: string): Promise<Claim>;
  release(meetingId: string): Promise<void>;
  /** Keeps this node's claims alive (called with every heartbeat). */
  renew(meetingIds: Iterable<string>): Promise<void>;
  /** The node holding the meeting's lease, without claiming it (undefined: none, or a single node). */
  holder(meetingId: string): Promise<string | undefined>;
}

/** A single node hosts every meeting. */
export class LocalMeetingHosts implements MeetingHosts {
  async claim(): Promise<Claim> {
    return { here: true };
  }
  async release(): Promise<void> {}
  async renew(): Promise<void> {}
  async holder(): Promise<string | undefined> {
    return undefined;
  }
}

// Atomic "set to me if it is (still) X": takeover of a dead host's lease.
const COMPARE_AND_SET = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return false`;

// Renewal: keep our lease, and re-create it if Redis lost it (a restart without persistence);
// never take a lease another node holds.
const RENEW = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] or holder == false then
  return redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
return false`;

export class RedisMeetingHosts implements MeetingHosts {
  constructor(
    private readonly redis: Redis,
    private readonly registry: NodeRegistry,
  ) {}

  async claim(meetingId: string): Promise<Claim> {
    const key = hostKey(meetingId);
    const self = this.registry.nodeId;
    if (await this.redis.set(key, self, 'PX', NODE_TTL_MS, 'NX')) return { here: true };
    const holder = await this.redis.get(key);
    if (holder === null) return this.claim(meetingId);
    if (holder === self) return { here: true };
    const host = (await this.registry.live()).find((n) => n.nodeId === holder);
    // A holder missing from the registry is not taken for dead: after a Redis restart its lease can
    // be back before its heartbeat. A dead host cannot renew, so its lease lapses by itself.
    if (!host) return { here: false, nodeId: holder, url: undefined };
    // Not taken over: a live host, unless it is draining or is this node's own address (this node
    // before a crash and restart).
    if (!host.draining && host.url !== this.registry.url) return { here: false, nodeId: host.nodeId, url: host.url };
    const taken = await this.redis.eval(COMPARE_AND_SET, 1, key, holder, self, NODE_TTL_MS);
    return taken ? { here: true } : this.claim(meetingId);
  }

  async holder(meetingId: string): Promise<string | undefined> {
    return (await this.redis.get(hostKey(meetingId))) ?? undefined;
  }

  async release(meetingId: string): Promise<void> {
    const self = this.registry.nodeId;
    await this.redis.eval(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`, 1, hostKey(meetingId), self);
  }

  async renew(meetingIds: Iterable<string>): Promise<void> {
    const self = this.registry.nodeId;
    await Promise.all(
      [...meetingIds].map((id) => this.redis.eval(RENEW, 1, hostKey(id), self, NODE_TTL_MS)),
    );
  }
}

const hostKey = (meetingId: string) => `meeting:${meetingId}:host`;
