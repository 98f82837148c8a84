import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/auth.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { artefactDir } from '../support/chromium.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { MeetingScreen } from '../support/meetingPages.ts';

const TV = { width: 1920, height: 1080 };
const AGENDA = ['Báo cáo tình hình kinh tế – xã hội tháng 11', 'Công tác phòng, chống thiên tai'];
// The shared test machine can be very busy: pages and media get time to come up.
const slow = { timeout: 90_000, interval: 500 };

/** Where an element is on the screen, and its computed font size in px. */
async function box(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((element) => {
    const r = element.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, fontSize: parseFloat(getComputedStyle(element).fontSize) };
  });
}

/**
 * A meeting room's TV: the kiosk full screen at 1920×1080 (the URL flag of an unattended kiosk),
 * waiting for the chair, then showing the programme edge to edge with status readable from the
 * back of the room. Screenshots of each step go to the test artefacts.
 */
describe('the kiosk full screen on a meeting-room TV', () => {
  const suite = browserSuite();
  const contexts: BrowserContext[] = [];
  let tv: MeetingScreen;
  let meetingId: string;

  async function pageFor(username: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await suite.browser.newContext({ baseURL: suite.platform.url, viewport, locale: 'en-US' });
    const [name, value] = (await login(suite.platform.url, username)).split(';')[0]!.split('=') as [string, string];
    await context.addCookies([{ name, value, url: suite.platform.url }]);
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    const meeting = await createMeeting(suite.platform.db.prisma, {
      title: 'Giao ban trực tuyến tháng 11',
      siteCodes: ['15865', '15991'],
      agenda: AGENDA,
      startsAt: new Date(Date.now() + 10 * 60_000),
    });
    meetingId = meeting.meetingId;
    tv = new MeetingScreen(await pageFor('15865', TV));
    await tv.page.goto(`/meeting/${meetingId}?kiosk=1`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('before the chair arrives: a waiting screen with the title, countdown and agenda, not a black picture captioned as the chair', async () => {
    const waiting = tv.page.getByTestId('waiting-screen');
    await expect.poll(() => waiting.isVisible(), slow).toBe(true);
    await expect.poll(() => waiting.textContent(), slow).toContain('Bắt đầu sau');
    const text = (await waiting.textContent()) ?? '';
    expect(text).toContain('Giao ban trực tuyến tháng 11');
    expect(text).toContain('Đang chờ chủ trì');
    for (const item of AGENDA) expect(text).toContain(item);
    // The header is out of the way and the waiting screen covers the whole TV.
    expect(await tv.page.locator('.app__header').isVisible()).toBe(false);
    const screen = await box(tv.page, 'waiting-screen');
    expect(screen.width * screen.height).toBeGreaterThanOrEqual(TV.width * TV.height * 0.95);
    await tv.page.screenshot({ path: path.join(artefactDir(), 'kiosk-tv-1-waiting.png') });
  });

  it('with the chair: the programme fills the screen, its source named large, the room’s own picture a corner inset', async () => {
    const chair = await pageFor('chutich', { width: 1366, height: 768 });
    await chair.goto(`/meeting/${meetingId}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await expect.poll(async () => (await tv.programmeVideo()).frames, slow).toBeGreaterThan(0);
    await expect.poll(() => tv.page.getByTestId('waiting-screen').count(), slow).toBe(0);

    const programme = await box(tv.page, 'programme-video');
    const share = (programme.width * programme.height) / (TV.width * TV.height);
    expect(share).toBeGreaterThanOrEqual(0.98);

    const caption = await box(tv.page, 'programme-caption');
    expect(await tv.caption()).toBe('Hội trường chính (chủ trì)');
    expect(caption.fontSize).toBeGreaterThanOrEqual(48);

    const self = await box(tv.page, 'self-video');
    expect((self.width * self.height) / (TV.width * TV.height)).toBeLessThan(0.05);
    expect(self.x).toBeGreaterThan(TV.width * 0.75);
    expect(self.y + self.height).toBeLessThanOrEqual(TV.height);

    // Status readable at 4–6 m: the network line (measured from the page's own WebRTC figures).
    const network = await box(tv.page, 'network-indicator');
    expect(network.fontSize).toBeGreaterThanOrEqual(28);
    await expect
      .poll(() => tv.page.getByTestId('network-indicator').getAttribute('data-level'), slow)
      .toMatch(/^(good|fair|poor)$/);
    await tv.page.screenshot({ path: path.join(artefactDir(), 'kiosk-tv-2-programme.png') });
  }, 300_000);

  it('the room leaves full screen with one button, and leaves the meeting only after saying so', async () => {
    await tv.page.getByTestId('exit-full-screen').click();
    expect(await tv.page.locator('.app__header').isVisible()).toBe(true);
    const programme = await box(tv.page, 'programme-video');
    expect(programme.width).toBeLessThan(TV.width);

    await tv.page.getByTestId('leave-meeting').click();
    await tv.page.getByRole('button', { name: 'Ở lại cuộc họp' }).click();
    expect(tv.page.url()).toContain(`/meeting/${meetingId}`);
    await tv.page.getByTestId('leave-meeting').click();
    await tv.page.getByTestId('leave-meeting-confirm').getByRole('button', { name: 'Rời cuộc họp' }).click();
    await expect.poll(() => new URL(tv.page.url()).pathname).toBe('/');
  });
});
