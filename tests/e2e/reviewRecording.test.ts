import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingDetail } from '@pm/shared';
import { callApi, login } from '../support/auth.ts';
import { artefactDir, launchChromium } from '../support/chromium.ts';
import { createMeeting, scratchDataDir, type MeetingFixture } from '../support/meetingFixture.ts';
import { MeetingScreen } from '../support/meetingPages.ts';
import { cpuSeconds, decodeWarnings, probe, videoPacketAfterSeek } from '../support/mediaProbe.ts';
import { signedInKiosk } from '../support/signedInKiosk.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TURN_MS = 5000;
const PAUSE_MS = 4000;

/**
 * A meeting recorded from the chair's console while the floor changes twice, in real Chromium
 * pages: every site shows that it is recorded, and the result is one valid, seekable WebM of the
 * right length that knows who spoke when.
 */
describe('recording a meeting with two floor changes', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let meeting: MeetingFixture;
  const contexts: BrowserContext[] = [];
  const dataDir = scratchDataDir();
  let chair: MeetingScreen;
  let hoangHoa: MeetingScreen;
  let hoangDao: MeetingScreen;
  let recordedMs = 0;
  /** When the chair pressed pause, then stop: where each part's recorded time ends. */
  const partEnds: number[] = [];
  let ffmpegCpuPct = 0;
  let directiveId = '';

  async function screenFor(username: string): Promise<MeetingScreen> {
    const context = await signedInKiosk(browser, platform.url, username);
    contexts.push(context);
    return new MeetingScreen(await context.newPage());
  }
  async function giveFloor(site: MeetingScreen, name: string): Promise<void> {
    await site.page.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
    const queue = chair.page.getByTestId('speaker-queue');
    await expect.poll(() => queue.textContent()).toContain(name);
    await queue.locator('li', { hasText: name }).getByRole('button', { name: 'Cho phát biểu' }).click();
    await expect.poll(() => site.page.getByTestId('floor-indicator').getAttribute('data-has-floor')).toBe('true');
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ MEDIASOUP_NUM_WORKERS: '2', PM_DATA_DIR: dataDir });
    browser = await launchChromium();
    meeting = await createMeeting(platform.db.prisma, {
      title: 'Họp trực tuyến ứng phó bão số 5',
      siteCodes: ['15865', '15991', 'SO-YTE'],
      agenda: ['Tình hình bão', 'Phương án ứng phó'],
    });
    chair = await screenFor('chutich');
    hoangHoa = await screenFor('15865');
    hoangDao = await screenFor('15991');
    await Promise.all([chair, hoangHoa, hoangDao].map((s) => s.open(meeting.meetingId)));
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await platform?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is started from the chair’s console and shown on every site', async () => {
    await expect.poll(async () => (await hoangDao.programmeVideo()).frames, { timeout: 30_000 }).toBeGreaterThan(10);
    await chair.page.getByTestId('recording-start').click();
    for (const site of [hoangHoa, hoangDao]) {
      await expect.poll(() => site.page.getByTestId('recording-indicator').getAttribute('data-state'), { timeout: 15_000 }).toBe('recording');
    }
    const startedAt = Date.now();
    await hoangDao.page.screenshot({ path: path.join(artefactDir(), 'kiosk-recording.png') });
    const part = await platform.db.prisma.recordingPart.findFirstOrThrow({ where: { meetingId: meeting.meetingId } });
    const cpuBefore = cpuSeconds(part.pid!);

    await sleep(TURN_MS);
    await giveFloor(hoangHoa, 'Hoằng Hóa');
    await sleep(TURN_MS / 2);
    // The chair gives a directive while Hoằng Hóa speaks.
    const chairCookie = await login(platform.url, 'chutich');
    const huyen = await platform.db.prisma.unit.findUniqueOrThrow({ where: { code: '15865' } });
    const given = await callApi(platform.url, chairCookie, 'POST', `/api/meetings/${meeting.meetingId}/directives`, {
      content: 'Xã Hoằng Hóa sơ tán dân vùng ven biển trước 18 giờ.',
      responsibleUnitIds: [huyen.id],
      deadline: '2026-12-31',
    });
    expect(given.status).toBe(201);
    directiveId = given.body.directive.id;
    await sleep(TURN_MS / 2);
    await giveFloor(hoangDao, 'Hoằng Tiến');
    await sleep(TURN_MS);
    ffmpegCpuPct = ((cpuSeconds(part.pid!) - cpuBefore) / ((Date.now() - startedAt) / 1000)) * 100;

    // A pause is left out of the recording; the kiosks say so meanwhile.
    await chair.page.getByTestId('recording-pause').click();
    const pausedAt = Date.now();
    await expect.poll(() => hoangHoa.page.getByTestId('recording-indicator').getAttribute('data-state'), { timeout: 15_000 }).toBe('paused');
    const pauseTookMs = Date.now() - pausedAt;
    await sleep(PAUSE_MS);
    await chair.page.getByTestId('recording-start').click();
    const resumeClickedAt = Date.now();
    await expect.poll(() => hoangHoa.page.getByTestId('recording-indicator').getAttribute('data-state'), { timeout: 15_000 }).toBe('recording');
    const resumedAt = Date.now();
    console.log(`pause shown on a kiosk after ${pauseTookMs} ms, resume after ${resumedAt - resumeClickedAt} ms`);
    await sleep(TURN_MS);
    await chair.page.getByTestId('recording-stop').click();
    // Stopping ends the recording: the console asks first.
    await chair.page.getByTestId('recording-stop-yes').click();
    partEnds.push(pausedAt, Date.now());
    recordedMs = Date.now() - startedAt - (resumedAt - pausedAt);
    console.log(`commands: ${pausedAt - startedAt} ms recorded, paused ${resumedAt - pausedAt} ms, ${Date.now() - resumedAt} ms recorded`);
    await expect.poll(() => hoangDao.page.getByTestId('recording-indicator').count(), { timeout: 15_000 }).toBe(0);
  });

  it('leaves one valid, seekable WebM of the recorded length, with who spoke when', async () => {
    const cookie = await login(platform.url, 'theodoi');
    const detail = async (): Promise<RecordingDetail> => (await callApi(platform.url, cookie, 'GET', `/api/meetings/${meeting.meetingId}/recording`)).body;
    await expect.poll(async () => (await detail()).status.playable, { timeout: 60_000 }).toBe(true);
    const { status, floorTurns } = await detail();

    const file = `${dataDir}/recordings/${meeting.meetingId}/recording.webm`;
    const media = probe(file);
    const parts = await platform.db.prisma.recordingPart.findMany({ where: { meetingId: meeting.meetingId }, orderBy: { index: 'asc' } });
    // Wall-clock time recorded: each part from its first packet (the server's account) to the
    // chair's pause or stop; a part also holds the moment its recorder took to finish.
    const wallMs = parts.map((p, i) => partEnds[i]! - p.startedAt.getTime());
    console.log(
      `recording: ${media.durationS.toFixed(2)} s for ${recordedMs} ms recorded between the kiosks' indicators and the commands; ` +
        `parts ${parts.map((p) => p.durationMs).join(' + ')} ms for ${wallMs.join(' + ')} ms from their first packet to the command; ` +
        `ffmpeg used ${ffmpegCpuPct.toFixed(2)} % of a core`,
    );
    expect(media.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:opus', 'video:vp8']);
    // Two parts, each starting at a keyframe a moment after its command, each holding the time it
    // was recorded (a part once lost seconds: its recorder was killed instead of finishing). A part
    // also holds what came while the command travelled and its recorder finished: 0.1 s when the
    // machine is idle, 0.9 s measured with a load average of 13.
    expect(parts).toHaveLength(2);
    // A part's file begins at the first keyframe after its first packet (up to a keyframe interval
    // of the busy browser's encoder later): 0.53 s short was measured once under CI's load.
    parts.forEach((part, i) => {
      expect(part.durationMs!).toBeGreaterThan(wallMs[i]! - 1000);
      expect(part.durationMs!).toBeLessThan(wallMs[i]! + 2000);
    });
    expect(media.durationS * 1000).toBeGreaterThan(recordedMs - 1000);
    expect(media.durationS * 1000).toBeLessThan(wallMs[0]! + wallMs[1]! + 3000);
    expect(Math.abs(status.durationMs - media.durationS * 1000)).toBeLessThan(300);
    expect(decodeWarnings(file)).toBe('');
    // Seeking lands on the keyframe before the target (one every 10 s at least), found through the index.
    const target = 0.9 * media.durationS;
    const landed = videoPacketAfterSeek(file, target);
    expect(landed).toBeGreaterThan(target - 10.5);
    expect(landed).toBeLessThanOrEqual(target);

    // The chair presides from the start; then the two sites in turn.
    expect(floorTurns.map((t) => t.siteName)).toEqual([null, 'Hội trường UBND xã Hoằng Hóa', 'Hội trường UBND xã Hoằng Tiến']);
    expect(floorTurns[0]!.offsetMs).toBe(0);
    const [first, second] = floorTurns.slice(1).map((t) => t.offsetMs) as [number, number];
    expect(first).toBeGreaterThan(TURN_MS - 1000);
    expect(second - first).toBeGreaterThan(TURN_MS - 500);
    expect(second).toBeLessThan(media.durationS * 1000 - TURN_MS);

    const range = await fetch(`${platform.url}/api/meetings/${meeting.meetingId}/recording.webm`, { headers: { cookie, range: 'bytes=100-199' } });
    expect(range.status).toBe(206);
    expect((await range.arrayBuffer()).byteLength).toBe(100);
  });

  it('opens the review player at a directive’s moment, from the directive', async () => {
    const viewer = await screenFor('theodoi');
    const page = viewer.page;
    const cookie = await login(platform.url, 'theodoi');
    const directive = (await callApi(platform.url, cookie, 'GET', `/api/directives/${directiveId}`)).body.directive;
    // Given while Hoằng Hóa spoke: between the first and the second floor change.
    const { floorTurns } = (await callApi(platform.url, cookie, 'GET', `/api/meetings/${meeting.meetingId}/recording`)).body as RecordingDetail;
    expect(directive.offsetMs).toBeGreaterThan(floorTurns[1]!.offsetMs);
    expect(directive.offsetMs).toBeLessThan(floorTurns[2]!.offsetMs);

    await page.goto(`/directives/${directiveId}`);
    await page.getByTestId('open-moment').click();
    const player = page.getByTestId('review-player');
    await player.waitFor();
    const position = () => player.evaluate((v) => (v as HTMLVideoElement).currentTime);
    await expect.poll(position, { timeout: 15_000 }).toBeGreaterThan(directive.offsetMs / 1000 - 0.5);
    expect(await position()).toBeLessThan(directive.offsetMs / 1000 + 0.5);

    // The timeline shows who spoke when; a floor turn seeks there too.
    const spans = page.getByTestId('floor-span');
    await expect.poll(() => spans.allTextContents()).toEqual(['Chủ trì', 'Hội trường UBND xã Hoằng Hóa', 'Hội trường UBND xã Hoằng Tiến']);
    await expect.poll(() => page.locator(`[data-testid="mark-directive"][data-id="${directiveId}"]`).count()).toBe(1);
    await spans.nth(2).click();
    const turns = (await callApi(platform.url, cookie, 'GET', `/api/meetings/${meeting.meetingId}/recording`)).body.floorTurns;
    await expect.poll(position).toBeGreaterThan(turns[2].offsetMs / 1000 - 0.5);
    expect(await position()).toBeLessThan(turns[2].offsetMs / 1000 + 0.5);
    await page.screenshot({ path: path.join(artefactDir(), 'review.png'), fullPage: true });
  });
});
