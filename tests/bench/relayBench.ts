/**
 * `npm run bench:relay`: what the stable programme's relay costs, and why it runs in a thread of
 * its own. A real mediasoup worker; two cameras (A, B: three simulcast layers each, about 1.6 Mbit/s,
 * answering keyframe requests at once) and a viewer, each in a thread of its own so nothing they
 * measure waits on the main thread; the relay between the programme's tap and inject transports,
 * run either in its own thread (as the platform does) or on the main thread. The main thread is
 * left idle, or kept busy as a node's is in a join storm (150 ms of work every 300 ms). The picture
 * is switched A → B → A → B; the bench prints, for each case, the switch time (command → the new
 * camera's first packet at the viewer), the gaps between packets the viewer saw, and the relay's CPU.
 */
import { Worker } from 'node:worker_threads';
import { createLogger } from '@pm/server/logger.ts';
import { mediaCodecs } from '@pm/server/sfu/mediaCodecs.ts';
import type { ms } from '@pm/server/sfu/mediasoupModule.ts';
import { plainCapabilities } from '@pm/server/sfu/plainCapabilities.ts';
import { ProgrammeRelay, type LaneSpec, type RelayPorts } from '@pm/server/sfu/programme/programmeRelay.ts';
import { RelayThreadClient } from '@pm/server/sfu/programme/relayThreadClient.ts';
import { WorkerPool } from '@pm/server/sfu/workerPool.ts';
import { freeMediaPortBase } from '@pm/server/testing/mediaPorts.ts';

const log = createLogger('warn');
const LAYERS = [
  { packets: 1, size: 600 },
  { packets: 2, size: 900 },
  { packets: 4, size: 1100 },
];

/**
 * A camera in a thread: 30 fps, one SSRC per layer, a keyframe at once when asked (PLI), and a
 * sender report per layer every second as a browser sends (mediasoup switches a consumer between
 * simulcast layers only once both layers have one).
 */
const cameraThread = `
const { parentPort, workerData } = require('node:worker_threads');
const dgram = require('node:dgram');
const { port, ssrcs, tag, layers } = workerData;
const socket = dgram.createSocket('udp4');
const wantsKey = ssrcs.map(() => true);
socket.on('message', (p) => {
  if (p[1] !== 206 || (p[0] & 0x1f) !== 1) return;
  const i = ssrcs.indexOf(p.readUInt32BE(8));
  if (i >= 0) wantsKey[i] = true;
});
socket.bind(0, '127.0.0.1', () => {
  let frame = 0, seq = ssrcs.map(() => 0);
  const sr = (ssrc) => {
    const now = Date.now(), p = Buffer.alloc(28);
    p[0] = 0x80; p[1] = 200; p.writeUInt16BE(6, 2); p.writeUInt32BE(ssrc, 4);
    p.writeUInt32BE(Math.floor(now / 1000) + 2208988800, 8); p.writeUInt32BE(Math.floor(((now % 1000) / 1000) * 2 ** 32) >>> 0, 12);
    p.writeUInt32BE((frame * 3000) >>> 0, 16);
    return p;
  };
  setInterval(() => ssrcs.forEach((ssrc) => socket.send(sr(ssrc), port, '127.0.0.1')), 1000);
  setInterval(() => {
    frame++;
    ssrcs.forEach((ssrc, i) => {
      const key = wantsKey[i]; wantsKey[i] = false;
      for (let k = 0; k < layers[i].packets; k++) {
        const p = Buffer.alloc(layers[i].size);
        p[0] = 0x80; p[1] = 96 | (k === layers[i].packets - 1 ? 0x80 : 0);
        p.writeUInt16BE(++seq[i] & 0xffff, 2); p.writeUInt32BE((frame * 3000) >>> 0, 4); p.writeUInt32BE(ssrc, 8);
        // VP8: X, S (first packet of the frame), PictureID 15 bits, TL0PICIDX; then the frame header.
        p.set([k === 0 ? 0x90 : 0x80, 0xc0, 0x80 | ((frame >> 8) & 0x7f), frame & 0xff, frame & 0xff, key ? 0x9c : 0x9d], 12);
        p[p.length - 1] = tag;
        socket.send(p, port, '127.0.0.1');
      }
    });
  }, 1000 / 30);
  parentPort.postMessage('sending');
});`;

/** The viewer in a thread: when each packet arrived and whose it was. */
const viewerThread = `
const { parentPort } = require('node:worker_threads');
const dgram = require('node:dgram');
const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
const arrivals = [];
socket.on('message', (p) => { if (p[1] < 200 || p[1] > 207) arrivals.push([performance.timeOrigin + performance.now(), p[p.length - 1]]); });
socket.bind(0, '127.0.0.1', () => parentPort.postMessage(socket.address().port));
parentPort.on('message', () => { parentPort.postMessage(arrivals.splice(0)); });`;

const now = () => performance.timeOrigin + performance.now();

function thread(code: string, workerData?: unknown): Promise<{ worker: Worker; first: unknown }> {
  const worker = new Worker(code, { eval: true, workerData });
  return new Promise((resolve) => worker.once('message', (first) => resolve({ worker, first })));
}

interface Relay {
  ports: RelayPorts;
  busy?(): number;
  route(output: string, layer: number, ssrc: number | null, generation: number): void;
  close(): void;
}

