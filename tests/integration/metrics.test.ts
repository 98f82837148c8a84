import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/auth.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

const TOKEN = 'scrape-token-of-the-monitoring-net';

/** The value of one series in Prometheus's text format, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    if (Object.entries(labels).every(([k, v]) => present[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  let platform: TestPlatform;
  const clients: ProtocolClient[] = [];

  const scrape = async () => {
    const response = await fetch(`${platform.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await platform?.stop();
  });

  it('answers only the bearer token when METRICS_TOKEN is set', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-of-the-same-size!', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const response = await fetch(`${platform.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    }
    expect(sample(await scrape(), 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('reports the process and the mediasoup workers', async () => {
    const text = await scrape();
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'pm_mediasoup_workers')).toBe(1);
    expect(sample(text, 'pm_mediasoup_worker_up', { worker: '0' })).toBe(1);
    // A started worker has spent some CPU already (its own start-up).
    expect(sample(text, 'pm_mediasoup_worker_cpu_seconds_total', { worker: '0' })).toBeGreaterThan(0);
    expect(text).toContain('# TYPE pm_mediasoup_worker_cpu_seconds_total counter');
    expect(sample(text, 'pm_node_draining')).toBe(0);
  });

  it('counts meetings, participants and sites, and times joins and every signalling request', async () => {
    const { meetingId } = await createMeeting(platform.db.prisma, { title: 'Giao ban trực tuyến', siteCodes: ['SO-YTE', '15865'] });
    const before = await scrape();
    expect(sample(before, 'pm_meetings_live')).toBe(0);

    for (const username of ['so-yte', '15865', 'vanhanh']) {
      const client = await ProtocolClient.connect(platform.url, username);
      clients.push(client);
      await client.request('meeting:join', { meetingId });
    }
    // A site may not grant the floor: refused before its handler runs.
    await expect(clients[0]!.request('floor:grant', { siteId: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const text = await scrape();
    expect(sample(text, 'pm_meetings_live')).toBe(1);
    expect(sample(text, 'pm_meeting_participants')).toBe(3);
    expect(sample(text, 'pm_meeting_sites_joined')).toBe(2);
    expect(sample(text, 'pm_meeting_join_duration_seconds_count')).toBe(3);
    expect(sample(text, 'pm_signalling_request_duration_seconds_count', { event: 'meeting:join', outcome: 'ok' })).toBe(3);
    expect(sample(text, 'pm_signalling_request_duration_seconds_count', { event: 'floor:grant', outcome: 'FORBIDDEN' })).toBe(1);
    expect(sample(text, 'pm_signalling_request_duration_seconds_bucket', { event: 'meeting:join', outcome: 'ok', le: '+Inf' })).toBe(3);
    expect(sample(text, 'pm_mediasoup_worker_routers', { worker: '0' })).toBeGreaterThanOrEqual(1);

    clients.pop()!.close();
    await expect.poll(async () => sample(await scrape(), 'pm_meeting_participants')).toBe(2);
  });

  it('times HTTP requests by route template, not by path', async () => {
    await callApi(platform.url, undefined, 'GET', '/api/meetings/some-meeting-id');
    await callApi(platform.url, undefined, 'GET', '/api/no-such-route');
    const text = await scrape();
    expect(sample(text, 'pm_http_request_duration_seconds_count', { method: 'GET', route: '/api/meetings/:id', status: '401' })).toBe(1);
    expect(sample(text, 'pm_http_request_duration_seconds_count', { method: 'GET', route: 'other', status: '404' })).toBe(1);
    expect(text).not.toContain('some-meeting-id');
  });

  it('sums the transports’ bitrates of each worker when scraped', async () => {
    const worker = platform.workers.slot(0).worker;
    const router = await worker.createRouter({ mediaCodecs: [] });
    const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', comedia: true });
    try {
      expect(sample(await scrape(), 'pm_mediasoup_worker_transports', { worker: '0' })).toBeGreaterThanOrEqual(1);
      // 50 datagrams of 1000 bytes within half a second: about 400 kbit/s over mediasoup's 1 s window.
      const udp = dgram.createSocket('udp4');
      for (let i = 0; i < 50; i++) {
        await new Promise<void>((resolve, reject) => udp.send(Buffer.alloc(1000, 0x80), transport.tuple.localPort, '127.0.0.1', (e) => (e ? reject(e) : resolve())));
        await new Promise((r) => setTimeout(r, 10));
      }
      udp.close();
      const text = await scrape();
      expect(sample(text, 'pm_mediasoup_bitrate_bits_per_second', { worker: '0', direction: 'recv' })).toBeGreaterThan(100_000);
      // The transport only received: nothing was sent back.
      expect(sample(text, 'pm_mediasoup_bitrate_bits_per_second', { worker: '0', direction: 'send' })).toBe(0);
    } finally {
      router.close();
    }
  });
});
