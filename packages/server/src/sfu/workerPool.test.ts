import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { freeMediaPortBase } from '../testing/mediaPorts.js';
import { createLogger } from '../logger.js';
import { mediaCodecs } from './mediaCodecs.js';
import { PeerMedia } from './peerMedia.js';
import { WorkerPool, type WorkerSlot } from './workerPool.js';

const log = createLogger('silent');

async function startPool(numWorkers: number, workerNice?: number): Promise<WorkerPool> {
  return WorkerPool.start(
    {
      workerBin: process.env.MEDIASOUP_WORKER_BIN!,
      numWorkers,
      listenIp: '127.0.0.1',
      portBase: await freeMediaPortBase(numWorkers),
      rtcPorts: { min: 30000, max: 32000 },
      workerNice,
    },
    log,
  );
}

describe('WorkerPool on the project-built mediasoup worker', () => {
  let pool: WorkerPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('starts workers with a WebRtcServer each and creates routers and transports on them', async () => {
    pool = await startPool(2);
    expect(pool.size).toBe(2);
    const { slot, release } = pool.reservePeer();
    const router = await slot.worker.createRouter({ mediaCodecs });
    expect(router.rtpCapabilities.codecs?.map((c) => c.mimeType)).toEqual(
      expect.arrayContaining(['audio/opus', 'video/VP8']),
    );

    const media = new PeerMedia('site-1', { slot, router, release }, { consumerClosed: () => undefined });
    const send = await media.createTransport('send');
    // Through the WebRtcServer, every transport of a worker shares the worker's one port pair.
    const ports = new Set(send.iceCandidates.map((c) => c.port));
    expect(ports.size).toBe(1);
    expect(send.iceCandidates.map((c) => c.protocol).sort()).toEqual(['tcp', 'udp']);

    const plain = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: false, comedia: false });
    expect(plain.tuple.localPort).toBeGreaterThan(0);

    expect(slot.load).toMatchObject({ routers: 1, transports: 2 });
    media.close();
    media.close(); // idempotent
    plain.close();
    expect(slot.load.transports).toBe(0);
  });

  it('spreads a burst of joins over the workers before any of them has transports', async () => {
    const started = await startPool(2);
    pool = started;
    const placed: PeerMedia[] = [];
    // Six joins resumed in the same tick: each is counted as it is placed, before any awaits.
    const reservations = Array.from({ length: 6 }, () => started.reservePeer());
    for (const [i, { slot, release }] of reservations.entries()) {
      const router = await slot.worker.createRouter({ mediaCodecs });
      placed.push(new PeerMedia(`site-${i}`, { slot, router, release }, { consumerClosed: () => undefined }));
    }
    expect(pool.all().map((s) => s.load.peers)).toEqual([3, 3]);
    for (const media of placed.slice(0, 3)) media.close();
    // Closing twice gives the count back once.
    for (const media of placed.slice(0, 3)) media.close();
    expect(pool.all().reduce((n, s) => n + s.load.peers, 0)).toBe(3);
  });

  it('runs its workers ahead of the node (nice), as the kernel reads it, and says so in its health', async () => {
    const nodeNice = os.getPriority();
    pool = await startPool(2, -7);
    for (const slot of pool.all()) {
      expect(os.getPriority(slot.worker.pid)).toBe(-7);
      expect(slot.nice).toBe(-7);
    }
    expect(os.getPriority()).toBe(nodeNice);
    expect(pool.health().map((h) => h.detail)).toEqual([expect.stringContaining('nice -7'), expect.stringContaining('nice -7')]);
  });

  it('leaves its workers at the node\'s priority when told none', async () => {
    pool = await startPool(1);
    expect(os.getPriority(pool.slot(0).worker.pid)).toBe(os.getPriority());
  });

  it('replaces a worker killed with SIGKILL at the same index and priority, and reports it', async () => {
    pool = await startPool(1, -7);
    const before = pool.slot(0);
    const replaced = new Promise<[WorkerSlot, WorkerSlot]>((resolve) =>
      pool!.once('workerReplaced', (fresh, dead) => resolve([fresh, dead])),
    );
    process.kill(before.worker.pid, 'SIGKILL');
    const [fresh, dead] = await replaced;
    expect(dead).toBe(before);
    expect(fresh.index).toBe(0);
    expect(fresh.generation).toBe(1);
    expect(fresh.worker.pid).not.toBe(before.worker.pid);
    expect(os.getPriority(fresh.worker.pid)).toBe(-7);
    expect(pool.health().every((h) => h.ok)).toBe(true);
    // The replacement serves transports on the same port as before.
    const router = await fresh.worker.createRouter({ mediaCodecs });
    const transport = await router.createWebRtcTransport({ webRtcServer: fresh.webRtcServer, enableUdp: true, enableTcp: true });
    expect(transport.iceCandidates.length).toBe(2);
  });
});
