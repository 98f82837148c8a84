import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium with a fake camera and microphone (Playwright's own browser download cannot
 * work offline). The flags keep it from calling home, which this network refuses. `extraArgs` and
 * `env` let a test map a host name to loopback or give Chromium a HOME whose NSS database trusts a CA.
 */
export async function launchChromium(
  options: { extraArgs?: string[]; env?: Record<string, string>; fakeCameraFps?: number } = {},
): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    args: [
      ...(options.extraArgs ?? []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--use-fake-device-for-media-stream=fps=${options.fakeCameraFps ?? 30}`,
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
      // At 640×480 Chromium sends only two simulcast layers; meetings expect three.
      '--force-fieldtrials=WebRTC-LegacySimulcastLayerLimit/Disabled/',
    ],
  });
}

/** A fresh browser context (its own storage), as if a new kiosk had opened the page. */
export async function newKiosk(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
}

/** A scratch folder for screenshots a test keeps for a person to look at. */
export function artefactDir(): string {
  const dir = path.join(os.tmpdir(), 'pm-test-artefacts');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
