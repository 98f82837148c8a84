import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger } from '@pm/server/logger.ts';
import { startEmbeddedPostgres } from '@pm/server/db/embeddedPostgres.ts';
import { RedisServer } from '../support/redisServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    mediasoupWorkerBin: string;
  }
}

/**
 * Real services for the whole run. CI gives the machine's PostgreSQL and Redis through
 * DATABASE_URL and REDIS_URL; a developer's fresh machine has neither, so an embedded PostgreSQL
 * and a private redis-server are started for the run and stopped after it.
 */
interface Services {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

// Every project of the run calls this setup; they share one set of services, started once.
const shared = globalThis as { pmTestServices?: Promise<Services>; pmTestServiceUsers?: number };

export default async function setup(project: TestProject) {
  const workerBin = process.env.MEDIASOUP_WORKER_BIN;
  if (!workerBin) throw new Error('MEDIASOUP_WORKER_BIN is not set: run the suite with `npm test`');
  shared.pmTestServices ??= startServices();
  shared.pmTestServiceUsers = (shared.pmTestServiceUsers ?? 0) + 1;
  const services = await shared.pmTestServices;
  project.provide('databaseUrl', services.databaseUrl);
  project.provide('redisUrl', services.redisUrl);
  project.provide('mediasoupWorkerBin', workerBin);
  return async () => {
    shared.pmTestServiceUsers = (shared.pmTestServiceUsers ?? 1) - 1;
    if (shared.pmTestServiceUsers === 0) await services.stop();
  };
}

async function startServices(): Promise<Services> {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'error');
  const stops: Array<() => Promise<void>> = [];

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-test-pg-'));
    const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
    databaseUrl = pg.url;
    stops.push(async () => {
      await pg.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    console.log(`[tests] no DATABASE_URL: started embedded PostgreSQL at ${databaseUrl}`);
  }

  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = new RedisServer(await freePort());
    await redis.start();
    redisUrl = redis.url;
    stops.push(() => redis.kill());
    console.log(`[tests] no REDIS_URL: started redis-server at ${redisUrl}`);
  }

  return {
    databaseUrl,
    redisUrl,
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
