import fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinutesDocument, RecordingStatus } from '@pm/shared';
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
 * A power cut in the middle of a recorded meeting while the secretariat writes the minutes: the
 * server is killed with SIGKILL. Every entry the server acknowledged is still there after the
 * restart, and the recording up to the crash (less a few seconds) is repaired into a playable file.
 */
describe('kill -9 during a recorded meeting with minutes being written', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let meeting: MeetingFixture;
  const contexts: BrowserContext[] = [];
  const dataDir = scratchDataDir();
  const acknowledged: string[] = [];
  let recordedMs = 0;

  async function screenFor(username: string): Promise<MeetingScreen> {
    const context = await signedInKiosk(browser, server.url, username);
    contexts.push(context);
    return new MeetingScreen(await context.newPage());
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await ServerProcess.create(db.url, { PM_DATA_DIR: dataDir });
    await server.start();
    meeting = await createMeeting(db.prisma, { title: 'Họp trực tuyến khẩn về dịch bệnh', siteCodes: ['15865', 'SO-YTE'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged minutes entry and leaves a playable partial recording', { timeout: 180_000 }, async () => {
    const [chair, site] = [await screenFor('chutich'), await screenFor('15865')];
    await Promise.all([chair.open(meeting.meetingId), site.open(meeting.meetingId)]);
    await expect.poll(async () => (await site.programmeVideo()).frames, { timeout: 30_000 }).toBeGreaterThan(10);

    const control = await ProtocolClient.connect(server.url, 'chutich');
    const started = await control.request('recording:start', { meetingId: meeting.meetingId });
    expect(started.state).toBe('recording');
    const startedAt = Date.now();
    control.close();

    // The secretary keeps writing; the server dies between two entries or in the middle of one.
    const secretary = await login(server.url, 'vanphong');
    let writing = true;
    const writer = (async () => {
      for (let i = 1; writing; i++) {
        const answer = await callApi(server.url, secretary, 'POST', `/api/meetings/${meeting.meetingId}/minutes/entries`, { text: `Ý kiến số ${i}` }).catch(() => undefined);
        if (answer?.status === 201) acknowledged.push(answer.body.entry.id);
        await sleep(150);
      }
    })();
    await sleep(8000);
    await server.kill();
    recordedMs = Date.now() - startedAt;
    writing = false;
    await writer;
    expect(acknowledged.length).toBeGreaterThan(10);

    await server.start();
    const reader = await login(server.url, 'vanphong');
    const minutes: MinutesDocument = (await callApi(server.url, reader, 'GET', `/api/meetings/${meeting.meetingId}/minutes`)).body;
    const kept = new Set(minutes.entries.map((e) => e.id));
    expect(acknowledged.filter((id) => !kept.has(id))).toEqual([]);

    // The recorder outlives the server, finishes its file when its input stays silent, and the
    // restarted server repairs and joins what it left.
    const status = async (): Promise<RecordingStatus> =>
      (await callApi(server.url, reader, 'GET', `/api/meetings/${meeting.meetingId}/recording/status`)).body;
    await expect.poll(async () => (await status()).playable, { timeout: 90_000, interval: 1000 }).toBe(true);
    const file = `${dataDir}/recordings/${meeting.meetingId}/recording.webm`;
    const media = probe(file);
    console.log(`partial recording after kill -9: ${media.durationS.toFixed(2)} s of ${recordedMs} ms recorded`);
    expect(media.streams.map((s) => s.codec_name).sort()).toEqual(['opus', 'vp8']);
    expect(media.durationS * 1000).toBeGreaterThan(recordedMs - 4000);
    expect(media.durationS * 1000).toBeLessThan(recordedMs + 1000);
    expect(decodeWarnings(file)).toBe('');
    expect((await status()).state).toBe('stopped');
  });
});
