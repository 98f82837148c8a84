import type { Browser, BrowserContext } from 'playwright-core';
import { newKiosk } from '../support/chromium.ts';
import { login } from '../support/auth.ts';
import { MeetingScreen } from '../support/meetingPages.ts';
import { epochMs } from './rtpCounter.ts';

export interface BrowserParticipant {
  screen: MeetingScreen;
  context: BrowserContext;
}

/**
 * A real meeting screen in Chromium (chair console or site kiosk, by the account): signed in
 * through the login API, its cookie put in a fresh context, `/meeting/<id>` opened. Chair and site
 * screens send the fake camera and microphone.
 */
export async function openMeetingInBrowser(
  browser: Browser,
  baseUrl: string,
  meetingId: string,
  account: { username: string; password: string },
): Promise<BrowserParticipant> {
  const cookie = await login(baseUrl, account.username, account.password);
  const separator = cookie.indexOf('=');
  const context = await newKiosk(browser, baseUrl);
  await context.addCookies([{ name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: baseUrl }]);
  const screen = new MeetingScreen(await context.newPage());
  await screen.open(meetingId);
  return { screen, context };
}

/**
 * The site asks for the floor on its kiosk and the chair grants it from the speaker queue, as in a
 * meeting. Returns when the chair clicked "grant" (epoch ms), the moment floor switches count from.
 */
export async function grantFloorFromChair(chair: MeetingScreen, site: MeetingScreen, siteName: string): Promise<number> {
  await site.page.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
  const queue = chair.page.getByTestId('speaker-queue');
  await queue.getByText(siteName).first().waitFor();
  const grant = queue.getByRole('button', { name: 'Cho phát biểu' });
  await grant.waitFor();
  const grantedAt = epochMs();
  await grant.click();
  return grantedAt;
}

/** The chair ends the floor; the programme returns to the chair. Returns the click time. */
export async function revokeFloorFromChair(chair: MeetingScreen): Promise<number> {
  const revoke = chair.page.getByTestId('floor-holder').getByRole('button', { name: 'Kết thúc phát biểu' });
  await revoke.waitFor();
  const revokedAt = epochMs();
  await revoke.click();
  return revokedAt;
}
