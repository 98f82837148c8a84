import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });
/** A shared secret; an empty value (a template's placeholder) counts as unset. */
const optionalSecret = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || v.length >= 16, { message: 'must be at least 16 characters' });
/** A comma-separated list; blanks dropped. */
const commaList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((item) => item.trim()).filter(Boolean));
/** A file path; an empty value (a template's placeholder) counts as unset. */
const optionalPath = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
/** RFC 7065 TURN URIs: `turn:host[:port][?transport=udp|tcp]`, `turns:` for TLS. */
const TURN_URI = /^turns?:[^\s?,]+(\?transport=(udp|tcp))?$/;
const turnUrls = commaList.refine((urls) => urls.every((url) => TURN_URI.test(url)), {
    message: 'must be comma-separated turn: or turns: URLs, e.g. turn:turn.example.vn:3478,turns:turn.example.vn:443?transport=tcp',
  });

/**
 * Every setting comes from the environment and is validated once, at start, so a wrong value is
 * reported before anything starts, all wrong values at once.
 */
const envSchema = z.object({
  /** Loopback by default, like the media: a meeting room on the network needs HOST, the media addresses and HTTPS. */
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /** PostgreSQL to use. Unset: the platform starts its own embedded PostgreSQL in PM_DATA_DIR. */
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  /** How sites reach this node (behind a proxy, or one node of a cluster): a node sends sites here. */
  PUBLIC_URL: optionalUrl(['http', 'https']),
  /** Redis shared by the nodes of a cluster. Unset: a single node keeps its state in memory. */
  REDIS_URL: optionalUrl(['redis', 'rediss']),
  PM_DATA_DIR: z.string().default(path.join(repoRoot, '.data')),
  EMBEDDED_PG_PORT: port.default(54329),
  PM_WEB_DIST: z.string().default(path.join(repoRoot, 'packages/web/dist')),
  MEDIASOUP_WORKER_BIN: z.string({ error: 'is required (infra/mediasoup-worker/ensure.mjs builds it)' }).min(1),
  MEDIASOUP_NUM_WORKERS: z.coerce.number().int().min(1).max(64).default(os.availableParallelism()),
  /** Address the media ports bind to. */
  MEDIASOUP_LISTEN_IP: z.ipv4().or(z.ipv6()).default('127.0.0.1'),
  /** Address given to browsers in ICE candidates; needed when listening on 0.0.0.0 or behind NAT. */
  MEDIASOUP_ANNOUNCED_IP: z.string().optional(),
  /** Worker i listens on UDP and TCP port MEDIASOUP_PORT_BASE + i (WebRtcServer: one pair per worker). */
  MEDIASOUP_PORT_BASE: port.default(40000),
  /**
   * Ports the workers take for their other transports (the recorder's plain transports, pipes):
   * keep them apart from the WebRtcServer ports. mediasoup's own default range.
   */
  MEDIASOUP_RTC_MIN_PORT: port.default(10000),
  MEDIASOUP_RTC_MAX_PORT: port.default(59999),
  /**
   * The workers' CPU priority (nice): ahead of everything else on the host, so a busy machine
   * delays the signalling, the recorder or the database, never the programme (README, "The
   * workers first"). Lowering nice needs root, CAP_SYS_NICE or LimitNICE; without it the node
   * says so once and runs the workers at its own priority. 0 leaves them at the node's.
   */
  MEDIASOUP_WORKER_NICE: z.coerce.number().int().min(-20).max(19).default(-10),
  /** A site that reconnects within this many seconds keeps one unbroken presence. */
  ATTENDANCE_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** How often each site's connection is sampled; every sixth sample is stored. */
  QUALITY_SAMPLE_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
  /** Password given to the demo accounts the seed creates. */
  DEMO_PASSWORD: z.string().min(6).default('Demo@2026'),
  /** How long a sign-in lasts without use; each use extends it (sliding expiry). */
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  /** A session ends this long after sign-in however much it is used (the sliding expiry stops there). */
  SESSION_MAX_HOURS: z.coerce.number().min(0.1).max(24 * 90).default(24 * 7),
  /** Send the session cookie over HTTPS only: set it when a TLS proxy fronts the platform. */
  SESSION_COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  // HTTPS: browsers give the camera and microphone only to https pages (or http://localhost).
  /** PEM certificate (its chain may follow it) and private key: the node serves HTTPS and WSS itself. */
  TLS_CERT_FILE: optionalPath,
  TLS_KEY_FILE: optionalPath,
  /**
   * Without certificate files: `auto` creates a local certificate authority when HOST is not a loopback address (a
   * trial across a network), `true` always, `false` never (a TLS proxy in front of the node serves HTTPS).
   */
  TLS_LOCAL_CA: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Host names and addresses the local CA's certificate covers besides this machine's own (comma-separated). */
  TLS_NAMES: commaList.refine((names) => names.every((name) => /^[\w.:-]+$/.test(name)), {
    message: 'must be comma-separated host names or IP addresses',
  }),
  /** Under HTTPS, plain HTTP on this port only redirects to https; `off` binds nothing. Failing to bind it is no error. */
  HTTP_REDIRECT_PORT: z.union([z.literal('off'), port]).default(80),
  /**
   * Failed sign-ins of one account from one client address that shut that address (only) out of
   * that account, and how long failures are remembered and a shut-out lasts.
   */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Attachments of reports: at most this much per directive, and per reporting unit over all its directives. */
  ATTACHMENT_QUOTA_DIRECTIVE_MB: z.coerce.number().int().min(1).max(100_000).default(50),
  ATTACHMENT_QUOTA_UNIT_MB: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  /** Below this much free space on PM_DATA_DIR's disk, uploads and new recordings are refused and the log raises an alert. */
  DATA_DIR_MIN_FREE_MB: z.coerce.number().int().min(0).max(10_000_000).default(2048),
  /** Failed sign-ins from one client address, whatever the accounts, that shut it out of signing in. */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(50),
  /**
   * Which proxies in front may report the client's address (X-Forwarded-For), as express's
   * `trust proxy`: `loopback`, addresses or subnets (comma-separated). Unset: the connection's peer.
   */
  TRUST_PROXY: z.string().max(500).optional(),
  /** How long before a meeting's start its sites may check in and run their technical check. */
  CHECKIN_WINDOW_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(30),
  /**
   * Seed the demo province (348 sites) and its accounts, whose password is published, at start.
   * Unset: only when HOST is a loopback address (a trial on this machine); on the network only when
   * set to true, and then every demo account must change its password before anything else.
   */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  /** coturn's URLs for meeting rooms behind strict firewalls; browsers get time-limited credentials for them. */
  TURN_URLS: turnUrls,
  /** coturn's static-auth-secret (use-auth-secret): the key of the credentials' HMAC. */
  TURN_SECRET: optionalSecret,
  /** coturn checks the credentials again at every allocation refresh: make them outlast a long meeting. */
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(43_200),
  /** When set, GET /metrics answers only `Authorization: Bearer <token>`. */
  METRICS_TOKEN: optionalSecret,
  /**
   * Scales every per-client signalling rate (requests per second by kind, `signalling/requestRate.ts`):
   * 2 allows twice as many. For a deployment whose clients are refused while behaving.
   */
  /**
   * HTTP requests per second one client address may make on a node (after a burst of ten times
   * as many), and signalling connections it may hold open. Meeting rooms behind one NAT share an
   * address: leave room for all of them.
   */
  ADDRESS_REQUESTS_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(100),
  ADDRESS_MAX_SOCKETS: z.coerce.number().int().min(1).max(100_000).default(1000),
  SIGNALLING_RATE_FACTOR: z.coerce.number().positive().max(10_000).default(1),
  /** Without METRICS_TOKEN, GET /metrics answers only these addresses and subnets (comma-separated); others get 404. */
  METRICS_NETWORKS: commaList
    .default(['127.0.0.0/8', '::1'])
    .refine((entries) => entries.every((entry) => /^[\da-fA-F.:]+(\/\d{1,3})?$/.test(entry) && isIP(entry.split('/')[0]!) !== 0), {
      message: 'must be comma-separated IP addresses or subnets (10.20.0.0/16)',
    }),
  /**
   * Site joins per second the whole cluster admits (with Redis). A province reconnecting at once
   * after a network cut is queued to this pace rather than refused, so running meetings keep going.
   */
  /** The nodes sharing a Redis under one name form one cluster; its keys and channels start with it. */
  CLUSTER_NAME: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, - and _').default('pm'),
  JOIN_PACE_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(40),
  /** On SIGTERM the node drains, then waits this long at most for its participants to move. */
  DRAIN_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
});

