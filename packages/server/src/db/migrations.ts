/**
 * Applies the checked-in Prisma migrations (prisma/migrations/<name>/migration.sql) at start-up,
 * so a node needs no Prisma CLI (and no schema engine) to run. It keeps the books exactly as
 * `prisma migrate deploy` does, in `_prisma_migrations`, so `prisma migrate status` and later
 * `prisma migrate` commands agree with what it did.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Logger } from 'pino';

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/**
 * The advisory lock key Prisma's own schema engine takes while migrating, so two nodes starting at
 * once, or a node and `prisma migrate deploy`, never apply migrations at the same time.
 */
const MIGRATION_LOCK_KEY = 72707369;

/** The table as Prisma creates it (keep identical: the Prisma CLI reads and writes it too). */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationFile {
  name: string;
  sql: string;
  /** Prisma's checksum: SHA-256 (hex) of the migration.sql file. */
  checksum: string;
}

interface AppliedMigration {
  name: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
}

/**
 * Applies the migrations in `migrationsDir` that the database does not have yet, each in its own
 * transaction. Idempotent. Fails, changing nothing, if a migration that was already applied has
 * since been edited or a previous attempt outside this function (the Prisma CLI) left one failed.
 *
 * `client` must be a dedicated connection: the lock is held by its session.
 *
 * @returns the names of the migrations applied by this call.
 */
export async function applyMigrations(client: pg.ClientBase, migrationsDir: string, log: Logger): Promise<string[]> {
  const files = await readMigrationFiles(migrationsDir);
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query(CREATE_MIGRATIONS_TABLE);
    // Read under the lock: another node may have applied some while we waited for it.
    const applied = await readAppliedMigrations(client);
    const pending = findPendingMigrations(files, applied, log);
    for (const migration of pending) {
      await applyMigration(client, migration);
      log.info({ migration: migration.name }, `applied migration ${migration.name}`);
    }
    if (pending.length === 0) log.info({ migrations: files.length }, 'database schema is up to date');
    return pending.map((migration) => migration.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}

async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  // Prisma orders migrations by directory name, which starts with a UTC timestamp.
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      const content = await readFile(file).catch((error: unknown) => {
        throw new Error(`migration ${name} has no readable migration.sql (${file})`, { cause: error });
      });
      return { name, sql: content.toString('utf8'), checksum: createHash('sha256').update(content).digest('hex') };
    }),
  );
}

async function readAppliedMigrations(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const result = await client.query<{ migration_name: string; checksum: string; finished: boolean; rolled_back: boolean }>(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM "_prisma_migrations"
      ORDER BY started_at`,
  );
  return result.rows.map((row) => ({
    name: row.migration_name,
    checksum: row.checksum,
    finished: row.finished,
    rolledBack: row.rolled_back,
  }));
}

function findPendingMigrations(files: MigrationFile[], applied: AppliedMigration[], log: Logger): MigrationFile[] {
  const failed = applied.find((migration) => !migration.finished && !migration.rolledBack);
  if (failed) {
    throw new Error(
      `migration ${failed.name} failed in an earlier attempt and is marked unfinished in _prisma_migrations; ` +
        'repair the database, then mark it with `prisma migrate resolve`',
    );
  }
  const appliedByName = new Map(
    applied.filter((migration) => migration.finished).map((migration) => [migration.name, migration]),
  );
  for (const file of files) {
    const done = appliedByName.get(file.name);
    if (done && done.checksum !== file.checksum) {
      throw new Error(
        `migration ${file.name} was edited after it was applied to this database ` +
          `(checksum ${file.checksum}, applied ${done.checksum}); restore it and put the change in a new migration`,
      );
    }
  }
  const known = new Set(files.map((file) => file.name));
  const unknown = [...appliedByName.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    // Normal during a rolling upgrade: a newer node already migrated the database.
    log.warn({ migrations: unknown }, 'the database has migrations this version does not know');
  }
  return files.filter((file) => !appliedByName.has(file.name));
}

async function applyMigration(client: pg.ClientBase, migration: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    // No parameters: pg then uses the simple query protocol, which runs a multi-statement script.
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    // If the rollback fails too (connection lost), the migration's own error is the one worth reporting.
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
