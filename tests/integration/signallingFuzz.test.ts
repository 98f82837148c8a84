import { Writable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { requests } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@pm/server/logger.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

const PAYLOADS = 100_000;
/** Requests each socket has in flight at once. */
const WINDOW = 200;

/** The platform's log, counted rather than kept: lines, bytes, the longest line. */
class LogMeter extends Writable {
  lines = 0;
  bytes = 0;
  longest = 0;

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      this.lines++;
      this.bytes += line.length + 1;
      this.longest = Math.max(this.longest, line.length);
    }
    done();
  }
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]) => items[int(items.length)]!;
  const fields = [
    'transportId', 'direction', 'dtlsParameters', 'fingerprints', 'rtpParameters', 'codecs', 'encodings', 'kind', 'source',
    'producerId', 'consumerId', 'meetingId', 'siteId', 'siteIds', 'durationSeconds', 'rollCallId', 'headcount',
    'rtpCapabilities', 'mimeType', 'payloadType', 'clockRate', '__proto__', 'constructor', 'toString', '',
  ] as const;
  const atoms = [null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 31), '', 'send', 'video', 'camera', 'x'.repeat(300)] as const;
  const value = (depth: number): unknown => {
    switch (depth <= 0 ? 0 : int(9)) {
      case 0:
        return pick(atoms);
      case 1:
        return String.fromCharCode(...Array.from({ length: int(64) }, () => int(0xffff)));
      case 2:
        return (next() - 0.5) * 10 ** int(12);
      case 3:
        return Array.from({ length: int(6) }, () => value(depth - 1));
      case 4:
      case 5:
        return Object.fromEntries(Array.from({ length: 1 + int(5) }, () => [pick(fields), value(depth - 1)]));
      case 6: {
        // Deep nesting.
        let nested: unknown = pick(atoms);
        for (let level = int(60); level > 0; level--) nested = next() < 0.5 ? [nested] : { [pick(fields)]: nested };
        return nested;
      }
      case 7:
        // Now and then, a large array of wrong records (the 176 KB media:produce of issue 15).
        return next() < 0.02 ? Array.from({ length: 500 + int(1500) }, () => ({ mimeType: int(9), payloadType: 'x' })) : [value(depth - 1)];
      default:
        return Object.fromEntries(Array.from({ length: 1 + int(3) }, () => [pick(fields), 'y'.repeat(int(2000))]));
    }
  };
  return { int, value };
}

/** Everything the heap holds that is still reachable, after a full collection. */
function heapAfterCollection(): number {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

describe('socket fuzz: malformed payloads across every request name', () => {
  let platform: TestPlatform;
  const log = new LogMeter();
  const clients: ProtocolClient[] = [];

  beforeAll(async () => {
    // Rates scaled up, so the payloads reach validation instead of the rate limit (tested on its own).
    platform = await startTestPlatform({ SIGNALLING_RATE_FACTOR: '1000' }, createLogger('info', 'json', log));
    for (const username of ['chutich', 'vanhanh', 'so-yte', 'admin']) clients.push(await ProtocolClient.connect(platform.url, username));
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await platform?.stop();
  });

  it(`answers ${PAYLOADS} malformed requests briefly, stays healthy, gives its memory back and logs a bounded amount`, { timeout: 180_000 }, async () => {
    const names = Object.keys(requests);
    const random = generator(15);
    const heapBefore = heapAfterCollection();
    const logBefore = log.bytes;
    const started = performance.now();
    let answered = 0;
    let longestAnswer = 0;
    let unanswered = 0;

    await Promise.all(
      clients.map(async (client, index) => {
        const share = PAYLOADS / clients.length;
        const emitter = client.socket.timeout(20_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> };
        let sent = 0;
        const lane = async () => {
          while (sent < share) {
            sent++;
            const name = names[(sent * clients.length + index) % names.length]!;
            try {
              const answer = (await emitter.emitWithAck(name, random.value(3))) as { ok: boolean };
              expect(typeof answer.ok).toBe('boolean');
              longestAnswer = Math.max(longestAnswer, JSON.stringify(answer).length);
              answered++;
            } catch {
              unanswered++;
            }
          }
        };
        await Promise.all(Array.from({ length: WINDOW }, lane));
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    expect(unanswered).toBe(0);
    expect(answered).toBe(PAYLOADS);
    expect(longestAnswer).toBeLessThan(3000);
    expect(clients.every((client) => client.socket.connected)).toBe(true);
    expect((await fetch(`${platform.url}/healthz`)).status).toBe(200);
    expect(seconds).toBeLessThan(90);

    const logged = log.bytes - logBefore;
    expect(logged / PAYLOADS).toBeLessThan(1500);
    expect(log.longest).toBeLessThan(4000);

    // The node holds nothing per rejected request: the heap comes back near where it was.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const grownMb = (heapAfterCollection() - heapBefore) / 2 ** 20;
    expect(grownMb).toBeLessThan(64);
    console.log(`fuzz: ${PAYLOADS} requests in ${seconds.toFixed(1)} s, ${(logged / PAYLOADS).toFixed(0)} log bytes per request (longest line ${log.longest}), heap ${grownMb.toFixed(1)} MB`);
  });
});
