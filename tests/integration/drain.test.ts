import { healthReportSchema, type ClientToServerEvents, type ServerToClientEvents } from '@pm/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@pm/server/db/testDatabase.ts';
import { callApi, login } from '../support/auth.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { ServerProcess } from '../support/serverProcess.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

async function health(url: string) {
  const response = await fetch(`${url}/healthz`);
  const report = healthReportSchema.parse(await response.json());
  return { status: response.status, drain: report.components.find((c) => c.name === 'drain') };
}

/** Waits until the client has been told to move, and returns what it was told. */
async function drainingNotice(client: ProtocolClient): Promise<unknown> {
  await expect.poll(() => client.last('node:draining')).toBeDefined();
  return client.last('node:draining');
}

describe('draining a node from the API', () => {
  let platform: TestPlatform;
  let meetingId: string;
  let admin: string;
  const clients: ProtocolClient[] = [];
  const connect = async (username: string) => {
    const client = await ProtocolClient.connect(platform.url, username);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ DRAIN_TIMEOUT_SECONDS: '45' });
    ({ meetingId } = await createMeeting(platform.db.prisma, { title: 'Họp trong lúc bảo trì', siteCodes: ['SO-YTE', '15865'] }));
    admin = await login(platform.url, 'admin');
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await platform?.stop();
  });

  it('refuses new joins, asks participants to move, reports 503 on /healthz, and can be cancelled', async () => {
    const site = await connect('so-yte');
    const operator = await connect('vanhanh');
    await site.request('meeting:join', { meetingId });
    await operator.request('meeting:join', { meetingId });
    const homeScreen = await connect('15865');
    expect(await health(platform.url)).toMatchObject({ status: 200, drain: { ok: true } });

    const drained = await callApi(platform.url, admin, 'POST', '/api/admin/drain', { draining: true });
    expect(drained).toMatchObject({ status: 200, body: { draining: true, participants: 2 } });
    expect(drained.body.node).toEqual(expect.any(String));

    // Everyone connected here is told, in the meeting or not, with the time it has to move.
    for (const client of [site, operator, homeScreen]) expect(await drainingNotice(client)).toEqual({ reconnectWithinSeconds: 45 });
    expect(await health(platform.url)).toMatchObject({ status: 503, drain: { ok: false, detail: expect.stringMatching(/^draining since /) } });
    await expect(homeScreen.request('meeting:join', { meetingId })).rejects.toMatchObject({ code: 'NODE_DRAINING' });
    // A participant reconnecting to this node is refused too; it must go elsewhere.
    await expect(site.request('meeting:join', { meetingId })).rejects.toMatchObject({ code: 'NODE_DRAINING' });
    // A client that reaches the node while it drains is told at once (listening before it connects, as the web app does).
    const late: Socket<ServerToClientEvents, ClientToServerEvents> = io(platform.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: await login(platform.url, '15991') },
    });
    try {
      expect(await new Promise((resolve) => late.once('node:draining', resolve))).toEqual({ reconnectWithinSeconds: 45 });
    } finally {
      late.close();
    }

    const cancelled = await callApi(platform.url, admin, 'POST', '/api/admin/drain', { draining: false });
    expect(cancelled).toMatchObject({ status: 200, body: { draining: false } });
    expect(await health(platform.url)).toMatchObject({ status: 200, drain: { ok: true } });
    await expect(homeScreen.request('meeting:join', { meetingId })).resolves.toMatchObject({ summary: { meetingId } });
  });

  it('validates the request and lets only an administrator drain', async () => {
    expect(await callApi(platform.url, admin, 'POST', '/api/admin/drain', {})).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    const operator = await login(platform.url, 'vanhanh');
    expect(await callApi(platform.url, operator, 'POST', '/api/admin/drain', { draining: true })).toMatchObject({ status: 403 });
    expect(platform.drain.draining).toBe(false);
  });

  it('waits for the last participant to leave, or for the timeout', async () => {
    const site = await connect('so-yte');
    await site.request('meeting:join', { meetingId });
    const participants = (await platform.drain.status()).participants;
    expect(participants).toBeGreaterThan(0);

    const started = Date.now();
    expect(await platform.drain.drainAndWait('test: timeout', 600)).toBe(participants);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);

    const waiting = platform.drain.drainAndWait('test: participants leave', 20_000);
    for (const client of clients) client.close();
    expect(await waiting).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

/**
 * The operator's stop (systemctl stop, docker stop, a Kubernetes pod deleted) is a SIGTERM to the
 * real process: it must drain first, then exit on its own once participants have moved, or at
 * DRAIN_TIMEOUT_SECONDS.
 */
describe('SIGTERM drains the node, then shuts it down', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];
  const clients: ProtocolClient[] = [];

  async function nodeWithParticipant(drainTimeoutSeconds: number) {
    const server = await ServerProcess.create(db.url, { DRAIN_TIMEOUT_SECONDS: String(drainTimeoutSeconds) });
    servers.push(server);
    await server.start();
    const { meetingId } = await createMeeting(db.prisma, { title: `Họp ${drainTimeoutSeconds}`, siteCodes: ['SO-YTE', '15865'] });
    const site = await ProtocolClient.connect(server.url, 'so-yte');
    clients.push(site);
    await site.request('meeting:join', { meetingId });
    return { server, site, meetingId };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    for (const server of servers) await server.stop();
    await db?.drop();
  });

  it('exits as soon as its participants have moved, refusing joins meanwhile', async () => {
    const { server, site, meetingId } = await nodeWithParticipant(60);
    const started = Date.now();
    const stopped = server.stop();

    expect(await drainingNotice(site)).toEqual({ reconnectWithinSeconds: 60 });
    expect((await health(server.url)).status).toBe(503);
    const other = await ProtocolClient.connect(server.url, '15865');
    clients.push(other);
    await expect(other.request('meeting:join', { meetingId })).rejects.toMatchObject({ code: 'NODE_DRAINING' });

    site.close();
    await stopped;
    // ServerProcess.stop falls back to SIGKILL after 10 s: well before that, the node left by itself.
    expect(Date.now() - started).toBeLessThan(8_000);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('gives up waiting at DRAIN_TIMEOUT_SECONDS', async () => {
    const { server } = await nodeWithParticipant(2);
    const started = Date.now();
    await server.stop();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    expect(elapsed).toBeLessThan(8_000);
  });
}, 120_000);
