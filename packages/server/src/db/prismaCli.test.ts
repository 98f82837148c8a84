import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

const serverPackageDir = fileURLToPath(new URL('../..', import.meta.url));
const prismaCli = fileURLToPath(new URL('../../node_modules/.bin/prisma', import.meta.url));

/** The Prisma CLI finishes its work in about a second but can linger on timers for up to a minute. */
const CLI_TIMEOUT_MS = 120_000;

/**
 * Runs the real CLI through prisma.config.ts, i.e. the JS schema engine on our patched pg adapter
 * (pgAdapter.ts); these commands are what failed on the unpatched adapter.
 */
describe.concurrent('the Prisma CLI, on our adapter, agrees with applyMigrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  const prisma = (args: string[]) =>
    promisify(execFile)(prismaCli, args, {
      cwd: serverPackageDir,
      env: { ...process.env, DATABASE_URL: db.url, CHECKPOINT_DISABLE: '1' },
      timeout: CLI_TIMEOUT_MS,
    });

  it(
    'prisma migrate status reports the schema up to date',
    async () => {
      const { stdout } = await prisma(['migrate', 'status']);
      expect(stdout).toContain('Database schema is up to date');
    },
    CLI_TIMEOUT_MS + 10_000,
  );

  it(
    'the checked-in migrations produce exactly schema.prisma (replayed in a shadow database)',
    async () => {
      // --exit-code: 0 when there is no difference, 2 when schema.prisma has changes no migration holds.
      const { stdout } = await prisma([
        'migrate',
        'diff',
        '--from-migrations',
        'prisma/migrations',
        '--to-schema-datamodel',
        'prisma/schema.prisma',
        '--script',
        '--exit-code',
      ]);
      expect(stdout).toContain('This is an empty migration');
    },
    CLI_TIMEOUT_MS + 10_000,
  );
});
