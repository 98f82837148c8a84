import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { epochMs } from '../rtpCounter.ts';

/** The addon of native/udpBatch.c (why the bots read UDP there: see its head comment). */
interface UdpBatchAddon {
  /** The socket's file descriptor. */
  open(remoteAddress: string, remotePort: number, receiveBufferBytes: number): number;
  send(fd: number, packet: Uint8Array): void;
  close(fd: number): void;
  drain(out: Uint8Array): number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.join(HERE, 'native', 'udpBatch.c');
/** How often the bots' sockets are read: a browser's network thread answers within a millisecond too. */
const POLL_INTERVAL_MS = 1;
const DRAIN_BYTES = 1024 * 1024;
const RECORD_HEADER = 16;
/** Read lags are counted in 1-ms buckets up to this; the last bucket holds every longer one. */
const LAG_BUCKETS = 2_000;

/**
 * Compiles the addon once per source (into node_modules/.cache, cached by the source's hash): a
 * few hundred milliseconds with Debian's gcc (infra/debian-packages/test.txt), against the Node-API
 * headers of the registry's node-api-headers, which every Node version since 18 loads.
 */
function loadAddon(): UdpBatchAddon {
  const source = readFileSync(SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const cacheDir = path.join(HERE, '..', '..', 'node_modules', '.cache', 'udp-batch');
  const built = path.join(cacheDir, `udpBatch-${hash}.node`);
  if (!existsSync(built)) {
    const require = createRequire(import.meta.url);
    const headers = path.join(path.dirname(require.resolve('node-api-headers/package.json')), 'include');
    mkdirSync(cacheDir, { recursive: true });
    // Several test processes may build at once: each writes its own file, the rename is atomic.
    const partial = `${built}.${process.pid}`;
    execFileSync('cc', ['-O2', '-Wall', '-Werror', '-shared', '-fPIC', '-I', headers, '-o', partial, SOURCE], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    renameSync(partial, built);
  }
  const module = { exports: {} as UdpBatchAddon };
  process.dlopen(module, built);
  return module.exports;
}

const addon = loadAddon();
const receivers = new Map<number, (packet: Buffer, at: number) => void>();
const drained = Buffer.allocUnsafe(DRAIN_BYTES);
let poller: NodeJS.Timeout | undefined;
/** How late this process read its datagrams: bucket i counts those read i ms after the kernel got them. */
const readLag = new Uint32Array(LAG_BUCKETS);

/** The read-lag histogram so far (1-ms buckets, the last one open-ended): whether the bots kept up. */
export function readLagHistogram(): number[] {
  return Array.from(readLag);
}

/**
 * Hands every datagram read since the last poll to its socket's receiver. The packet is a view of
 * a buffer the next poll overwrites: a receiver that keeps one must copy it.
 */
function poll(): void {
  for (;;) {
    const used = addon.drain(drained);
    const now = epochMs();
    for (let offset = 0; offset < used; ) {
      const fd = drained.readInt32LE(offset);
      const length = drained.readUInt32LE(offset + 4);
      const at = drained.readDoubleLE(offset + 8);
      readLag[Math.min(LAG_BUCKETS - 1, Math.max(0, Math.floor(now - at)))]!++;
      const start = offset + RECORD_HEADER;
      offset = start + length;
      receivers.get(fd)?.(drained.subarray(start, offset), at);
    }
    // A drain stops when the buffer cannot take another batch: read on until the sockets are empty.
    if (used < DRAIN_BYTES / 2) return;
  }
}

/** A UDP socket connected to one remote, read in batches with the other bots' sockets of this process. */
export class BatchSocket {
  private closed = false;

  private constructor(private readonly fd: number) {}

  /** `receive` gets each datagram with its kernel receive time (epoch ms); see `poll` on keeping it. */
  static open(
    remote: { address: string; port: number },
    receiveBufferBytes: number,
    receive: (packet: Buffer, at: number) => void,
  ): BatchSocket {
    const fd = addon.open(remote.address, remote.port, receiveBufferBytes);
    receivers.set(fd, receive);
    poller ??= setInterval(poll, POLL_INTERVAL_MS);
    return new BatchSocket(fd);
  }

  send(packet: Uint8Array): void {
    if (!this.closed) addon.send(this.fd, packet);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    receivers.delete(this.fd);
    addon.close(this.fd);
    if (receivers.size === 0) {
      clearInterval(poller);
      poller = undefined;
    }
  }
}
