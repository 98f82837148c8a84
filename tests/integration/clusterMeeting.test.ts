import { meetingAttendanceReportSchema } from '@pm/shared';
import { DEFAULT_DEMO_PASSWORD } from '@pm/server/directory/seedData.ts';
import { createTestDatabase, type TestDatabase } from '@pm/server/db/testDatabase.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeVideoArrival } from '../bots/botStats.ts';
import {
  grantFloorFromChair,
  openMeetingInBrowser,
  revokeFloorFromChair,
  type BrowserParticipant,
} from '../bots/meetingBrowsers.ts';
import { pickSites, provisionSiteAccounts, scheduleMeeting } from '../support/meetingFixture.ts';
import { epochMs } from '../bots/rtpCounter.ts';
import { BotFleet } from '../bots/botFleet.ts';
import { callApi, login } from '../support/auth.ts';
import { launchChromium } from '../support/chromium.ts';
import { ServerProcess } from '../support/serverProcess.ts';

const BOT_COUNT = 9;
const SPEAKER = '15865';
const WORKER_RECOVERY_MS = 5_000;
const NODE_RECOVERY_MS = 10_000;

/** One sample of a Prometheus text exposition, summed over its label sets. */
function metricSum(text: string, name: string): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/**
 * One meeting across three nodes on loopback (three server processes, one worker each, the
 * machine's PostgreSQL and Redis). The chair's console and the bots signal to the meeting's host;
 * each site's media are placed on the least-loaded node, and the programme is piped to the others
 * node to node. Then a worker of one node and a whole node are killed with SIGKILL.
 */