async function runCase(router: ms.Router, inThread: boolean, busy: boolean) {
  const plain = { listenIp: '127.0.0.1', rtcpMux: true, comedia: false };
  const tap = await router.createPlainTransport(plain);
  const inject = await router.createPlainTransport(plain);
  const lanes: LaneSpec[] = LAYERS.map((_, layer) => ({ output: 'video', layer, ssrc: 0x7000 + layer, payloadType: 96, clockRate: 90000, video: true }));
  const mediasoupPorts = { tap: tap.tuple.localPort, inject: inject.tuple.localPort };
  const relay: Relay = inThread
    ? await RelayThreadClient.start(lanes, mediasoupPorts, log)
    : await ProgrammeRelay.open(lanes, mediasoupPorts, { switched: () => undefined });
  await tap.connect({ ip: '127.0.0.1', port: relay.ports.tap });
  await inject.connect({ ip: '127.0.0.1', port: relay.ports.inject });
  const vp8 = { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] };
  const stable = await inject.produce({ kind: 'video', rtpParameters: { codecs: [vp8], encodings: lanes.map((l) => ({ ssrc: l.ssrc })) } });

  const cameras = await Promise.all(
    [1, 2].map(async (tag) => {
      const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: true });
      const ssrcs = LAYERS.map((_, layer) => 0x10000 * tag + layer);
      const producer = await transport.produce({ kind: 'video', rtpParameters: { codecs: [vp8], encodings: ssrcs.map((ssrc) => ({ ssrc })) } });
      const { worker } = await thread(cameraThread, { port: transport.tuple.localPort, ssrcs, tag, layers: LAYERS });
      const consumers = await Promise.all(
        LAYERS.map((_, layer) => tap.consume({ producerId: producer.id, rtpCapabilities: plainCapabilities(router), preferredLayers: { spatialLayer: layer } })),
      );
      return { tag, transport, worker, consumers };
    }),
  );
  const { worker: viewer, first: viewerPort } = await thread(viewerThread);
  const viewTransport = await router.createPlainTransport(plain);
  await viewTransport.connect({ ip: '127.0.0.1', port: viewerPort as number });
  await viewTransport.consume({ producerId: stable.id, rtpCapabilities: plainCapabilities(router), preferredLayers: { spatialLayer: 2 } });

  const busyTimer = busy
    ? setInterval(() => {
        const until = Date.now() + 150;
        while (Date.now() < until);
      }, 300)
    : undefined;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const switches: Array<{ at: number; tag: number }> = [];
  let generation = 0;
  const show = (camera: (typeof cameras)[number]) => {
    generation++;
    switches.push({ at: now(), tag: camera.tag });
    camera.consumers.forEach((consumer, layer) => relay.route('video', layer, consumer.rtpParameters.encodings![0]!.ssrc!, generation));
    // A keyframe request lost to a closing consumer only delays a switch, which the figures show.
    for (const consumer of camera.consumers) consumer.requestKeyFrame().catch(() => undefined);
  };
  const startedAt = now();
  relay.busy?.();
  show(cameras[0]!);
  for (const camera of [cameras[1]!, cameras[0]!, cameras[1]!]) {
    await sleep(2500);
    show(camera);
  }
  await sleep(2500);
  clearInterval(busyTimer);
  const arrivals = await new Promise<Array<[number, number]>>((resolve) => {
    viewer.once('message', resolve);
    viewer.postMessage('report');
  });
  const elapsed = (now() - startedAt) / 1000;

  const switchMs = switches.slice(1).map((s) => (arrivals.find(([at, tag]) => at >= s.at && tag === s.tag)?.[0] ?? Infinity) - s.at);
  const gaps = arrivals.slice(1).map(([at], i) => at - arrivals[i]![0]);
  const sorted = [...gaps].sort((a, b) => a - b);
  const relayBusyPct = relay.busy ? relay.busy() * 100 : undefined;

  await Promise.all([viewer.terminate(), ...cameras.map((c) => c.worker.terminate())]);
  relay.close();
  for (const transport of [tap, inject, viewTransport, ...cameras.map((c) => c.transport)]) transport.close();
  return {
    relay: inThread ? 'own thread' : 'main thread',
    mainThread: busy ? 'busy 150 ms / 300 ms' : 'idle',
    switchMs: switchMs.map((v) => Math.round(v)),
    packetsPerSecond: Math.round(arrivals.length / elapsed),
    gapP99Ms: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
    gapMaxMs: Math.round(sorted.at(-1) ?? 0),
    ...(relayBusyPct === undefined ? {} : { relayThreadBusyPct: Math.round(relayBusyPct * 10) / 10 }),
  };
}

const pool = await WorkerPool.start(
  { workerBin: process.env.MEDIASOUP_WORKER_BIN!, numWorkers: 1, listenIp: '127.0.0.1', portBase: await freeMediaPortBase(1), rtcPorts: { min: 30000, max: 32000 } },
  log,
);
const router = await pool.slot(0).worker.createRouter({ mediaCodecs });
const results = [];
for (const inThread of [true, false]) for (const busy of [false, true]) results.push(await runCase(router, inThread, busy));
console.table(results.map((r) => ({ ...r, switchMs: r.switchMs.join(' / ') })));
console.log(JSON.stringify(results));
await pool.close();
process.exit(0);
