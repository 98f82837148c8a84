import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../setup/globalSetup.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A platform node as a separate process, for the tests that must kill it the hard way
 * (`kill -9`) and start it again on the same database and ports, as after a power cut.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
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
        MEDIASOUP_NUM_WORKERS: '1',
        MEDIASOUP_LISTEN_IP: '127.0.0.1',
        MEDIASOUP_PORT_BASE: String(await freePort()),
        LOG_LEVEL: 'warn',
        ...env,
      },
      port,
    );
  }

  async start(): Promise<void> {
    const tsx = path.join(root, 'packages/server/node_modules/.bin/tsx');
    const child = spawn(tsx, [path.join(root, 'packages/server/src/main.ts')], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.output.slice(-3000)}`);
      if (await this.healthy()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server not healthy within 60 s:\n${this.output.slice(-3000)}`);
  }

  /** SIGKILL: no shutdown code runs, nothing is flushed. Its mediasoup workers die with it. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) await this.kill();
  }

  private async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.url}/healthz`)).status === 200;
    } catch {
      return false;
    }
  }
}
