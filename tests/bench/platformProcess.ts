/**
 * The benchmark's platform process: a database (DATABASE_URL's server, or an embedded PostgreSQL
 * in a temporary folder), one real platform node on it, and the meeting under test with an account
 * per site. Started by meetingBench.ts; it stops everything when the benchmark disconnects.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DEMO_PASSWORD } from '@pm/server/directory/seedData.ts';
import { startEmbeddedPostgres } from '@pm/server/db/embeddedPostgres.ts';
import { createLogger } from '@pm/server/logger.ts';
import { freePort } from '../setup/globalSetup.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { pickSites, provisionSiteAccounts, scheduleMeeting, type SiteAccount } from '../support/meetingFixture.ts';
import { RedisServer } from '../support/redisServer.ts';
import { ServerProcess } from '../support/serverProcess.ts';
import { serveRpc } from './childProcessRpc.ts';

/** The seeded site account whose kiosk runs in Chromium and is given the floor. */
const SPEAKER_USERNAME = '15865';
const CHAIR_USERNAME = 'chutich';

export interface BenchSetup {
  url: string;
  meetingId: string;
  chair: { username: string; password: string };
  speaker: SiteAccount & { siteName: string };
  bots: SiteAccount[];
}

export interface WorkerLoadReport {
  /** Which node of the cluster (0: the meeting's host, in this process). */
  node: number;
  pid: number;
  /** Clients whose media run on the worker. */
  peers: number;
  producers: number;
  consumers: number;
}

const log = createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn');
const stops: Array<() => Promise<void>> = [];
let platform: TestPlatform | undefined;
/** The other nodes of a cluster run: separate processes on the same database and Redis. */
const otherNodes: ServerProcess[] = [];

async function ensureDatabaseServer(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-bench-pg-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
  stops.unshift(async () => {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  // createTestDatabase (inside startTestPlatform) makes the bench's own database on this server.
  process.env.DATABASE_URL = pg.url;
}

/** A cluster needs Redis: REDIS_URL's, or a redis-server of the bench's own. */
async function ensureRedis(): Promise<void> {
  if (process.env.REDIS_URL) return;
  const redis = new RedisServer(await freePort());
  await redis.start();
  stops.push(() => redis.kill());
  process.env.REDIS_URL = redis.url;
}

async function start({ workers, sites, nodes }: { workers: number; sites: number; nodes: number }): Promise<BenchSetup> {
  await ensureDatabaseServer();
  if (nodes > 1) await ensureRedis();
  platform = await startTestPlatform({ MEDIASOUP_NUM_WORKERS: String(workers) });
  const started = platform;
  stops.unshift(() => started.stop());
  for (let i = 1; i < nodes; i++) {
    const node = await ServerProcess.create(started.db.url, {
      MEDIASOUP_NUM_WORKERS: String(workers),
      DRAIN_TIMEOUT_SECONDS: '1',
    });
    await node.start();
    otherNodes.push(node);
    stops.unshift(() => node.stop());
  }

  const prisma = platform.db.prisma;
  const speakerUser = await prisma.user.findUniqueOrThrow({
    where: { username: SPEAKER_USERNAME },
    include: { site: true },
  });
  const speakerSite = speakerUser.site!;
  const botSiteIds = await pickSites(prisma, sites - 1, [speakerSite.id]);
  const bots = await provisionSiteAccounts(prisma, botSiteIds);
  const meetingId = await scheduleMeeting(prisma, {
    title: `Benchmark: ${sites} điểm cầu`,
    chairUsername: CHAIR_USERNAME,
    siteIds: [speakerSite.id, ...botSiteIds],
  });
  return {
    url: platform.url,
    meetingId,
    chair: { username: CHAIR_USERNAME, password: DEFAULT_DEMO_PASSWORD },
    speaker: {
      siteId: speakerSite.id,
      siteCode: speakerSite.code,
      siteName: speakerSite.name,
      username: SPEAKER_USERNAME,
      password: DEFAULT_DEMO_PASSWORD,
    },
    bots,
  };
}

async function workerLoad(): Promise<WorkerLoadReport[]> {
  if (!platform) throw new Error('platform not started');
  const here = platform.workers.all().map((slot) => ({
    node: 0,
    pid: slot.worker.pid,
    peers: slot.load.peers,
    producers: slot.load.producers,
    consumers: slot.load.consumers,
  }));
  const elsewhere = await Promise.all(otherNodes.map((node, i) => (node.running ? remoteWorkerLoad(node, i + 1) : Promise.resolve([]))));
  return [...here, ...elsewhere.flat()];
}

/** Another node's workers, from its /healthz (pids) and /metrics (load), as an operator sees them. */
async function remoteWorkerLoad(node: ServerProcess, index: number): Promise<WorkerLoadReport[]> {
  const health = (await (await fetch(`${node.url}/healthz`)).json()) as { components: Array<{ name: string; detail: string }> };
  const metrics = await (await fetch(`${node.url}/metrics`)).text();
  const sample = (name: string, worker: string) =>
    Number(new RegExp(`^${name}\\{worker="${worker}"\\} (\\S+)$`, 'm').exec(metrics)?.[1] ?? 0);
  return health.components
    .filter((c) => c.name.startsWith('mediasoup-worker-'))
    .map((c) => {
      const worker = c.name.slice('mediasoup-worker-'.length);
      return {
        node: index,
        pid: Number(/pid (\d+)/.exec(c.detail)?.[1] ?? 0),
        peers: sample('pm_mediasoup_worker_peers', worker),
        producers: sample('pm_mediasoup_worker_producers', worker),
        consumers: sample('pm_mediasoup_worker_consumers', worker),
      };
    });
}

/** SIGKILL of another node: its media workers die with it. */
async function killNode({ index }: { index: number }): Promise<void> {
  const node = otherNodes[index - 1];
  if (!node) throw new Error(`no node ${index}`);
  await node.kill();
}

async function nodePids(): Promise<number[]> {
  return otherNodes.flatMap((node) => (node.running && node.pid ? [node.pid] : []));
}

async function stopAll(): Promise<void> {
  for (const stop of stops.splice(0)) {
    await stop().catch((error: unknown) => log.warn({ err: error }, 'error while stopping the bench platform'));
  }
}

export const platformApi = { start, workerLoad, killNode, nodePids, stop: stopAll };
export type PlatformApi = typeof platformApi;

serveRpc(platformApi, stopAll);
