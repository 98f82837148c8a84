import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Demo@2026';

/** Sign-in tries a client makes while the server answers 429 (wait, then try again). */
const SIGN_IN_TRIES = 10;

/**
 * Signs in through the API; returns the `Cookie` header value (`pm_session=…`) for later calls.
 * Like a kiosk, it waits as long as a 429's Retry-After says and tries again: the server takes a
 * few sign-ins from one address at a time, and many rooms behind one NAT sign in together.
 */
export async function login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  let response: Response;
  for (let tries = 1; ; tries++) {
    response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 429 || tries === SIGN_IN_TRIES) break;
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
  }
  if (response.status !== 200) throw new Error(`sign-in as ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('pm_session='));
  if (!cookie) throw new Error(`sign-in as ${username} set no pm_session cookie`);
  return cookie.split(';')[0]!;
}

export interface ApiAnswer {
  status: number;
  body: any;
}

/** One API call with a session cookie (or none); JSON in, JSON (or text) out. */
export async function callApi(
  baseUrl: string,
  cookie: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, body: json && text ? JSON.parse(text) : text };
}

/** Signs in through the real login screen, as a person at the kiosk would. */
export async function loginPage(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}
