import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@pm/server/db/testDatabase.ts';
import { login } from '../support/auth.ts';
import { launchChromium, newKiosk } from '../support/chromium.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { MeetingScreen } from '../support/meetingPages.ts';
import { ServerProcess } from '../support/serverProcess.ts';

/**
 * A kiosk that opens a meeting on a node that does not host it (the load balancer sent it there)
 * is told where the meeting runs and moves its signalling there by itself; its media are placed
 * on the least-loaded node, and the chair's programme reaches it through the pipe between nodes.
 */
describe('a kiosk on a two-node cluster (two browsers)', () => {
  let db: TestDatabase;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let meetingId: string;

  async function screenAt(node: ServerProcess, username: string): Promise<MeetingScreen> {
    const context = await newKiosk(browser, node.url);
    const [name, value] = (await login(node.url, username)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: node.url }]);
    contexts.push(context);
    return new MeetingScreen(await context.newPage());
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    nodeA = await ServerProcess.create(db.url, { DRAIN_TIMEOUT_SECONDS: '1' });
    nodeB = await ServerProcess.create(db.url, { DRAIN_TIMEOUT_SECONDS: '1' });
    await nodeA.start();
    await nodeB.start();
    browser = await launchChromium();
    ({ meetingId } = await createMeeting(db.prisma, { title: 'Họp trực tuyến qua hai máy chủ', siteCodes: ['15865'] }));
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await nodeA?.stop();
    await nodeB?.stop();
    await db?.drop();
  });

  it('follows the meeting to its host, and decodes the chair piped to the node holding its media', async () => {
    const chair = await screenAt(nodeA, 'chutich');
    await chair.open(meetingId);
    await expect.poll(() => chair.page.getByRole('heading', { name: 'Họp trực tuyến qua hai máy chủ' }).isVisible()).toBe(true);

    const kiosk = await screenAt(nodeB, '15865');
    await kiosk.open(meetingId);
    await expect
      .poll(() => kiosk.page.getByTestId('connection-state').getAttribute('data-phase'), { timeout: 20_000 })
      .toBe('live');
    await expect.poll(async () => (await kiosk.programmeVideo()).frames, { timeout: 20_000, interval: 500 }).toBeGreaterThan(10);
    // The host holds the chair's media; the kiosk's went to the emptier node B.
    const clientsOf = async (node: ServerProcess) => {
      const health = (await (await fetch(`${node.url}/healthz`)).json()) as { components: Array<{ name: string; detail?: string }> };
      return health.components
        .filter((c) => c.name.startsWith('mediasoup-worker'))
        .reduce((sum, c) => sum + Number(/(\d+) clients/.exec(c.detail ?? '')?.[1] ?? 0), 0);
    };
    expect(await clientsOf(nodeA)).toBe(1);
    expect(await clientsOf(nodeB)).toBe(1);
  });
});
