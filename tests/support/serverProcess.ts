import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../setup/globalSetup.ts';
import { testMediaEnv } from '@pm/server/testing/mediaPorts.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Test files run side by side on the machine's one Redis: the nodes of one test (which share its
 * database) form a cluster of their own, named after that database, and never see another test's.
 */
export function clusterNameFor(databaseUrl: string): string {
  return new URL(databaseUrl).pathname.slice(1).toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}

/**
 * A platform node as a separate process, for the tests that must kill it the hard way
 * (`kill -9`) and start it again on the same database and ports, as after a power cut.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  /** Resolves when the current child has exited, however it ended (a signal leaves exitCode null). */
  private exited: Promise<void> = Promise.resolve();
  private alive = false;
  private output = '';
  readonly url: string;

  private constructor(
    private readonly env: Record<string, string>,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async create(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const port = await freePort();
    return new ServerProcess(
      {
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(port),
        ...(await testMediaEnv(Number(env.MEDIASOUP_NUM_WORKERS ?? 1))),
        LOG_LEVEL: 'warn',
        CLUSTER_NAME: clusterNameFor(databaseUrl),
        ...env,
      },
      port,
    );
  }

  /** Whether the process runs now. */
  get running(): boolean {
    return this.alive;
  }

  /** The server's own pid (not a wrapper's), while it runs. */
  get pid(): number | undefined {
    return this.alive ? this.child?.pid : undefined;
  }

  async start(): Promise<void> {
    // tsx's CLI would run the server as its own child, and a SIGKILL would then hit only the
    // wrapper; loading tsx into node itself makes this pid the server's.
    const tsx = path.dirname(createRequire(path.join(root, 'packages/server/package.json')).resolve('tsx/package.json'));
    const args = ['--require', path.join(tsx, 'dist/preflight.cjs'), '--import', pathToFileURL(path.join(tsx, 'dist/loader.mjs')).href];
    const child = spawn(process.execPath, [...args, path.join(root, 'packages/server/src/main.ts')], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.alive = true;
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        this.alive = false;
        resolve();
      }),
    );
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`server exited:\n${this.output.slice(-3000)}`);
      if (await this.healthy()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server not healthy within 60 s:\n${this.output.slice(-3000)}`);
  }

  /** SIGKILL: no shutdown code runs, nothing is flushed. Its mediasoup workers die with it. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (the node drains, then shuts down), SIGKILL if it takes longer than 15 s. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.child?.kill('SIGTERM');
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 15_000))]);
    await this.kill();
  }

  private async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.url}/healthz`)).status === 200;
    } catch {
      return false;
    }
  }
}
