#!/usr/bin/env node
/**
 * `npm start` and `npm test` both land here. On a fresh Debian 12 machine it installs what is
 * missing (Node.js 24, Debian packages, pnpm, dependencies, the mediasoup worker, the generated
 * Prisma client, the web build), printing each step, then starts the platform or runs the whole
 * suite. Every step is skipped when its result is already there, so a second run starts in seconds.
 *
 * Plain Node with no dependencies: it runs before anything is installed, under whatever `node` the
 * machine has; when that is older than 24 it fetches the pinned Node.js and runs itself again
 * under it, that node first on PATH, so pnpm, vite, the platform and vitest run on it too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureMediasoupWorker } from './mediasoup-worker/ensure.mjs';
import { ensureNode, NODE_VERSION } from './node/ensure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.21.0';

/**
 * Debian packages by purpose, each list in a file of infra/debian-packages/ that the image recipe
 * reads too; the worker's build packages are skipped when a binary is supplied.
 */
function debianPackages(list) {
  return fs
    .readFileSync(path.join(root, 'infra/debian-packages', `${list}.txt`), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}
const APT = { workerBuild: debianPackages('worker-build'), media: debianPackages('media'), test: debianPackages('test') };

const step = (msg) => console.log(`\x1b[36m▶\x1b[0m ${msg}`);
const done = (msg) => console.log(`  \x1b[32m✓\x1b[0m ${msg}`);

function fail(msg) {
  console.error(`\n\x1b[31m✗ ${msg}\x1b[0m`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (result.error) fail(`${cmd} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${result.status}`);
}

function capture(cmd, args) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', cwd: root });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function ensureAptPackages(packages) {
  const missing = packages.filter(
    (p) => capture('dpkg-query', ['-W', '-f=${Status}', p]) !== 'install ok installed',
  );
  if (missing.length === 0) return;
  const line = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    fail(`These Debian packages are missing. Ask an administrator to run:\n\n    sudo apt-get update && sudo ${line}\n`);
  }
  step(`installing Debian packages: ${missing.join(', ')}`);
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  done('Debian packages installed');
}

/** The command that runs pnpm at the pinned version. */
function ensurePnpm() {
  if (capture('pnpm', ['--version']) === PNPM_VERSION) return ['pnpm'];
  if (process.getuid?.() === 0) {
    step(`installing pnpm ${PNPM_VERSION}`);
    run('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`]);
    return ['pnpm'];
  }
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

function hashOf(paths) {
  // Dependencies installed under another Node major are installed again (native add-ons, engines checks).
  const hash = createHash('sha256').update(`node ${process.versions.node.split('.')[0]}\0`);
  const visit = (p) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(full).sort()) {
        if (entry === 'node_modules' || entry === 'dist' || entry === 'generated') continue;
        visit(path.join(p, entry));
      }
    } else {
      hash.update(p).update(fs.readFileSync(full));
    }
  };
  paths.forEach(visit);
  return hash.digest('hex');
}

/** Runs `action` unless the stamp file says it already ran on inputs with the same hash. */
function stamped(name, inputs, action) {
  const stampFile = path.join(root, 'node_modules', `.pm-${name}.stamp`);
  const hash = hashOf(inputs);
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) return false;
  action();
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, hash);
  return true;
}

async function setUp(purpose) {
  const needWorkerBuild = !process.env.MEDIASOUP_WORKER_BIN;
  ensureAptPackages([
    ...(needWorkerBuild ? APT.workerBuild : []),
    ...APT.media,
    ...(purpose === 'test' ? APT.test : []),
  ]);
  const pnpm = ensurePnpm();
  const pnpmRun = (...args) => run(pnpm[0], [...pnpm.slice(1), ...args]);

  const installInputs = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'packages/shared/package.json',
    'packages/server/package.json', 'packages/web/package.json', 'tests/package.json'];
  if (stamped('install', installInputs, () => {
    step('installing dependencies (pnpm install)');
    pnpmRun('install', '--frozen-lockfile');
  })) done('dependencies installed');

  if (stamped('prisma-generate', ['packages/server/prisma/schema.prisma', 'packages/server/prisma.config.ts'], () => {
    step('generating the database client (prisma generate)');
    pnpmRun('--filter', '@pm/server', 'exec', 'prisma', 'generate');
  })) done('database client generated');

  step('mediasoup worker');
  const workerBin = await ensureMediasoupWorker({ log: (m) => console.log(`  ${m}`) });
  done(`mediasoup worker: ${workerBin}`);

  if (stamped('web-build', ['packages/web', 'packages/shared/src'], () => {
    step('building the web app (vite build)');
    pnpmRun('--filter', '@pm/web', 'build');
  })) done('web app built');

  return { pnpm, workerBin };
}

function runChild(cmd, args, env) {
  const child = spawn(cmd, args, { stdio: 'inherit', cwd: root, env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Sets up what `command` needs, then starts the platform or runs the suite, under the running node. */
async function startOrTest(command) {
  const { pnpm, workerBin } = await setUp(command);
  const env = { ...process.env, MEDIASOUP_WORKER_BIN: workerBin, CHECKPOINT_DISABLE: '1' };
  if (command === 'start') {
    step('starting the platform');
    const tsx = path.join(root, 'packages/server/node_modules/.bin/tsx');
    runChild(tsx, [path.join(root, 'packages/server/src/main.ts')], { ...env, LOG_FORMAT: env.LOG_FORMAT ?? 'pretty' });
  } else {
    step('type-checking every package (tsc)');
    run(pnpm[0], [...pnpm.slice(1), '-r', 'typecheck']);
    // The whole suite also checks the code's shape; `npm test -- <files>` runs just those tests.
    if (process.argv.length <= 3) {
      step('checking the direction of dependencies (dependency-cruiser)');
      run(pnpm[0], [...pnpm.slice(1), 'deps']);
      step('linting (ESLint, type-aware)');
      run(pnpm[0], [...pnpm.slice(1), 'lint']);
    }
    step('running the test suite (vitest)');
    runChild(pnpm[0], [...pnpm.slice(1), 'exec', 'vitest', 'run', ...process.argv.slice(3)], env);
  }
}

const command = process.argv[2];
if (command !== 'start' && command !== 'test') fail('usage: node infra/bootstrap.mjs start|test');
let nodeBin;
try {
  nodeBin = ensureNode({ log: (m) => console.log(`  ${m}`) });
} catch (error) {
  fail(error.message);
}
if (nodeBin === process.execPath) {
  await startOrTest(command);
} else {
  step(`running under Node.js ${NODE_VERSION} (this machine's node is ${process.versions.node})`);
  const PATH = `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`;
  runChild(nodeBin, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { ...process.env, PATH });
}
