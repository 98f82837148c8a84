import type { Browser, BrowserContext } from 'playwright-core';
import { login } from './auth.ts';
import { newKiosk } from './chromium.ts';

/** A fresh kiosk browser context already signed in as `username` (its session cookie set). */
export async function signedInKiosk(browser: Browser, baseUrl: string, username: string): Promise<BrowserContext> {
  const context = await newKiosk(browser, baseUrl);
  const [name, value] = (await login(baseUrl, username)).split('=') as [string, string];
  await context.addCookies([{ name, value, url: baseUrl }]);
  return context;
}
