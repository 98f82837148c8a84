import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginPage } from '../support/auth.ts';
import { browserSuite } from '../support/browserSuite.ts';
import { newKiosk } from '../support/chromium.ts';

/**
 * The Content-Security-Policy is strict (no inline script): the built app and the API reference
 * must work under it, with not one violation reported by the browser.
 */
describe('the web app under its Content-Security-Policy (one browser)', () => {
  const suite = browserSuite();

  /** A kiosk page that records every CSP violation the browser reports (script, style, connection…). */
  const watchedPage = async (): Promise<{ page: Page; violations: string[] }> => {
    const page = await (await newKiosk(suite.browser, suite.platform.url)).newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
      });
    });
    return { page, violations };
  };

  it('signs in and runs the technical check, camera to the SFU and back, with no violation', async () => {
    const { page, violations } = await watchedPage();
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await loginPage(page, '15991');
    // The check starts by itself.
    await page.goto('/check');
    await expect
      .poll(async () => Number(await page.getByTestId('frames-decoded').textContent()), { timeout: 60_000 })
      .toBeGreaterThan(10);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('shows the API reference (Swagger UI) with no violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto('/api/docs', { timeout: 90_000 });
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 60_000 });
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('blocks a script injected into the page', async () => {
    const { page, violations } = await watchedPage();
    await page.goto('/');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    await page.context().close();
  });
});
