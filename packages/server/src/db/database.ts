import type { Logger } from 'pino';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embeddedPostgres.js';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from './migrations.js';
import { withPgClient } from './pgAdmin.js';
import { parseDatabaseUrl } from './pgConnection.js';
import { createPrismaClient, type PrismaClient } from './prismaClient.js';

export interface OpenDatabaseOptions {
  /** An external PostgreSQL. When absent, an embedded PostgreSQL is started from `embedded`. */
  databaseUrl?: string | undefined;
  embedded?: { dataDir: string; port: number } | undefined;
  log: Logger;
}

export interface Database {
  prisma: PrismaClient;
  /** Connection URL (with password) of the database in use, e.g. for the Prisma CLI. */
  url: string;
  /** Resolves when the database answers a query (for /healthz). */
  ping(): Promise<void>;
  /** Disconnects, and stops the embedded PostgreSQL if one was started. */
  close(): Promise<void>;
}

/** Connects to (or starts) the database and brings its schema up to date. */
export async function openDatabase({ databaseUrl, embedded, log }: OpenDatabaseOptions): Promise<Database> {
  let embeddedServer: EmbeddedPostgres | undefined;
  let url: string;
  if (databaseUrl) {
    url = databaseUrl;
  } else {
    if (!embedded) throw new Error('openDatabase needs either a databaseUrl or embedded settings');
    embeddedServer = await startEmbeddedPostgres({ ...embedded, log });
    url = embeddedServer.url;
  }
  try {
    const connection = parseDatabaseUrl(url);
    await withPgClient(connection, (client) => applyMigrations(client, DEFAULT_MIGRATIONS_DIR, log));
    const prisma = createPrismaClient(connection);
    await prisma.$connect();
    log.info(
      { host: connection.host, port: connection.port, database: connection.database },
      embeddedServer ? 'using the embedded database' : 'using the database at DATABASE_URL',
    );
    return {
      prisma,
      url,
      ping: async () => {
        await prisma.$queryRaw`SELECT 1`;
      },
      close: async () => {
        try {
          await prisma.$disconnect();
        } finally {
          await embeddedServer?.stop();
        }
      },
    };
  } catch (error) {
    await embeddedServer?.stop();
    throw error;
  }
}
