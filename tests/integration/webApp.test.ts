import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, still encoded (fetch would decode them and hide what went over the wire). */
  body: Buffer;
}

function getRaw(url: string, acceptEncoding: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The web app as the platform serves the real build (`vite build`, made by the bootstrap). */
describe('the web app over HTTP', () => {
  let platform: TestPlatform;
  let entry: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    const index = await (await fetch(`${platform.url}/`)).text();
    entry = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1] ?? '';
    expect(entry).not.toBe('');
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('sends the app brotli-compressed, or gzip, to a browser that accepts it, and plain to one that does not', async () => {
    const plain = await getRaw(`${platform.url}${entry}`, 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);

    const br = await getRaw(`${platform.url}${entry}`, 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 2.5);
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gz = await getRaw(`${platform.url}${entry}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.length).toBeLessThan(plain.body.length / 2.5);
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });

  it('loads only the start of the app first: the screens are chunks of their own, loaded by route', async () => {
    const first = await getRaw(`${platform.url}${entry}`, 'br');
    const text = zlib.brotliDecompressSync(first.body).toString('utf8');
    // The meeting screen (mediasoup-client and all) and the secretariat's editors are not in it.
    expect(text).not.toContain('MeetingConnection');
    expect(text).not.toContain('createSendTransport');
    const chunks = [...text.matchAll(/"(?:\.\/|\/?assets\/)?([\w.-]+\.js)"/g)].map((m) => m[1]);
    expect(new Set(chunks).size).toBeGreaterThan(10);
    expect(first.body.length).toBeLessThan(120_000);
  });
});
