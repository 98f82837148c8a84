import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeMediaPortBase } from '@pm/server/testing/mediaPorts.ts';

const RELAY_PORTS = 20;

/**
 * Debian's coturn on the loopback address, with the shared-secret credentials the platform issues
 * (use-auth-secret). It must let relayed media reach loopback peers (`allow-loopback-peers`, never
 * in production): here the SFU listens on 127.0.0.1 too.
 */
export class TurnServer {
  private log = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(secret: string): Promise<TurnServer> {
    const port = await freeMediaPortBase(1);
    const relay = await freeMediaPortBase(RELAY_PORTS);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-turn-'));
    const child = spawn(
      'turnserver',
      [
        '-n',
        '--listening-ip=127.0.0.1',
        `--listening-port=${port}`,
        '--relay-ip=127.0.0.1',
        `--min-port=${relay}`,
        `--max-port=${relay + RELAY_PORTS - 1}`,
        '--use-auth-secret',
        `--static-auth-secret=${secret}`,
        '--realm=province-meet.test',
        '--allow-loopback-peers',
        '--fingerprint',
        '--no-tls',
        '--no-dtls',
        '--no-cli',
        `--pidfile=${path.join(dir, 'turnserver.pid')}`,
        `--userdb=${path.join(dir, 'turndb')}`,
        '--log-file=stdout',
        '--simple-log',
        '--verbose',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const server = new TurnServer(child, port, dir);
    child.stdout?.on('data', (d: Buffer) => (server.log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (server.log += d.toString()));
    const deadline = Date.now() + 10_000;
    while (!/relay ports initialization|Total (UDP|General) servers/i.test(server.log)) {
      if (child.exitCode !== null) throw new Error(`turnserver exited:\n${server.log.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`turnserver did not start:\n${server.log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return server;
  }

  /** What coturn logged (allocations, with the user names they were made for). */
  get output(): string {
    return this.log;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
