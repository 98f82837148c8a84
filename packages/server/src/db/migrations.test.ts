import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from './migrations.js';
import { createDatabase, dropDatabase, withPgClient } from './pgAdmin.js';
import { type PgConnectionOptions, parseDatabaseUrl } from './pgConnection.js';

const log = pino({ level: 'silent' });


/** A row of Prisma's bookkeeping table, as the migrations write it. */
interface MigrationRow {
  id: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date;
}

describe('applyMigrations', () => {
  let server: PgConnectionOptions;
  let connection: PgConnectionOptions;
  let migrationsDir: string;

  beforeEach(async () => {
    server = parseDatabaseUrl(process.env.DATABASE_URL!);
    connection = { ...server, database: `pm_test_migrations_${process.pid}_${Date.now()}` };
    await createDatabase(server, connection.database);
    // A private copy, so a test can edit a migration.
    migrationsDir = await mkdtemp(path.join(os.tmpdir(), 'pm-migrations-'));
    await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
  });

  afterEach(async () => {
    await dropDatabase(server, connection.database);
    await rm(migrationsDir, { recursive: true, force: true });
  });

  const migrate = () => withPgClient(connection, (client) => applyMigrations(client, migrationsDir, log));
  const migrationNames = async () =>
    (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();

  it('applies every migration to an empty database and records them as Prisma does', async () => {
    const names = await migrationNames();
    expect(names.length).toBeGreaterThan(0);

    expect(await migrate()).toEqual(names);

    const rows = await withPgClient(connection, async (client) => {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      // The schema grows with every feature; the bookkeeping table and the directory are always there.
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['_prisma_migrations', 'sites', 'units', 'users']),
      );
      return (await client.query<MigrationRow>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name')).rows;
    });
    const firstSql = await readFile(path.join(migrationsDir, names[0]!, 'migration.sql'));
    expect(rows[0]).toMatchObject({
      migration_name: names[0],
      checksum: createHash('sha256').update(firstSql).digest('hex'),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(rows[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows[0]!.finished_at.getTime()).toBeGreaterThanOrEqual(rows[0]!.started_at.getTime());
  });

  it('is idempotent', async () => {
    await migrate();
    expect(await migrate()).toEqual([]);
    const count = await withPgClient(connection, (client) =>
      client.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"'),
    );
    expect(count.rows[0]!.n).toBe((await migrationNames()).length);
  });

  it('lets only one of two nodes starting at once apply the migrations', async () => {
    const [first, second] = await Promise.all([migrate(), migrate()]);
    expect([...first, ...second]).toEqual(await migrationNames());
    expect(first.length === 0 || second.length === 0).toBe(true);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    await migrate();
    const [firstName] = await migrationNames();
    await appendFile(path.join(migrationsDir, firstName!, 'migration.sql'), '\n-- edited afterwards\n');
    await expect(migrate()).rejects.toThrow(new RegExp(`migration ${firstName} was edited after it was applied`));
  });

  it('rolls a failing migration back completely and reports it', async () => {
    await migrate();
    const brokenDir = path.join(migrationsDir, '99990101000000_broken');
    await mkdir(brokenDir);
    // The first statement succeeds, the second fails: the first must not survive.
    await writeFile(path.join(brokenDir, 'migration.sql'), 'CREATE TABLE "probe" (id INTEGER);\nCREATE TABLE "units" (id INTEGER);\n');
    await expect(migrate()).rejects.toThrow(/migration 99990101000000_broken failed and was rolled back/);
    const leftovers = await withPgClient(connection, (client) =>
      client.query(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'
         UNION ALL SELECT 1 FROM information_schema.tables WHERE table_name = 'probe'`,
      ),
    );
    expect(leftovers.rowCount).toBe(0);
  });
});
