import dgram from 'node:dgram';
import net from 'node:net';

/**
 * WebRtcServer ports for a test node: `count` consecutive ports, each free for both UDP and TCP.
 * Taken below Linux's ephemeral range (32768+), where no client socket lands by chance, and apart
 * from the workers' own RTC port range (MEDIASOUP_RTC_MIN_PORT…, see testMediaEnv), so test files
 * running side by side do not collide.
 */
const FIRST = 20_000;
const LAST = 29_000;

export async function freeMediaPortBase(count: number): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = FIRST + Math.floor(Math.random() * (LAST - FIRST - count));
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if ((await Promise.all(ports.map(portIsFree))).every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free media ports between ${FIRST} and ${LAST}`);
}

/**
 * A port for a server the test restarts: below the ephemeral range, so that no client socket
 * (not even one reconnecting to it while it is down) can take it meanwhile.
 */
export async function freeRestartablePort(): Promise<number> {
  return freeMediaPortBase(1);
}

/** The media settings of a test node with `workers` workers. */
export async function testMediaEnv(workers: number): Promise<Record<string, string>> {
  return {
    MEDIASOUP_NUM_WORKERS: String(workers),
    MEDIASOUP_LISTEN_IP: '127.0.0.1',
    MEDIASOUP_PORT_BASE: String(await freeMediaPortBase(workers)),
    MEDIASOUP_RTC_MIN_PORT: '30000',
    MEDIASOUP_RTC_MAX_PORT: '32000',
  };
}

async function portIsFree(port: number): Promise<boolean> {
  const tcp = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  if (!tcp) return false;
  return new Promise<boolean>((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}
