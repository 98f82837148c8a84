import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { startEmbeddedPostgres } from './embeddedPostgres.js';
import { withPgClient } from './pgAdmin.js';
import { parseDatabaseUrl } from './pgConnection.js';

const log = pino({ level: 'silent' });

describe('embedded PostgreSQL', () => {
  let dataDir: string;
  let port: number;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pm-embedded-pg-'));
    port = await freePort();
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('initialises on first start, and keeps the data across restarts', async () => {
    const shutdownListeners = () => [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const listenersBefore = shutdownListeners();
    const first = await openDatabase({ embedded: { dataDir, port }, log });
    // Graceful shutdown on SIGINT/SIGTERM stays the platform's job (see loadEmbeddedPostgres).
    expect(shutdownListeners()).toEqual(listenersBefore);
    const created = await first.prisma.unit.create({ data: { code: 'THU', name: 'Đơn vị thử nghiệm', kind: 'PROVINCE' } });
    await first.ping();
    await first.close();

    const second = await openDatabase({ embedded: { dataDir, port }, log });
    try {
      const found = await second.prisma.unit.findUnique({ where: { code: 'THU' } });
      expect(found).toMatchObject({ id: created.id, name: 'Đơn vị thử nghiệm' });
      // UTF-8 with Unicode case rules, so searches on Vietnamese names work case-insensitively.
      const [row] = await second.prisma.$queryRaw<Array<{ lowered: string }>>`SELECT lower('HOẰNG ĐẠO') AS lowered`;
      expect(row?.lowered).toBe('hoằng đạo');
    } finally {
      await second.close();
    }
  });

  it('shuts down a PostgreSQL orphaned by a killed process, then starts', async () => {
    const holder = await startHolderProcess(dataDir, port);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const orphanPid = Number((await readFile(postmasterPidFile(dataDir), 'utf8')).split('\n')[0]);
    expect(isRunning(orphanPid)).toBe(true);

    const server = await startEmbeddedPostgres({ dataDir, port, log });
    try {
      expect(isRunning(orphanPid)).toBe(false);
      const result = await withPgClient(parseDatabaseUrl(server.url), (client) => client.query('SELECT 1 AS one'));
      expect(result.rows).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
  });

  it('starts despite a stale postmaster.pid left by a PostgreSQL that died', async () => {
    const server = await startEmbeddedPostgres({ dataDir, port, log });
    const pidFile = postmasterPidFile(dataDir);
    const livePidFile = await readFile(pidFile, 'utf8');
    await server.stop();
    const deadPid = spawnSync('true').pid;
    await writeFile(pidFile, livePidFile.replace(/^\d+/, String(deadPid)));

    const restarted = await startEmbeddedPostgres({ dataDir, port, log });
    await restarted.stop();
  });
});

function postmasterPidFile(dataDir: string): string {
  return path.join(dataDir, 'cluster', 'postmaster.pid');
}

/** Alive and not a zombie (an orphan's new parent may not reap it). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state !== 'Z';
  } catch {
    return false;
  }
}

/** Runs fixtures/holdEmbeddedPostgres.ts in its own Node process and waits until PostgreSQL is up. */
async function startHolderProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const fixture = fileURLToPath(new URL('./fixtures/holdEmbeddedPostgres.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', tsxLoader, fixture, dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('postgresql://')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`holder process exited early (code ${code})`)));
  });
  return child;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
