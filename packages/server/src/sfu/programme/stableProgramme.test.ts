import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../logger.js';
import { freeMediaPortBase } from '../../testing/mediaPorts.js';
import { plainReceiver, syntheticCamera, syntheticMicrophone, tagOf, type PlainReceiver, type SyntheticCamera } from '../../testing/syntheticSource.js';
import { mediaCodecs } from '../mediaCodecs.js';
import type { ms } from '../mediasoupModule.js';
import { plainCapabilities } from '../plainCapabilities.js';
import { WorkerPool } from '../workerPool.js';
import { StableProgramme, type ProgrammeSources } from './stableProgramme.js';

const log = createLogger('silent');
const none: ProgrammeSources = { video: undefined, chairVoice: undefined, floorVoice: undefined, returnVideo: undefined, inset: undefined };

/** Tags of the packets received since `from`. */
const tagsSince = (receiver: PlainReceiver, from: number) => receiver.packets.filter((p) => p.at >= from).map((p) => p.tag);

/** A real worker and router; two synthetic cameras (the chair's, a room's) and a microphone. */
describe('StableProgramme on a real mediasoup worker', () => {
  let pool: WorkerPool;
  let router: ms.Router;
  let programme: StableProgramme;
  let chair: SyntheticCamera;
  let room: SyntheticCamera;
  let single: SyntheticCamera;
  let voice: { producer: ms.Producer; close(): void };
  const viewers: PlainReceiver[] = [];
  const switched: string[] = [];

  beforeAll(async () => {
    pool = await WorkerPool.start(
      { workerBin: process.env.MEDIASOUP_WORKER_BIN!, numWorkers: 1, listenIp: '127.0.0.1', portBase: await freeMediaPortBase(1), rtcPorts: { min: 30000, max: 32000 } },
      log,
    );
    router = await pool.slot(0).worker.createRouter({ mediaCodecs });
    programme = await StableProgramme.create(router, async () => undefined, log);
    programme.onSwitched((output) => switched.push(output));
    chair = await syntheticCamera(router, 1);
    room = await syntheticCamera(router, 2);
    single = await syntheticCamera(router, 3, { layers: 1 });
    voice = await syntheticMicrophone(router, 4);
  });

  afterAll(async () => {
    for (const viewer of viewers) viewer.close();
    for (const source of [chair, room, single, voice]) source?.close();
    programme?.close();
    await pool?.close();
  });

  const watch = async (producer: ms.Producer, layer?: number) => {
    const viewer = await plainReceiver(router, producer, plainCapabilities(router), layer);
    viewers.push(viewer);
    return viewer;
  };

  it('feeds every layer of the programme from the chosen camera’s matching layer', async () => {
    const top = await watch(programme.producers.video, 2);
    const bottom = await watch(programme.producers.video, 0);
    programme.show({ ...none, video: { producer: chair.producer, router } });
    await vi.waitFor(() => expect(switched).toContain('video'), { timeout: 5000 });
    await vi.waitFor(() => expect(tagsSince(top, 0)).toContain(tagOf(1, 2)), { timeout: 5000 });
    await vi.waitFor(() => expect(tagsSince(bottom, 0)).toContain(tagOf(1, 0)), { timeout: 5000 });
  });

  it('switches the picture to another camera at its keyframe: same SSRC, unbroken sequence, fast', async () => {
    const viewer = await watch(programme.producers.video, 2);
    await vi.waitFor(() => expect(viewer.packets.length).toBeGreaterThan(10));
    const before = switched.length;
    const grantedAt = Date.now();
    programme.show({ ...none, video: { producer: room.producer, router } });
    await vi.waitFor(() => expect(tagsSince(viewer, grantedAt)).toContain(tagOf(2, 2)), { timeout: 5000 });
    // The room sends keyframes only when asked: the switch asked it (its speed is the bench's to measure).
    expect(room.keyframeRequests[2]).toBeGreaterThan(0);
    const firstNew = viewer.packets.find((p) => p.at >= grantedAt && p.tag === tagOf(2, 2))!;
    await vi.waitFor(() => expect(switched.length).toBeGreaterThan(before));
    await new Promise((r) => setTimeout(r, 300));
    // In arrival order: the old camera's last packet can arrive in the same millisecond as the new one's first.
    const after = viewer.packets.slice(viewer.packets.indexOf(firstNew));
    // Only the new camera from its first frame on; the stream itself never changed.
    expect(new Set(after.map((p) => p.tag))).toEqual(new Set([tagOf(2, 2)]));
    expect(new Set(viewer.packets.map((p) => p.ssrc)).size).toBe(1);
    const seqs = viewer.packets.map((p) => p.seq);
    expect(seqs.slice(1).every((s, i) => ((s - seqs[i]!) & 0xffff) === 1)).toBe(true);
  });

  it('switches at the first keyframe the new camera sends, even one that limits its keyframes as libwebrtc does', async () => {
    // Answers no request within 300 ms of its last keyframe: were the switch's first keyframe
    // lost (sent before the relay waited for it), the switch would wait for a second one. At 500
    // frames a second it answers within 2 ms, before the switch has built all its consumers.
    const limited = await syntheticCamera(router, 5, { minKeyframeIntervalMs: 300, fps: 500 });
    try {
      const viewer = await watch(programme.producers.video, 2);
      await new Promise((r) => setTimeout(r, 400)); // its start-up keyframes are older than 300 ms
      const sentBefore = [...limited.keyframesSent];
      const before = switched.length;
      const grantedAt = Date.now();
      programme.show({ ...none, video: { producer: limited.producer, router } });
      await vi.waitFor(() => expect(switched.length).toBeGreaterThan(before), { timeout: 5000 });
      expect(limited.keyframesSent.map((n, layer) => n - sentBefore[layer]!)).toEqual([1, 1, 1]);
      // A viewer that has just started may take a moment to climb to the top layer.
      await vi.waitFor(() => expect(tagsSince(viewer, grantedAt)).toContain(tagOf(5, 2)), { timeout: 5000 });
    } finally {
      limited.close();
    }
  });

  it('feeds all three layers from a camera that sends one stream', async () => {
    const bottom = await watch(programme.producers.video, 0);
    const from = Date.now();
    programme.show({ ...none, video: { producer: single.producer, router } });
    await vi.waitFor(() => expect(tagsSince(bottom, from)).toContain(tagOf(3, 0)), { timeout: 5000 });
  });

  it('passes a room’s keyframe request on to the camera on the programme', async () => {
    const viewer = await watch(programme.producers.video, 2);
    programme.show({ ...none, video: { producer: chair.producer, router } });
    await vi.waitFor(() => expect(tagsSince(viewer, Date.now() - 200)).toContain(tagOf(1, 2)), { timeout: 5000 });
    // mediasoup folds a request into one still waiting for its keyframe: let the switch's own be answered.
    await new Promise((r) => setTimeout(r, 500));
    const asked = chair.keyframeRequests[2]!;
    await viewer.askKeyframe();
    await vi.waitFor(() => expect(chair.keyframeRequests[2]).toBeGreaterThan(asked), { timeout: 2000 });
  });

  it('switches a voice at once, and stops it when nobody holds the floor', async () => {
    const listener = await watch(programme.producers.floorVoice);
    programme.show({ ...none, video: { producer: chair.producer, router }, floorVoice: { producer: voice.producer, router } });
    await vi.waitFor(() => expect(listener.packets.some((p) => p.tag === tagOf(4, 0))).toBe(true), { timeout: 5000 });
    programme.show({ ...none, video: { producer: chair.producer, router } });
    await programme.settled();
    await new Promise((r) => setTimeout(r, 200));
    const count = listener.packets.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(listener.packets.length).toBe(count);
  });

  it('a presentation switches the picture to the shared screen and the inset to the presenter’s camera, with no new consumer at the rooms', async () => {
    const outputs = new Set(Object.values(programme.producers).map((producer) => producer.id));
    const roomConsumers: string[] = [];
    router.observer.on('newtransport', (transport) =>
      transport.observer.on('newconsumer', (consumer) => {
        if (outputs.has(consumer.producerId)) roomConsumers.push(consumer.id);
      }),
    );
    const picture = await watch(programme.producers.video, 2);
    const inset = await watch(programme.producers.inset);
    expect(roomConsumers).toHaveLength(2);
    const from = Date.now();
    // `single` sends one stream, as a browser's screen share does; the room's camera goes small.
    programme.show({ ...none, video: { producer: single.producer, router }, inset: { producer: room.producer, router } });
    await vi.waitFor(() => expect(tagsSince(picture, from)).toContain(tagOf(3, 0)), { timeout: 5000 });
    // The inset takes the camera's middle layer: enough for a corner of the screen.
    await vi.waitFor(() => expect(tagsSince(inset, from)).toContain(tagOf(2, 1)), { timeout: 5000 });
    expect(new Set(tagsSince(inset, from))).toEqual(new Set([tagOf(2, 1)]));
    expect(roomConsumers).toHaveLength(2);

    // The presentation ends: the inset has no source, and nothing flows (the rooms' consumers stay).
    programme.show({ ...none, video: { producer: chair.producer, router } });
    await programme.settled();
    await new Promise((r) => setTimeout(r, 200));
    const quietFrom = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    expect(tagsSince(inset, quietFrom)).toEqual([]);
    await vi.waitFor(() => expect(tagsSince(picture, quietFrom)).toContain(tagOf(1, 2)), { timeout: 5000 });
    expect(roomConsumers).toHaveLength(2);
  });
});
