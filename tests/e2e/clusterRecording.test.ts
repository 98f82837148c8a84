import fs from 'node:fs';
import type { RecordingStatus } from '@pm/shared';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@pm/server/db/testDatabase.ts';
import { callApi, login } from '../support/auth.ts';
import { launchChromium } from '../support/chromium.ts';
import { createMeeting, scratchDataDir, type MeetingFixture } from '../support/meetingFixture.ts';
import { MeetingScreen } from '../support/meetingPages.ts';
import { decodeWarnings, probe } from '../support/mediaProbe.ts';
import { ServerProcess } from '../support/serverProcess.ts';
import { signedInKiosk } from '../support/signedInKiosk.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The node hosting a recorded meeting dies (SIGKILL). The chair's console comes back through the
 * other node, which takes the meeting over; the recording goes on there by itself in a new part,
 * and at the stop one file holds both parts. The nodes share their data directory, as the deploy
 * recipes have them do.
 */
describe('a recorded meeting whose host node is killed', () => {
  let db: TestDatabase;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  let browser: Browser;
  let meeting: MeetingFixture;
  const contexts: BrowserContext[] = [];
  const clients: ProtocolClient[] = [];
  const dataDir = scratchDataDir();

  async function control(node: ServerProcess, action: 'recording:start' | 'recording:stop'): Promise<RecordingStatus> {
    const client = await ProtocolClient.connect(node.url, 'chutich');
    clients.push(client);
    return client.request(action, { meetingId: meeting.meetingId });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { PM_DATA_DIR: dataDir, DRAIN_TIMEOUT_SECONDS: '1' };
    nodeA = await ServerProcess.create(db.url, env);
    nodeB = await ServerProcess.create(db.url, env);
    await nodeA.start();
    await nodeB.start();
    meeting = await createMeeting(db.prisma, { title: 'Họp trực tuyến được ghi hình trên hai máy chủ', siteCodes: ['15865'] });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const context of contexts) await context.close();
    await browser?.close();
    await nodeA?.stop();
    await nodeB?.stop();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('goes on recording on the surviving node; one file holds both parts', { timeout: 180_000 }, async () => {
    // An operator opens the meeting on node A: A hosts it. The chair's console is served by node
    // B (the load balancer's choice) and follows the meeting to A.
    const operator = await ProtocolClient.connect(nodeA.url, 'vanhanh');
    clients.push(operator);
    await operator.request('meeting:join', { meetingId: meeting.meetingId });
    const context = await signedInKiosk(browser, nodeB.url, 'chutich');
    contexts.push(context);
    const chair = new MeetingScreen(await context.newPage());
    await chair.open(meeting.meetingId);

    // Recording starts once the chair's camera is the programme.
    let startedAt = 0;
    await expect
      .poll(
        async () => {
          const status = await control(nodeA, 'recording:start').catch(() => undefined);
          startedAt = Date.now();
          return status?.state;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('recording');
    await sleep(5000);
    await nodeA.kill();
    const killedAt = Date.now();

    const reader = await login(nodeB.url, 'vanphong');
    const status = async (): Promise<RecordingStatus> =>
      (await callApi(nodeB.url, reader, 'GET', `/api/meetings/${meeting.meetingId}/recording/status`)).body;
    // The console reconnects through node B, which takes the meeting over once A's lease lapses,
    // and the recording resumes by itself in a second part when the chair's camera is back.
    const parts = () => db.prisma.recordingPart.findMany({ where: { meetingId: meeting.meetingId }, orderBy: { index: 'asc' } });
    await expect.poll(async () => (await parts()).length, { timeout: 40_000, interval: 250 }).toBe(2);
    expect((await status()).state).toBe('recording');
    const resumedAt = (await parts())[1]!.startedAt.getTime();
    console.log(`[cluster] recording resumed on the surviving node ${resumedAt - killedAt} ms after its host was killed`);
    // Record a while, and give the lost host's recorder (which outlived it) time to finish its file.
    await sleep(Math.max(5000, killedAt + 13_000 - Date.now()));
    expect((await control(nodeB, 'recording:stop')).state).toBe('stopped');
    const stoppedAt = Date.now();

    await expect.poll(async () => (await status()).playable, { timeout: 60_000, interval: 1000 }).toBe(true);
    const recorded = await parts();
    expect(recorded).toHaveLength(2);
    for (const part of recorded) expect(part.durationMs).toBeGreaterThan(2000);
    const file = `${dataDir}/recordings/${meeting.meetingId}/recording.webm`;
    const media = probe(file);
    const recordedMs = killedAt - startedAt + (stoppedAt - resumedAt);
    console.log(`[cluster] ${media.durationS.toFixed(2)} s of file for ${recordedMs} ms recorded (parts ${recorded.map((p) => p.durationMs).join(' + ')} ms)`);
    expect(media.streams.map((s) => s.codec_name).sort()).toEqual(['opus', 'vp8']);
    // The lost host's part ends a little before the kill (its last cluster), the new one starts
    // with the first keyframe after the resume.
    expect(media.durationS * 1000).toBeGreaterThan(recordedMs - 4000);
    expect(media.durationS * 1000).toBeLessThan(recordedMs + 3000);
    expect(decodeWarnings(file)).toBe('');
  });
});
