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
import { pickSites, provisionSiteAccounts, scheduleMeeting, type SiteAccount } from '../bots/meetingFixture.ts';
import { serveRpc } from './childProcessRpc.ts';

/** The seeded site account whose kiosk runs in Chromium and is given the floor. */
const SPEAKER_USERNAME = 'huyen-hoanghoa';
const CHAIR_USERNAME = 'chutich';

export interface BenchSetup {
  url: string;
  meetingId: string;
  chair: { username: string; password: string };
  speaker: SiteAccount & { siteName: string };
  bots: SiteAccount[];
}

export interface WorkerLoadReport {
  pid: number;
  producers: number;
  consumers: number;
  transports: number;
}

const log = createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn');
const stops: Array<() => Promise<void>> = [];
let platform: TestPlatform | undefined;

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

async function start({ workers, sites }: { workers: number; sites: number }): Promise<BenchSetup> {
  await ensureDatabaseServer();
  platform = await startTestPlatform({ MEDIASOUP_NUM_WORKERS: String(workers) });
  const started = platform;
  stops.unshift(() => started.stop());

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
  return platform.workers.all().map((slot) => ({ pid: slot.worker.pid, ...slot.load }));
}

async function stopAll(): Promise<void> {
  for (const stop of stops.splice(0)) {
    await stop().catch((error: unknown) => log.warn({ err: error }, 'error while stopping the bench platform'));
  }
}

export const platformApi = { start, workerLoad, stop: stopAll };
export type PlatformApi = typeof platformApi;

serveRpc(platformApi, stopAll);
