import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { turnCredentials, type TurnSettings } from '@pm/server/turn/turnCredentials.ts';
import { freePort } from '../setup/globalSetup.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONF = path.join(root, 'infra/deploy/coturn/turnserver.conf');
const run = promisify(execFile);

/** Debian's coturn package: turnserver, and its test client and peer. */
const hasCoturn = ['turnserver', 'turnutils_uclient', 'turnutils_peer'].every((tool) => fs.existsSync(`/usr/bin/${tool}`));
/**
 * The stand-in for an SFU node: a private address of this machine. coturn refuses loopback peers
 * whatever its configuration, so the relay must reach a real interface, as it reaches the SFU.
 */
const sfuAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a?.family === 'IPv4' && !a.internal)?.address;

/**
 * The shipped turnserver.conf on a real coturn, checked with the credentials the platform issues:
 * coturn must relay to the SFU's address (allowed although it may lie in a denied private range)
 * and refuse credentials made with another secret or expired.
 */
describe.skipIf(!hasCoturn || !sfuAddress)('coturn with infra/deploy/coturn/turnserver.conf', () => {
  const secret = 'coturn-interop-secret-of-this-test';
  const processes: ChildProcess[] = [];
  let turnPort: number;
  let peerPort: number;

  const settings = (): TurnSettings => ({ urls: [`turn:127.0.0.1:${turnPort}`], secret, ttlSeconds: 600 });

  /** Messages sent to the SFU through the relay, and those that came back (turnutils_uclient's final counts). */
  async function relayed(credentials: { username: string; credential: string }, transport: 'udp' | 'tcp'): Promise<{ sent: number; received: number }> {
    const args = [...(transport === 'tcp' ? ['-t'] : []), '-p', String(turnPort), '-u', credentials.username, '-w', credentials.credential];
    const { stdout, stderr } = await run('turnutils_uclient', [...args, '-e', sfuAddress!, '-r', String(peerPort), '-n', '10', '-m', '1', '127.0.0.1'], {
      timeout: 30_000,
    }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
    const last = [...`${stdout}${stderr}`.matchAll(/tot_send_msgs=(\d+), tot_recv_msgs=(\d+)/g)].at(-1);
    return { sent: Number(last?.[1] ?? 0), received: Number(last?.[2] ?? 0) };
  }

  beforeAll(async () => {
    [turnPort, peerPort] = [await freePort(), await freePort()];
    const pidDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-coturn-'));
    processes.push(
      spawn('turnserver', [
        '-c', CONF,
        // What docker-compose.yml passes, and ports of this test's own.
        `--static-auth-secret=${secret}`, `--allowed-peer-ip=${sfuAddress}`, `--external-ip=${sfuAddress}`,
        `--listening-port=${turnPort}`, `--tls-listening-port=${await freePort()}`, `--pidfile=${path.join(pidDir, 'turnserver.pid')}`,
      ], { stdio: 'ignore' }),
      spawn('turnutils_peer', ['-p', String(peerPort), '-L', sfuAddress!], { stdio: 'ignore' }),
    );
    // Ready once an allocation with good credentials goes through.
    const good = turnCredentials(settings(), 'warm-up');
    for (let attempt = 0; attempt < 20 && (await relayed(good, 'udp')).received === 0; attempt++) await new Promise((r) => setTimeout(r, 500));
  }, 60_000);
  afterAll(() => {
    for (const child of processes) child.kill('SIGTERM');
  });

  it('relays to the SFU over UDP and TCP with the platform’s credentials', async () => {
    const credentials = turnCredentials(settings(), 'ck0site');
    for (const transport of ['udp', 'tcp'] as const) {
      const { sent, received } = await relayed(credentials, transport);
      expect(sent, transport).toBeGreaterThan(0);
      expect(received, transport).toBe(sent);
    }
  });

  it('refuses credentials made with another secret, or expired', async () => {
    const otherSecret = turnCredentials({ ...settings(), secret: 'not-the-secret-coturn-knows' }, 'ck0site');
    const expired = turnCredentials(settings(), 'ck0site', Date.now() - 3_600_000);
    expect(await relayed(otherSecret, 'udp')).toEqual({ sent: 0, received: 0 });
    expect(await relayed(expired, 'udp')).toEqual({ sent: 0, received: 0 });
  });
});
