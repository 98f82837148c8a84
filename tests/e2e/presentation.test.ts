import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/auth.ts';
import { launchChromium, newKiosk } from '../support/chromium.ts';
import { MeetingScreen } from '../support/meetingPages.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const growing = { timeout: 20_000, interval: 500 };

/** Frames decoded now and again a second later: the second must be higher, or the picture froze. */
async function stillDecoding(read: () => Promise<number>): Promise<boolean> {
  const before = await read();
  await new Promise((r) => setTimeout(r, 1000));
  return (await read()) > before && before > 0;
}

const programmeFrames = async (screen: MeetingScreen) =>
  (await screen.received()).find((r) => r.purpose === 'programme-video')?.framesDecoded ?? 0;
const consumerIds = async (screen: MeetingScreen) => (await screen.received()).map((r) => r.consumerId).sort();

/**
 * Presentations: the room holding the floor shares its screen (Chromium's fake screen capture,
 * chosen without a dialog), every room sees the slides with the presenter's camera inset and a
 * caption naming it, through the consumers it already had; revoking the floor ends the share; the
 * chair's own share is captioned as the chair's and previewed on the console.
 */
describe('presentations: a chair and two rooms (three browsers)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let chair: MeetingScreen;
  let hoangHoa: MeetingScreen;
  let hoangDao: MeetingScreen;

  async function screenFor(username: string): Promise<MeetingScreen> {
    const context = await newKiosk(browser, platform.url);
    const cookie = await login(platform.url, username);
    const [name, value] = cookie.split(';')[0]!.split('=') as [string, string];
    await context.addCookies([{ name, value, url: platform.url }]);
    contexts.push(context);
    return new MeetingScreen(await context.newPage());
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ MEDIASOUP_NUM_WORKERS: '2' });
    // getDisplayMedia without a picker: the fake UI accepts, the fake device captures a test pattern.
    browser = await launchChromium({ extraArgs: ['--auto-select-desktop-capture-source=Entire screen', '--enable-usermedia-screen-capturing'] });
    const meeting = await createMeeting(platform.db.prisma, {
      title: 'Giao ban trực tuyến tháng 12',
      siteCodes: ['HUYEN-HOANGHOA', 'XA-HOANGHOA-HOANGDAO'],
    });
    chair = await screenFor('chutich');
    hoangHoa = await screenFor('huyen-hoanghoa');
    hoangDao = await screenFor('xa-hoanghoa-hoangdao');
    await Promise.all([chair.open(meeting.meetingId), hoangHoa.open(meeting.meetingId), hoangDao.open(meeting.meetingId)]);
    await expect.poll(() => stillDecoding(() => programmeFrames(hoangDao)), growing).toBe(true);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await platform?.stop();
  });

  it('a room may present only once it holds the floor', async () => {
    expect(await hoangHoa.page.getByTestId('presentation-toggle').count()).toBe(0);
    await hoangHoa.page.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
    const queue = chair.page.getByTestId('speaker-queue');
    await expect.poll(() => queue.textContent()).toContain('Hoằng Hóa');
    await queue.getByRole('button', { name: 'Cho phát biểu' }).click();
    await expect.poll(() => hoangHoa.page.getByTestId('presentation-toggle').textContent()).toBe('Trình chiếu màn hình');
  });

  it('its slides become the programme with its camera inset, captioned as its presentation, with no new consumer at the other room', async () => {
    await expect.poll(() => hoangDao.caption()).toContain('Hoằng Hóa');
    const before = await consumerIds(hoangDao);
    await hoangHoa.page.getByTestId('presentation-toggle').click();
    await expect.poll(() => hoangHoa.page.getByTestId('presentation-toggle').textContent()).toBe('Dừng trình chiếu');
    expect(await hoangHoa.page.getByTestId('presentation-preview').isVisible()).toBe(true);

    await expect.poll(() => hoangDao.caption(), growing).toMatch(/^Trình chiếu: .*Hoằng Hóa/);
    expect(await hoangDao.page.getByTestId('programme-caption').getAttribute('data-kind')).toBe('screen');
    await expect.poll(() => stillDecoding(() => hoangDao.insetFrames()), growing).toBe(true);
    await expect.poll(() => stillDecoding(() => programmeFrames(hoangDao)), growing).toBe(true);
    expect(await hoangDao.page.getByTestId('programme-inset').isVisible()).toBe(true);
    expect(await consumerIds(hoangDao)).toEqual(before);
    // The chair's console previews what the rooms see, inset included.
    await expect.poll(() => stillDecoding(() => chair.insetFrames()), growing).toBe(true);
    // The presenter watches its own slides, not its own camera.
    expect(await hoangHoa.page.getByTestId('programme-inset').count()).toBe(0);
  });

  it('revoking the floor ends the room’s presentation: its share stops and the programme returns to the chair', async () => {
    await chair.page.getByRole('button', { name: 'Kết thúc phát biểu' }).click();
    await expect.poll(() => hoangHoa.page.getByTestId('presentation-toggle').count()).toBe(0);
    await expect.poll(() => hoangDao.caption(), growing).toBe('Hội trường chính (chủ trì)');
    expect(await hoangDao.page.getByTestId('programme-inset').count()).toBe(0);
    expect(await hoangHoa.page.getByTestId('presentation-preview').count()).toBe(0);
  });

  it('the chair’s own share is captioned as the chair’s presentation and previewed on the console', async () => {
    await chair.page.getByTestId('presentation-toggle').click();
    await expect.poll(() => chair.page.getByTestId('presentation-toggle').textContent()).toBe('Dừng trình chiếu');
    expect(await chair.page.getByTestId('presentation-preview').isVisible()).toBe(true);
    await expect.poll(() => hoangDao.caption(), growing).toBe('Trình chiếu của chủ trì');
    await expect.poll(() => stillDecoding(() => hoangDao.insetFrames()), growing).toBe(true);
    await expect.poll(() => chair.caption()).toBe('Trình chiếu của chủ trì');
    await chair.page.getByTestId('presentation-toggle').click();
    await expect.poll(() => hoangDao.caption(), growing).toBe('Hội trường chính (chủ trì)');
  });
});
