import os from 'node:os';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Sites in the meeting: one Chromium kiosk that takes the floor, the rest bots. */
  sites: number;
  workers: number;
  /** Nodes of the cluster (separate processes on one Redis); more than one also measures a node kill. */
  nodes: number;
  /** Node processes the bots are spread over (one event loop cannot keep up with hundreds). */
  botProcesses: number;
  /** Bots announce transport-cc as Chrome (the SFU estimates each one's bandwidth); off with --no-transport-cc. */
  transportCc: boolean;
  /** The whole run stops after this long, whatever it is doing. */
  timeoutMs: number;
  /**
   * A Chromium kiosk rides along and must decode each source (off with --no-kiosk: its decode and
   * camera take about half a core here, which tells the machine's limit from the SFU's at 348).
   */
  kiosk: boolean;
  /**
   * The workers' nice value (the platform's MEDIASOUP_WORKER_NICE); unset: the platform's default.
   * `--worker-nice 0` runs them at the bench's own priority, as before the platform raised it.
   */
  workerNice: number | undefined;
}

const USAGE =
  'usage: npm run bench:meeting -- [--sites N (2–348, default 50)] [--workers N per node (default: cores, or 1 with --nodes)] [--nodes N (1–8, default 1)] [--bot-processes N (1–8, default 1, 2 above 100 sites)] [--timeout SECONDS (default 900)] [--no-transport-cc] [--no-kiosk] [--worker-nice N (-20–19, default: the platform\'s)]';

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sites: { type: 'string', default: '50' },
      workers: { type: 'string' },
      nodes: { type: 'string', default: '1' },
      'bot-processes': { type: 'string' },
      timeout: { type: 'string', default: '900' },
      'no-transport-cc': { type: 'boolean', default: false },
      'no-kiosk': { type: 'boolean', default: false },
      'worker-nice': { type: 'string' },
    },
    strict: true,
  });
  const nodes = Number(values.nodes);
  // Several nodes on one machine share its cores: one worker each unless told otherwise.
  const workers = Number(values.workers ?? (nodes > 1 ? 1 : os.availableParallelism()));
  const sites = Number(values.sites);
  const botProcesses = Number(values['bot-processes'] ?? (sites > 100 ? 2 : 1));
  const options = {
    sites,
    workers,
    nodes,
    botProcesses,
    transportCc: !values['no-transport-cc'],
    timeoutMs: Number(values.timeout) * 1000,
    kiosk: !values['no-kiosk'],
    workerNice: values['worker-nice'] === undefined ? undefined : Number(values['worker-nice']),
  };
  const valid =
    Number.isInteger(options.sites) &&
    options.sites >= 2 &&
    options.sites <= 348 &&
    Number.isInteger(options.workers) &&
    options.workers >= 1 &&
    options.workers <= 64 &&
    Number.isInteger(options.nodes) &&
    options.nodes >= 1 &&
    options.nodes <= 8 &&
    Number.isInteger(options.botProcesses) &&
    options.botProcesses >= 1 &&
    options.botProcesses <= 8 &&
    (options.workerNice === undefined ||
      (Number.isInteger(options.workerNice) && options.workerNice >= -20 && options.workerNice <= 19)) &&
    options.timeoutMs > 0;
  if (!valid) throw new Error(USAGE);
  return options;
}
