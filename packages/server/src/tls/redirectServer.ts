import http from 'node:http';
import type { Logger } from '../logger.js';

/**
 * Plain HTTP that only sends browsers to https: a kiosk typing the bare address (port 80) lands on
 * the secure page, the only one where it gets its camera. The host name the browser used is kept;
 * the port becomes the HTTPS one. Not being able to bind the port (not root, or taken) is logged,
 * never fatal: the platform works without it.
 */
export async function startRedirectServer(
  host: string,
  port: number,
  httpsPort: number,
  log: Logger,
): Promise<http.Server | undefined> {
  const server = http.createServer((req, res) => {
    const target = httpsLocation(req.headers.host, req.url ?? '/', httpsPort);
    if (!target) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Host header missing or invalid\n');
      return;
    }
    res.writeHead(301, { location: target, 'content-type': 'text/plain; charset=utf-8' }).end(`${target}\n`);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    log.warn({ err, port }, 'plain HTTP port not bound: browsers must type https:// themselves');
    return undefined;
  }
  server.on('clientError', (_err, socket) => socket.destroy());
  log.info({ port, httpsPort }, 'plain HTTP redirects to https');
  return server;
}

/** `https://<the browser's host name>[:port]<path>`, or undefined for a Host header that is not a host. */
export function httpsLocation(hostHeader: string | undefined, pathAndQuery: string, httpsPort: number): string | undefined {
  if (!hostHeader) return undefined;
  let hostname: string;
  try {
    const parsed = new URL(`http://${hostHeader}`);
    if (parsed.username || parsed.password || parsed.pathname !== '/') return undefined;
    hostname = parsed.hostname;
  } catch {
    return undefined;
  }
  const path = pathAndQuery.startsWith('/') ? pathAndQuery : '/';
  return `https://${hostname}${httpsPort === 443 ? '' : `:${httpsPort}`}${path}`;
}
