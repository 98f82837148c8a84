import { floorStateSchema, type FloorState } from '@pm/shared';
import type { Redis } from 'ioredis';

/**
 * Where a live meeting's floor (holder, queue, spotlight) is kept between changes, so the node
 * that takes a meeting over after a crash continues with the same queue and speaker. In memory
 * for a single node; in Redis for a cluster.
 */
export interface MeetingStateStore {
  loadFloor(meetingId: string): Promise<FloorState | undefined>;
  saveFloor(meetingId: string, floor: FloorState): Promise<void>;
}

export class MemoryMeetingStateStore implements MeetingStateStore {
  private readonly floors = new Map<string, FloorState>();

  async loadFloor(meetingId: string): Promise<FloorState | undefined> {
    const floor = this.floors.get(meetingId);
    return floor && structuredClone(floor);
  }

  async saveFloor(meetingId: string, floor: FloorState): Promise<void> {
    this.floors.set(meetingId, structuredClone(floor));
  }
}

/** A day: longer than any meeting, short enough that Redis forgets meetings nobody reopens. */
const FLOOR_TTL_SECONDS = 24 * 3600;

export class RedisMeetingStateStore implements MeetingStateStore {
  constructor(private readonly redis: Redis) {}

  async loadFloor(meetingId: string): Promise<FloorState | undefined> {
    const json = await this.redis.get(floorKey(meetingId));
    if (!json) return undefined;
    const parsed = floorStateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  }

  async saveFloor(meetingId: string, floor: FloorState): Promise<void> {
    await this.redis.set(floorKey(meetingId), JSON.stringify(floor), 'EX', FLOOR_TTL_SECONDS);
  }
}

const floorKey = (meetingId: string) => `meeting:${meetingId}:floor`;
