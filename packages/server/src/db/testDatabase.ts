/**
 * A throw-away database for a test suite: created fresh on the PostgreSQL server that
 * DATABASE_URL points to (the root vitest globalSetup provides one), migrated, dropped afterwards.
 *
 *   const db = await createTestDatabase();
 *   afterAll(() => db.drop());
 */
import { randomBytes } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from './migrations.js';
import { createDatabase, dropDatabase, withPgClient } from './pgAdmin.js';
import { formatDatabaseUrl, parseDatabaseUrl } from './pgConnection.js';
import { createPrismaClient, type PrismaClient } from './prismaClient.js';

export interface TestDatabase {
  prisma: PrismaClient;
  url: string;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

export async function createTestDatabase(log: Logger = pino({ level: 'silent' })): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    throw new Error('DATABASE_URL must point to a PostgreSQL server to create test databases on');
  }
  const server = parseDatabaseUrl(serverUrl);
  const database = `pm_test_${randomBytes(8).toString('hex')}`;
  const connection = { ...server, database };
  await createDatabase(server, database);
  try {
    await withPgClient(connection, (client) => applyMigrations(client, DEFAULT_MIGRATIONS_DIR, log));
  } catch (error) {
    await dropDatabase(server, database);
    throw error;
  }
  const prisma = createPrismaClient(connection);
  return {
    prisma,
    url: formatDatabaseUrl(connection),
    drop: async () => {
      await prisma.$disconnect();
      await dropDatabase(server, database);
    },
  };
}