/** Every variable the platform reads: deployment files are checked against this list. */
export const settingNames = Object.keys(envSchema.shape);

export type Config = ReturnType<typeof loadConfig>;

const MB = 1024 * 1024;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.MEDIASOUP_LISTEN_IP === '0.0.0.0' && !e.MEDIASOUP_ANNOUNCED_IP) {
    problems.push('MEDIASOUP_ANNOUNCED_IP: is required when MEDIASOUP_LISTEN_IP is 0.0.0.0 (the address sites reach this server at)');
  }
  if ((e.TURN_URLS.length > 0) !== (e.TURN_SECRET !== undefined)) {
    problems.push('TURN_URLS, TURN_SECRET: set both (coturn’s URLs and its static-auth-secret) or neither');
  }
  if ((e.TLS_CERT_FILE === undefined) !== (e.TLS_KEY_FILE === undefined)) {
    problems.push('TLS_CERT_FILE, TLS_KEY_FILE: set both (the certificate and its private key) or neither');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const tls = tlsSettings(e);
  return {
    http: { host: e.HOST, port: e.PORT },
    tls,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
    database: {
      url: e.DATABASE_URL,
      embedded: { dataDir: path.join(e.PM_DATA_DIR, 'postgres'), port: e.EMBEDDED_PG_PORT },
    },
    redisUrl: e.REDIS_URL,
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY,
    dataDir: e.PM_DATA_DIR,
    webDist: e.PM_WEB_DIST,
    mediasoup: {
      workerBin: e.MEDIASOUP_WORKER_BIN,
      numWorkers: e.MEDIASOUP_NUM_WORKERS,
      listenIp: e.MEDIASOUP_LISTEN_IP,
      announcedIp: e.MEDIASOUP_ANNOUNCED_IP,
      portBase: e.MEDIASOUP_PORT_BASE,
      rtcPorts: { min: e.MEDIASOUP_RTC_MIN_PORT, max: e.MEDIASOUP_RTC_MAX_PORT },
      workerNice: e.MEDIASOUP_WORKER_NICE === 0 ? undefined : e.MEDIASOUP_WORKER_NICE,
    },
    demo: demoSettings(e),
    attendance: { graceMs: e.ATTENDANCE_GRACE_SECONDS * 1000, sampleMs: e.QUALITY_SAMPLE_SECONDS * 1000 },
    auth: {
      sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
      sessionMaxAgeMs: e.SESSION_MAX_HOURS * 3_600_000,
      // Under the node's own TLS the cookie is Secure by itself; behind a TLS proxy, SESSION_COOKIE_SECURE says so.
      cookieSecure: e.SESSION_COOKIE_SECURE || tls !== undefined,
      throttle: { maxFailures: e.LOGIN_MAX_FAILURES, windowMs: e.LOGIN_LOCK_MINUTES * 60_000, maxAddressFailures: e.LOGIN_ADDRESS_MAX_FAILURES },
    },
    schedule: { checkInWindowMs: e.CHECKIN_WINDOW_MINUTES * 60_000 },
    storage: {
      minFreeBytes: e.DATA_DIR_MIN_FREE_MB * MB,
      attachmentQuota: { perDirectiveBytes: e.ATTACHMENT_QUOTA_DIRECTIVE_MB * MB, perUnitBytes: e.ATTACHMENT_QUOTA_UNIT_MB * MB },
    },
    turn: e.TURN_SECRET ? { urls: e.TURN_URLS, secret: e.TURN_SECRET, ttlSeconds: e.TURN_TTL_SECONDS } : undefined,
    metrics: { token: e.METRICS_TOKEN, networks: e.METRICS_NETWORKS },
    signalling: { rateFactor: e.SIGNALLING_RATE_FACTOR },
    addressLimits: {
      requests: { perSecond: e.ADDRESS_REQUESTS_PER_SECOND, burst: e.ADDRESS_REQUESTS_PER_SECOND * 10 },
      sockets: e.ADDRESS_MAX_SOCKETS,
    },
    drain: { timeoutMs: e.DRAIN_TIMEOUT_SECONDS * 1000 },
    cluster: { name: e.CLUSTER_NAME, joinsPerSecond: e.JOIN_PACE_PER_SECOND },
  };
}

