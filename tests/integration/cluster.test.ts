import { CodedError, type ResponseData } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@pm/server/db/testDatabase.ts';
import { ServerProcess } from '../support/serverProcess.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

type Joined = ResponseData<'meeting:join'>;

/**
 * Two nodes on one PostgreSQL and one Redis. A meeting is hosted by one node at a time: a join
 * that reaches the other node is sent to the host. When the host is killed, the meeting moves to
 * the surviving node and keeps its floor and queue.
 */
describe('a meeting on a two-node cluster', () => {
  let db: TestDatabase;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  let meetingId: string;
  const ids: Record<string, string> = {};
  const clients: ProtocolClient[] = [];

  async function joinAt(node: ServerProcess, username: string): Promise<{ client: ProtocolClient; joined: Joined }> {
    const client = await ProtocolClient.connect(node.url, username);
    clients.push(client);
    return { client, joined: await client.request('meeting:join', { meetingId }) };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    // Short drains: stopping a node at the end of the test should not wait for its kiosks.
    nodeA = await ServerProcess.create(db.url, { DRAIN_TIMEOUT_SECONDS: '1' });
    nodeB = await ServerProcess.create(db.url, { DRAIN_TIMEOUT_SECONDS: '1' });
    await nodeA.start();
    await nodeB.start();
    const meeting = await createMeeting(db.prisma, {
      title: 'Họp trực tuyến trên hai máy chủ',
      siteCodes: ['15865', '15991'],
    });
    meetingId = meeting.meetingId;
    Object.assign(ids, meeting.siteIds);
    // The meeting runs on node A: an operator, two rooms asking for the floor, one granted it.
    const { client: operator } = await joinAt(nodeA, 'vanhanh');
    const { client: hoangHoa } = await joinAt(nodeA, '15865');
    const { client: hoangDao } = await joinAt(nodeA, '15991');
    await hoangHoa.request('floor:request', {});
    await hoangDao.request('floor:request', {});
    await operator.request('floor:grant', { siteId: ids['15865']! });
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await nodeA?.stop();
    await nodeB?.stop();
    await db?.drop();
  });

  it('sends a site that reaches the wrong node to the node hosting the meeting', async () => {
    const elsewhere = await ProtocolClient.connect(nodeB.url, '15991');
    clients.push(elsewhere);
    const refusal = await elsewhere.request('meeting:join', { meetingId }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CodedError);
    expect(refusal).toMatchObject({ code: 'MOVED', location: nodeA.url });
  });

  it('moves the meeting to the surviving node when its host is killed, floor and queue kept', async () => {
    await nodeA.kill();
    const killedAt = Date.now();
    // The rooms reconnect to the other node, as the kiosk does, until the dead host's lease lapses.
    let joined: Joined | undefined;
    while (!joined && Date.now() - killedAt < 15_000) {
      joined = await joinAt(nodeB, '15991').then(
        (j) => j.joined,
        async (error: unknown) => {
          if (!(error instanceof CodedError) || error.code !== 'MOVED') throw error;
          await new Promise((r) => setTimeout(r, 250));
          return undefined;
        },
      );
    }
    const recoveryMs = Date.now() - killedAt;
    expect(joined, 'the meeting reopened on the surviving node').toBeDefined();
    expect(recoveryMs).toBeLessThan(10_000);
    expect(joined!.summary.floor.holder?.siteId).toBe(ids['15865']);
    expect(joined!.summary.floor.queue.map((r) => r.siteId)).toEqual([ids['15991']]);
    console.log(`[cluster] meeting reopened on the surviving node ${recoveryMs} ms after the host was killed`);
  });
});
