import dgram from 'node:dgram';
import fs from 'node:fs/promises';
import { randomInt } from 'node:crypto';

const RANGE = { from: 20_000, to: 39_000 };

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/** `count` free even ports whose odd neighbours are free too: RTP on p, RTCP on p + 1. */
export async function freeRtpPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let attempt = 0; ports.length < count && attempt < 200; attempt++) {
    const port = randomInt(RANGE.from / 2, RANGE.to / 2) * 2;
    if (ports.includes(port)) continue;
    if ((await canBind(port)) && (await canBind(port + 1))) ports.push(port);
  }
  if (ports.length < count) throw new Error('no free UDP port pairs for the recorder');
  return ports;
}

/** Whether something listens on these UDP ports now (Linux: /proc/net/udp lists bound sockets). */
async function allBound(ports: number[]): Promise<boolean> {
  const table = await fs.readFile('/proc/net/udp', 'utf8');
  const bound = new Set(
    table
      .split('\n')
      .slice(1)
      .map((line) => parseInt(line.trim().split(/\s+/)[1]?.split(':')[1] ?? '', 16)),
  );
  return ports.every((port) => bound.has(port));
}

/** Waits until a process has bound these ports: packets sent earlier would be lost. */
export async function waitUntilBound(ports: number[], timeoutMs: number, gone: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await allBound(ports))) {
    if (gone()) throw new Error('the recorder exited before listening');
    if (Date.now() > deadline) throw new Error(`the recorder did not listen on ${ports.join(', ')} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
