import os from 'node:os';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Sites in the meeting: one Chromium kiosk that takes the floor, the rest bots. */
  sites: number;
  workers: number;
  /** The whole run stops after this long, whatever it is doing. */
  timeoutMs: number;
}

const USAGE = 'usage: npm run bench:meeting -- [--sites N (2–348, default 50)] [--workers N (default: cores)] [--timeout SECONDS (default 900)]';

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sites: { type: 'string', default: '50' },
      workers: { type: 'string', default: String(os.availableParallelism()) },
      timeout: { type: 'string', default: '900' },
    },
    strict: true,
  });
  const options = { sites: Number(values.sites), workers: Number(values.workers), timeoutMs: Number(values.timeout) * 1000 };
  const valid =
    Number.isInteger(options.sites) && options.sites >= 2 && options.sites <= 348 &&
    Number.isInteger(options.workers) && options.workers >= 1 && options.workers <= 64 &&
    options.timeoutMs > 0;
  if (!valid) throw new Error(USAGE);
  return options;
}
