import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedRelay } from './feedRelay.js';
import { buildRtp } from '../sfu/rtp/rtpPacket.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const VP8_DELTA = Buffer.from([0x10, 0x01, 0x00]);
const VP8_KEY = Buffer.from([0x10, 0x00, 0x9d, 0x01, 0x2a]);

describe('FeedRelay', () => {
  const closing: Array<() => void> = [];
  afterEach(() => closing.splice(0).forEach((close) => close()));

  it('asks again for a keyframe while video waits for one, and stops asking once one came', async () => {
    const relay = await FeedRelay.open('video');
    const sender = dgram.createSocket('udp4');
    const recorder = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => recorder.bind(0, '127.0.0.1', resolve));
    closing.push(() => relay.close(), () => sender.close(), () => recorder.close());
    const received: Buffer[] = [];
    recorder.on('message', (m) => received.push(m));
    let asked = 0;
    relay.askKeyframesWith(() => asked++);
    const firstSent = relay.sendTo(recorder.address().port);

    // A source with no keyframe for 1.3 s (the first request was lost), a frame every 50 ms: the
    // relay asks every 500 ms while it waits, so twice (more only if this machine was slow).
    let seq = 1;
    const frame = (payload: Buffer) => sender.send(buildRtp(96, seq++, seq * 4500, 0x1234, payload), relay.port, '127.0.0.1');
    const started = Date.now();
    for (let t = 0; t < 1300; t += 50) {
      frame(VP8_DELTA);
      await sleep(50);
    }
    const waitedMs = Date.now() - started;
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(asked).toBeLessThanOrEqual(Math.floor(waitedMs / 500));
    expect(received.filter((m) => m[1]! < 200)).toHaveLength(0);

    frame(VP8_KEY);
    for (let i = 0; i < 12; i++) {
      frame(VP8_DELTA);
      await sleep(50);
    }
    const askedBefore = asked;
    await sleep(100);
    expect(asked).toBe(askedBefore);
    // The keyframe and the frames after it went on to the recorder (RTP, not the RTCP reports).
    await expect.poll(() => received.filter((m) => m[1]! < 200).length).toBe(13);
    await expect(firstSent).resolves.toBeGreaterThan(started);
  });
});
