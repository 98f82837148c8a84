import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@pm/server/logger.ts';
import { FeedRelay } from '@pm/server/recording/feedRelay.ts';
import { finishPart } from '@pm/server/recording/meetingRecorder.ts';
import { RecorderProcess } from '@pm/server/recording/recorderProcess.ts';
import { freeRtpPorts } from '@pm/server/recording/udpPorts.ts';
import { decodeWarnings, probe } from '../support/mediaProbe.ts';
import { scratchDataDir } from '../support/meetingFixture.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The recorder's parts against the wall clock, without browsers: ffmpeg stands in for the
 * programme (VP8 camera, a keyframe a second; an Opus voice), the relays and the recorder are the
 * server's own, and a part is ended the way a pause or stop ends it. Each part must hold the time
 * it was recorded, and ending it must not wait for the recorder to be killed.
 */
describe('recording parts hold the time they were recorded', () => {
  const dir = scratchDataDir();
  const log = createLogger('error');
  let relays: { video: FeedRelay; chair: FeedRelay; floor: FeedRelay };
  let source: ChildProcess;

  beforeAll(async () => {
    relays = { video: await FeedRelay.open('video'), chair: await FeedRelay.open('audio'), floor: await FeedRelay.open('audio') };
    // prettier-ignore
    source = spawn('ffmpeg', [
      '-hide_banner', '-nostdin', '-loglevel', 'error', '-re',
      '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=20',
      '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
      '-map', '0:v', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-g', '20', '-b:v', '300k',
      '-f', 'rtp', `rtp://127.0.0.1:${relays.video.port}`,
      '-map', '1:a', '-c:a', 'libopus', '-b:a', '32k', '-f', 'rtp', `rtp://127.0.0.1:${relays.chair.port}`,
    ], { stdio: 'ignore' });
    await sleep(1000);
  });
  afterAll(() => {
    source?.kill('SIGKILL');
    for (const relay of Object.values(relays ?? {})) relay.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** One part, `ms` long, as MeetingRecorder opens and ends it. */
  async function recordPart(index: number, ms: number) {
    const [video, chair, floor] = (await freeRtpPorts(3)) as [number, number, number];
    const file = path.join(dir, `part-${index}.webm`);
    const recorder = await RecorderProcess.start(file, { video, chair, floor }, log);
    const videoAt = await relays.video.sendTo(video);
    await Promise.all([relays.chair.sendTo(chair), relays.floor.sendTo(floor)]);
    await sleep(ms - (Date.now() - videoAt));
    const stopAt = Date.now();
    await finishPart(recorder, Object.values(relays));
    const exitedAt = Date.now();
    return { file, recordedMs: stopAt - videoAt, stoppingMs: exitedAt - stopAt };
  }

  it('a part, then another after a pause', { timeout: 60_000 }, async () => {
    for (const [index, ms] of [[1, 6000], [2, 3000]] as const) {
      const { file, recordedMs, stoppingMs } = await recordPart(index, ms);
      const media = probe(file);
      console.log(`part ${index}: ${(media.durationS * 1000).toFixed(0)} ms of file for ${recordedMs} ms recorded; the recorder took ${stoppingMs} ms to finish`);
      expect(media.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:opus', 'video:vp8']);
      // The recorder finishes at once (it was killed after 10 s, its last cluster lost).
      expect(stoppingMs).toBeLessThan(3000);
      // The file holds what was recorded, and what came while the recorder finished, no more.
      expect(media.durationS * 1000).toBeGreaterThan(recordedMs - 300);
      expect(media.durationS * 1000).toBeLessThan(recordedMs + stoppingMs + 300);
      expect(decodeWarnings(file)).toBe('');
      await sleep(1000);
    }
  });
});
