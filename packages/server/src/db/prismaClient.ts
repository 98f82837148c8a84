import { PrismaClient } from './generated/client.js';
import { createPgAdapterFactory } from './pgAdapter.js';
import type { PgConnectionOptions } from './pgConnection.js';

export type { PrismaClient };

/** A PrismaClient on the JS query engine (no native engine) talking to PostgreSQL through pg. */
export function createPrismaClient(connection: PgConnectionOptions): PrismaClient {
  return new PrismaClient({ adapter: createPgAdapterFactory(connection) });
}
