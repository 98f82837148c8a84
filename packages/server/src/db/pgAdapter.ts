/**
 * The Prisma driver adapter for PostgreSQL, used both by the app's PrismaClient and by the Prisma
 * CLI (prisma.config.ts). It is @prisma/adapter-pg with the 6.19 bugs that the JS schema engine
 * runs into fixed:
 *
 * - catalog column types it cannot deserialise (see catalogColumnTypes.ts);
 * - its shadow database: given a connection string, it silently reused the main database, and it
 *   dropped the shadow database while its own pool was still connected to it. We create and drop
 *   the shadow database ourselves, from separate connection fields, after closing its pool.
 */
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  ConnectionInfo,
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
  TransactionOptions,
} from '@prisma/driver-adapter-utils';
import { CatalogTypesClient, restoreCharacterColumns } from './catalogColumnTypes.js';
import { createDatabase, dropDatabase } from './pgAdmin.js';
import { type PgConnectionOptions, toPgClientConfig } from './pgConnection.js';

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgTransaction = Awaited<ReturnType<PgAdapter['startTransaction']>>;

export function createPgAdapterFactory(connection: PgConnectionOptions): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: newPrismaPg(connection).adapterName,
    connect: () => connectAdapter(connection),
    connectToShadowDb: () => connectShadowAdapter(connection),
  };
}

function newPrismaPg(connection: PgConnectionOptions): PrismaPg {
  return new PrismaPg({ ...toPgClientConfig(connection), Client: CatalogTypesClient });
}

async function connectAdapter(
  connection: PgConnectionOptions,
  afterDispose?: () => Promise<void>,
): Promise<SqlDriverAdapter> {
  return new CatalogSafeAdapter(await newPrismaPg(connection).connect(), afterDispose);
}

async function connectShadowAdapter(connection: PgConnectionOptions): Promise<SqlDriverAdapter> {
  const shadowDatabase = `prisma_migrate_shadow_db_${randomUUID()}`;
  await createDatabase(connection, shadowDatabase);
  const dropShadowDatabase = () => dropDatabase(connection, shadowDatabase);
  try {
    return await connectAdapter({ ...connection, database: shadowDatabase }, dropShadowDatabase);
  } catch (error) {
    await dropShadowDatabase();
    throw error;
  }
}

class CatalogSafeAdapter implements SqlDriverAdapter {
  readonly provider: PgAdapter['provider'];
  readonly adapterName: string;

  constructor(
    private readonly inner: PgAdapter,
    /** Runs once the pool is closed (the shadow database can only be dropped then). */
    private readonly afterDispose?: () => Promise<void>,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return restoreCharacterColumns(await this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  executeScript(script: string): Promise<void> {
    return this.inner.executeScript(script);
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return new CatalogSafeTransaction(await this.inner.startTransaction(isolationLevel));
  }

  getConnectionInfo(): ConnectionInfo {
    return this.inner.getConnectionInfo();
  }

  async dispose(): Promise<void> {
    await this.inner.dispose();
    await this.afterDispose?.();
  }
}

class CatalogSafeTransaction implements Transaction {
  readonly provider: PgTransaction['provider'];
  readonly adapterName: string;
  readonly options: TransactionOptions;

  constructor(private readonly inner: PgTransaction) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return restoreCharacterColumns(await this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  commit(): Promise<void> {
    return this.inner.commit();
  }

  rollback(): Promise<void> {
    return this.inner.rollback();
  }
}