describe('one meeting spanning a three-node cluster', () => {
  let db: TestDatabase;
  const nodes: ServerProcess[] = [];
  let browser: Browser;
  let chair: BrowserParticipant;
  let speaker: BrowserParticipant;
  let speakerSite: { id: string; name: string };
  let bots: BotFleet;
  let meetingId: string;

  const fleet = () => bots.stats();
  const metrics = async (node: ServerProcess) => (await fetch(`${node.url}/metrics`)).text();
  /** Clients whose media run on each node now. */
  const clientsPerNode = async () => Promise.all(nodes.map(async (node) => metricSum(await metrics(node), 'pm_mediasoup_worker_peers')));
  /** Bots told to rejoin since `joinsBefore` was taken. */
  const rejoinedSince = (joinsBefore: number[]) =>
    fleet().filter((bot, i) => bot.joins.slice(joinsBefore[i]).some((join) => join.reason === 'reconnectRequired'));

  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 0; i < 3; i++) {
      const node = await ServerProcess.create(db.url, { MEDIASOUP_NUM_WORKERS: '1', DRAIN_TIMEOUT_SECONDS: '1' });
      await node.start();
      nodes.push(node);
    }
    const [host] = nodes as [ServerProcess];
    browser = await launchChromium();
    const speakerAccount = await db.prisma.user.findUniqueOrThrow({ where: { username: SPEAKER }, include: { site: true } });
    speakerSite = speakerAccount.site!;
    const botSites = await pickSites(db.prisma, BOT_COUNT, [speakerSite.id]);
    const accounts = await provisionSiteAccounts(db.prisma, botSites);
    meetingId = await scheduleMeeting(db.prisma, {
      title: 'Họp trực tuyến trên ba máy chủ',
      chairUsername: 'chutich',
      siteIds: [speakerSite.id, ...botSites],
    });
    await db.prisma.agendaItem.createMany({
      data: ['Tình hình kinh tế - xã hội', 'Phòng, chống thiên tai'].map((title, i) => ({ meetingId, position: i + 1, title, plannedMinutes: 30 })),
    });

    // The first join makes node 0 the host. The chair's media stay there; sites go where the load is
    // least. Each browser is live (joined, sending its camera) before the next joins, so the speaker
    // finds the host holding the chair and goes to another node, whose camera then crosses to the host.
    const live = (participant: BrowserParticipant) =>
      participant.screen.page.locator('[data-testid="meeting-screen"][data-phase="live"]').waitFor({ timeout: 60_000 });
    chair = await openMeetingInBrowser(browser, host.url, meetingId, { username: 'chutich', password: DEFAULT_DEMO_PASSWORD });
    await live(chair);
    speaker = await openMeetingInBrowser(browser, host.url, meetingId, { username: SPEAKER, password: DEFAULT_DEMO_PASSWORD });
    await live(speaker);
    bots = await BotFleet.start(host.url, meetingId, accounts);
  }, 180_000);

  afterAll(async () => {
    bots?.close();
    await chair?.context.close();
    await speaker?.context.close();
    await browser?.close();
    for (const node of nodes) await node.stop();
    await db?.drop();
  });

  it('spreads the sites over the three nodes, and every bot receives the chair’s programme', async () => {
    await expect.poll(() => bots.receiving(null), { timeout: 30_000 }).toBe(BOT_COUNT);
    const clients = await clientsPerNode();
    // Chair + speaker + 9 bots = 11 clients, placed by load: no node is left out or piled on.
    expect(clients.reduce((a, b) => a + b, 0)).toBe(BOT_COUNT + 2);
    for (const count of clients) expect(count).toBeGreaterThanOrEqual(3);
    // Every site signals to the host, wherever its media run.
    expect(metricSum(await metrics(nodes[0]!), 'pm_meeting_sites_joined')).toBe(BOT_COUNT + 1);
    expect(metricSum(await metrics(nodes[1]!), 'pm_cascade_remote_sites') + metricSum(await metrics(nodes[2]!), 'pm_cascade_remote_sites')).toBe(
      clients[1]! + clients[2]!,
    );
  }, 60_000);

  it('the secretary’s minutes screen, on whichever node the load balancer picks, follows the meeting and names its agenda item', async () => {
    const path = `/api/meetings/${meetingId}/minutes`;
    const secretary = await login(nodes[1]!.url, 'vanphong');
    for (const node of nodes) {
      expect((await callApi(node.url, secretary, 'GET', `${path}/live`)).body, node.url).toMatchObject({ live: true, agendaItem: null });
    }
    // Named on another node than the host: the host moves the meeting, and the rooms are told.
    expect(await callApi(nodes[2]!.url, secretary, 'PATCH', `${path}/agenda-item`, { position: 2 })).toMatchObject({ status: 200, body: { position: 2 } });
    const item = speaker.screen.page.getByTestId('current-agenda-item');
    await expect.poll(() => item.getAttribute('data-position'), { timeout: 10_000 }).toBe('2');
    for (const node of nodes) {
      expect((await callApi(node.url, secretary, 'GET', `${path}/live`)).body, node.url).toMatchObject({ live: true, agendaItem: 2 });
    }
    expect((await callApi(nodes[1]!.url, secretary, 'PATCH', `${path}/agenda-item`, { position: 3 })).status).toBe(404);
  }, 30_000);

  it('a site’s camera crosses from its node only while the host receives it; on the floor it reaches every node', async () => {
    const cameras = async () => {
      const text = await metrics(nodes[0]!);
      return { flowing: metricSum(text, 'pm_cascade_cameras_flowing'), held: metricSum(text, 'pm_cascade_cameras_held') };
    };
    // The chair's site wall shows the speaker's tile: its camera crosses to the host for it.
    await expect.poll(cameras, { timeout: 10_000 }).toEqual({ flowing: 1, held: 0 });
    // The chair filters the wall to the absent sites: nobody on the host receives that camera, so
    // it stays on its node.
    await chair.screen.page.locator('.wall select').nth(1).selectOption('absent');
    await expect.poll(cameras, { timeout: 5_000 }).toEqual({ flowing: 0, held: 1 });
    const grantedAt = await grantFloorFromChair(chair.screen, speaker.screen, speakerSite.name);
    await expect
      .poll(() => fleet().filter((bot) => programmeVideoArrival(bot, speakerSite.id, grantedAt) !== undefined).length, {
        timeout: 15_000,
      })
      .toBe(BOT_COUNT);
    expect(await bots.receiving(speakerSite.id)).toBe(BOT_COUNT);
    expect(await cameras()).toEqual({ flowing: 1, held: 0 });
    const revokedAt = await revokeFloorFromChair(chair.screen);
    await expect
      .poll(() => fleet().filter((bot) => programmeVideoArrival(bot, null, revokedAt) !== undefined).length, {
        timeout: 15_000,
      })
      .toBe(BOT_COUNT);
    // Off the programme, the camera is held back on its node again.
    await expect.poll(cameras, { timeout: 5_000 }).toEqual({ flowing: 0, held: 1 });
    await chair.screen.page.locator('.wall select').nth(1).selectOption('');
  }, 60_000);

  it('a node drained: the sites whose media it runs move to the others; cancelled, it takes sites again', async () => {
    const drained = nodes[2]!;
    const joinsBefore = fleet().map((bot) => bot.joins.length);
    const since = epochMs();
    const admin = await login(drained.url, 'admin');
    expect(await callApi(drained.url, admin, 'POST', '/api/admin/drain', { draining: true })).toMatchObject({ status: 200 });
    await expect.poll(async () => metricSum(await metrics(drained), 'pm_cascade_remote_sites'), { timeout: 10_000 }).toBe(0);
    const moved = rejoinedSince(joinsBefore);
    expect(moved.length).toBeGreaterThan(0);
    await expect
      .poll(() => rejoinedSince(joinsBefore).every((bot) => programmeVideoArrival(bot, null, since) !== undefined), { timeout: 10_000 })
      .toBe(true);
    expect(metricSum(await metrics(drained), 'pm_mediasoup_worker_peers')).toBe(0);
    expect(await callApi(drained.url, admin, 'POST', '/api/admin/drain', { draining: false })).toMatchObject({ status: 200 });
  }, 30_000);

  it(`a worker of another node killed: its sites receive the programme again within ${WORKER_RECOVERY_MS / 1000} s`, async () => {
    const health = (await (await fetch(`${nodes[1]!.url}/healthz`)).json()) as { components: Array<{ name: string; detail: string }> };
    const pid = Number(/pid (\d+)/.exec(health.components.find((c) => c.name === 'mediasoup-worker-0')!.detail)![1]);
    const joinsBefore = fleet().map((bot) => bot.joins.length);
    const killedAt = epochMs();
    process.kill(pid, 'SIGKILL');

    const recovered = () => {
      const rejoined = rejoinedSince(joinsBefore);
      return rejoined.length > 0 && rejoined.every((bot) => programmeVideoArrival(bot, null, killedAt) !== undefined);
    };
    await expect.poll(recovered, { timeout: WORKER_RECOVERY_MS, interval: 100 }).toBe(true);
    const rejoined = rejoinedSince(joinsBefore);
    for (const bot of rejoined) expect(programmeVideoArrival(bot, null, killedAt)! - killedAt).toBeLessThan(WORKER_RECOVERY_MS);
    // Only the killed worker's sites were moved.
    expect(rejoined.length).toBeLessThan(BOT_COUNT);
    await expect.poll(() => bots.receiving(null), { timeout: 10_000 }).toBe(BOT_COUNT);
  }, 40_000);

  it(`a node killed: its sites are placed on the others and receive the programme within ${NODE_RECOVERY_MS / 1000} s`, async () => {
    const clientsBefore = await clientsPerNode();
    // Node 2 took the sites of node 1's killed worker (node 1 was left out for a while).
    expect(clientsBefore[2]).toBeGreaterThan(0);
    const joinsBefore = fleet().map((bot) => bot.joins.length);
    const killedAt = epochMs();
    await nodes[2]!.kill();

    const recovered = () => {
      const rejoined = rejoinedSince(joinsBefore);
      return rejoined.length > 0 && rejoined.every((bot) => programmeVideoArrival(bot, null, killedAt) !== undefined);
    };
    await expect.poll(recovered, { timeout: NODE_RECOVERY_MS, interval: 100 }).toBe(true);
    const rejoined = rejoinedSince(joinsBefore);
    const recoveryMs = Math.max(...rejoined.map((bot) => programmeVideoArrival(bot, null, killedAt)! - killedAt));
    console.log(`[cluster] ${rejoined.length} sites of the killed node receive the programme again ${Math.round(recoveryMs)} ms after the kill`);
    expect(recoveryMs).toBeLessThan(NODE_RECOVERY_MS);
    await expect.poll(() => bots.receiving(null), { timeout: NODE_RECOVERY_MS }).toBe(BOT_COUNT);
    // The browsers whose media ran there are back too (a failed join would say 'failed').
    for (const { screen } of [chair, speaker]) {
      await expect.poll(() => screen.page.getByTestId('meeting-screen').getAttribute('data-phase'), { timeout: NODE_RECOVERY_MS }).toBe('live');
    }
    // Every client now runs on the two survivors.
    const survivors = await Promise.all(
      [nodes[0]!, nodes[1]!].map(async (node) => metricSum(await metrics(node), 'pm_mediasoup_worker_peers')),
    );
    expect(survivors[0]! + survivors[1]!).toBe(BOT_COUNT + 2);
    // Attendance: the moved sites were present all along, one presence each, their move a reconnection.
    const cookie = await login(nodes[0]!.url, 'vanphong');
    const report = meetingAttendanceReportSchema.parse(
      await (await fetch(`${nodes[0]!.url}/api/meetings/${meetingId}/attendance`, { headers: { cookie } })).json(),
    );
    for (const bot of rejoined) {
      const row = report.sites.find((site) => site.siteId === bot.siteId)!;
      expect(row.intervals, bot.username).toHaveLength(1);
      expect(row.reconnects, bot.username).toBeGreaterThanOrEqual(1);
    }
    expect(bots.warnings).toEqual([]);
  }, 40_000);
});
