import { CodedError } from '@pm/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@pm/server/db/testDatabase.ts';
import { freeRestartablePort } from '@pm/server/testing/mediaPorts.ts';
import { RedisServer } from '../support/redisServer.ts';
import { clusterNameFor, ServerProcess } from '../support/serverProcess.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two nodes on a Redis of the test's own, which is killed mid-meeting and comes back empty (no
 * persistence). The cluster must recover by itself: the host re-creates its meeting's lease (no
 * second node may take a running meeting) and writes the floor back, so the meeting still moves
 * with its floor when the host is lost afterwards.
 */
describe('a two-node cluster across a Redis restart', () => {
  let db: TestDatabase;
  let redis: RedisServer;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  let meetingId: string;
  let hoangHoaId: string;
  const clients: ProtocolClient[] = [];

  async function connect(node: ServerProcess, username: string): Promise<ProtocolClient> {
    const client = await ProtocolClient.connect(node.url, username);
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = new RedisServer(await freeRestartablePort());
    await redis.start();
    const env = { REDIS_URL: redis.url, DRAIN_TIMEOUT_SECONDS: '1' };
    nodeA = await ServerProcess.create(db.url, env);
    nodeB = await ServerProcess.create(db.url, env);
    await nodeA.start();
    await nodeB.start();
    const meeting = await createMeeting(db.prisma, { title: 'Họp trực tuyến khi Redis khởi động lại', siteCodes: ['15865'] });
    meetingId = meeting.meetingId;
    hoangHoaId = meeting.siteIds['15865']!;
    const operator = await connect(nodeA, 'vanhanh');
    await operator.request('meeting:join', { meetingId });
    await operator.request('floor:grant', { siteId: hoangHoaId });
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await nodeA?.stop();
    await nodeB?.stop();
    await redis?.kill();
    await db?.drop();
  });

  it('keeps the meeting on its host after Redis comes back empty', async () => {
    await redis.kill();
    await sleep(1000);
    await redis.start();
    // Recovering by itself: within a few heartbeats the host holds its meeting's lease again.
    const probe = new Redis(redis.url, { lazyConnect: true, keyPrefix: `${clusterNameFor(db.url)}:` });
    await probe.connect();
    const since = Date.now();
    const recovered = async () =>
      !!(await probe.get(`meeting:${meetingId}:host`)) && (await probe.hlen('nodes')) === 2;
    while (!(await recovered()) && Date.now() - since < 15_000) await sleep(250);
    expect(await recovered(), 'lease and registry back within 15 s').toBe(true);
    probe.disconnect();
    const elsewhere = await connect(nodeB, '15865');
    const refusal = await elsewhere.request('meeting:join', { meetingId }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CodedError);
    expect(refusal).toMatchObject({ code: 'MOVED', location: nodeA.url });
  });

  it('still moves the meeting with its floor when the host is lost after the restart', async () => {
    await nodeA.kill();
    const killedAt = Date.now();
    let floorHolder: string | null | undefined;
    while (floorHolder === undefined && Date.now() - killedAt < 15_000) {
      const site = await connect(nodeB, '15865');
      floorHolder = await site.request('meeting:join', { meetingId }).then(
        ({ summary }) => summary.floor.holder?.siteId ?? null,
        async (error: unknown) => {
          if (!(error instanceof CodedError) || error.code !== 'MOVED') throw error;
          await sleep(250);
          return undefined;
        },
      );
    }
    expect(floorHolder).toBe(hoangHoaId);
  });
});