export type TlsSettings = NonNullable<Config['tls']>;

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

/**
 * The demo accounts' password is in the README and the start banner: fine for a trial on this
 * machine, not on a network. Listening beyond loopback, the demo is seeded only when SEED_DEMO=true
 * says so, and every account that still has that password may only change it.
 */
function demoSettings(e: z.infer<typeof envSchema>) {
  const onNetwork = !isLoopback(e.HOST);
  return {
    seed: e.SEED_DEMO === undefined ? !onNetwork : e.SEED_DEMO === 'true',
    password: e.DEMO_PASSWORD,
    /** Nothing is seeded only because the node listens on the network (the banner says so). */
    withheldOnNetwork: e.SEED_DEMO === undefined && onNetwork,
    /** Accounts with the published password must change it before anything else. */
    publishedPasswordLocks: onNetwork,
  };
}

/** Whether and how the node serves HTTPS itself: certificate files win; else the local CA, when asked for or `auto`. */
function tlsSettings(e: z.infer<typeof envSchema>) {
  const redirectPort = e.HTTP_REDIRECT_PORT === 'off' ? undefined : e.HTTP_REDIRECT_PORT;
  if (e.TLS_CERT_FILE && e.TLS_KEY_FILE) {
    return { source: { kind: 'files' as const, certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE }, redirectPort };
  }
  const localCa = e.TLS_LOCAL_CA === 'true' || (e.TLS_LOCAL_CA === 'auto' && !isLoopback(e.HOST));
  if (!localCa) return undefined;
  // Every name a meeting room may type or be sent to: the extra names, the public URL's host, the media's address.
  const names = [...e.TLS_NAMES];
  if (e.PUBLIC_URL) names.push(new URL(e.PUBLIC_URL).hostname.replace(/^\[|\]$/g, ''));
  if (e.MEDIASOUP_ANNOUNCED_IP) names.push(e.MEDIASOUP_ANNOUNCED_IP);
  if (e.HOST !== '0.0.0.0' && e.HOST !== '::') names.push(e.HOST);
  return { source: { kind: 'local-ca' as const, dir: path.join(e.PM_DATA_DIR, 'tls'), names }, redirectPort };
}
