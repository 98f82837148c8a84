import { loadConfig } from '@pm/server/config.ts';
import { createTestDatabase } from '@pm/server/db/testDatabase.ts';
import { createLogger } from '@pm/server/logger.ts';
import { startPlatform, type Platform } from '@pm/server/platform.ts';
import { testMediaEnv } from '@pm/server/testing/mediaPorts.ts';
import { clusterNameFor } from './serverProcess.ts';

export interface TestPlatform extends Platform {
  stop(): Promise<void>;
}

/**
 * A real node of the platform for one test file: its own fresh database (migrated and seeded),
 * real mediasoup workers on free ports, HTTP on a free port; its log where the test wants it.
 */
export async function startTestPlatform(env: Record<string, string> = {}, log = createLogger(process.env.TEST_LOG_LEVEL ?? 'error')): Promise<TestPlatform> {
  const database = await createTestDatabase(log);
  const config = loadConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: database.url,
    CLUSTER_NAME: clusterNameFor(database.url),
    ...(await testMediaEnv(Number(env.MEDIASOUP_NUM_WORKERS ?? 1))),
    ...env,
  });
  const platform = await startPlatform(config, log);
  return {
    ...platform,
    stop: async () => {
      await platform.close();
      await database.drop();
    },
  };
}
