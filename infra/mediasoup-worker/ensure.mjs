// Make sure a mediasoup 3.12.16 worker binary exists and return its absolute path.
//
// Plain Node ESM without dependencies: it runs before `pnpm install`.
//
//   node infra/mediasoup-worker/ensure.mjs   -> prints the path on stdout, progress on stderr
//   import { ensureMediasoupWorker } from './infra/mediasoup-worker/ensure.mjs'
//
// Order: $MEDIASOUP_WORKER_BIN (if an executable file) > cached build > build now.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The version the server depends on: the worker must be built from the same tarball. */
export const MEDIASOUP_VERSION = JSON.parse(await readFile(join(HERE, '../../packages/server/package.json'), 'utf8')).dependencies.mediasoup;
// Files in this directory that do not influence the built binary. Every other
// file here (build.sh, patch-worker.py, anything added later) is part of the key.
const NOT_RECIPE = new Set(['README.md', 'ensure.mjs']);
// A lock whose owner cannot be checked (other host, unreadable owner file) is
// considered stale after this long; a build takes ~3 minutes.
const LOCK_MAX_AGE_MS = 60 * 60 * 1000;
const LOCK_POLL_MS = 1000;

const defaultLog = (msg) => process.stderr.write(`[mediasoup-worker] ${msg}\n`);

async function isExecutableFile(path) {
  try {
    const st = await stat(path);
    if (!st.isFile()) return false;
    await access(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `3.12.16-<first 12 hex of sha256 over the recipe files>` */
export async function cacheKey() {
  const hash = createHash('sha256');
  const names = (await readdir(HERE, { withFileTypes: true }))
    .filter((e) => e.isFile() && !NOT_RECIPE.has(e.name))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    // Name and length framing so that moving bytes between files changes the key.
    const content = await readFile(join(HERE, name));
    hash.update(`${name}\0${content.length}\0`);
    hash.update(content);
  }
  return `${MEDIASOUP_VERSION}-${hash.digest('hex').slice(0, 12)}`;
}

export function cacheRoot(env = process.env) {
  if (env.PM_CACHE_DIR) return resolve(env.PM_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return resolve(xdg, 'province-meet');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * mkdir-based lock. Returns a release function, or null if `done()` became
 * true while waiting for another holder (i.e. it built what we wanted).
 */
async function acquireLock(lockDir, log, done) {
  const ownerFile = join(lockDir, 'owner.json');
  let announced = false;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(ownerFile, JSON.stringify({ pid: process.pid, host: hostname(), since: Date.now() }));
      return async () => rm(lockDir, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    // Someone holds it: decide whether it is stale.
    let stale = false;
    let owner = null;
    try {
      owner = JSON.parse(await readFile(ownerFile, 'utf8'));
    } catch {
      // Owner file not written yet (holder is between mkdir and writeFile) or garbage.
    }
    let ageMs = 0;
    try {
      ageMs = Date.now() - (await stat(lockDir)).mtimeMs;
    } catch {
      continue; // lock vanished meanwhile: retry at once
    }
    if (owner && owner.host === hostname() && Number.isInteger(owner.pid)) {
      stale = !pidAlive(owner.pid) || ageMs > LOCK_MAX_AGE_MS;
    } else {
      stale = ageMs > (owner ? LOCK_MAX_AGE_MS : 30_000);
    }
    if (stale) {
      log(`removing stale lock ${lockDir}${owner ? ` (pid ${owner.pid} on ${owner.host})` : ''}`);
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      log(`another build is running${owner ? ` (pid ${owner.pid})` : ''}; waiting for it…`);
      announced = true;
    }
    await sleep(LOCK_POLL_MS);
    if (await done()) return null;
  }
}

function runBuild(binPath) {
  return new Promise((resolvePromise, reject) => {
    // stdout of build.sh goes to our stderr so that, when run directly, our
    // stdout carries only the resulting path.
    const child = spawn('bash', [join(HERE, 'build.sh'), binPath], { stdio: ['ignore', 2, 2], env: { ...process.env, MEDIASOUP_VERSION } });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`build.sh failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}

/**
 * @param {{ log?: (msg: string) => void }} [options]
 * @returns {Promise<string>} absolute path of an executable mediasoup-worker
 */
export async function ensureMediasoupWorker({ log = defaultLog } = {}) {
  const override = process.env.MEDIASOUP_WORKER_BIN;
  if (override) {
    const abs = resolve(override);
    if (await isExecutableFile(abs)) return abs;
    log(`MEDIASOUP_WORKER_BIN=${override} is not an executable file; ignoring it`);
  }

  const key = await cacheKey();
  const entryDir = join(cacheRoot(), 'mediasoup-worker', key);
  const binPath = join(entryDir, 'mediasoup-worker');
  if (await isExecutableFile(binPath)) return binPath;

  await mkdir(dirname(entryDir), { recursive: true });
  const lockDir = `${entryDir}.lock`;
  const release = await acquireLock(lockDir, log, () => isExecutableFile(binPath));
  if (!release) return binPath; // another process built it while we waited
  try {
    if (await isExecutableFile(binPath)) return binPath; // built just before we got the lock
    log(`no cached worker for key ${key}; building into ${entryDir}`);
    const t0 = Date.now();
    await runBuild(binPath);
    if (!(await isExecutableFile(binPath))) throw new Error(`build.sh finished but ${binPath} is missing`);
    log(`built in ${Math.round((Date.now() - t0) / 1000)}s`);
    return binPath;
  } finally {
    await release();
  }
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  (await realpath(process.argv[1]).catch(() => process.argv[1])) === fileURLToPath(import.meta.url);

if (invokedDirectly) {
  try {
    process.stdout.write(`${await ensureMediasoupWorker()}\n`);
  } catch (err) {
    process.stderr.write(`[mediasoup-worker] ${err.message}\n`);
    process.exitCode = 1;
  }
}
