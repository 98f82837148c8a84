import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv6 } from 'node:net';
import { Router } from 'express';
import type { Registry } from 'prom-client';

/** Who may scrape: the bearer token when one is set, else the listed networks. */
export interface MetricsAccess {
  token: string | undefined;
  /** Addresses and subnets (`10.20.0.0/16`, `::1`) allowed without a token. */
  networks: string[];
}

/**
 * `GET /metrics` in Prometheus's text format. It is outside the session cookie (Prometheus has no
 * account), so it is off unless asked for: with METRICS_TOKEN it answers only
 * `Authorization: Bearer <token>`; without, only clients from METRICS_NETWORKS (this machine by
 * default), and to anyone else it does not exist (404).
 */
export function metricsRoute(registry: Registry, access: MetricsAccess): Router {
  const router = Router();
  const allowed = networkList(access.networks);
  router.get('/metrics', async (req, res) => {
    const { token } = access;
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('a valid bearer token is required\n');
      return;
    }
    if (token === undefined && !inList(allowed, req.ip ?? '')) {
      res.status(404).type('text/plain').send('not found\n');
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}

function networkList(networks: string[]): BlockList {
  const list = new BlockList();
  for (const entry of networks) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** An IPv4 client seen on a dual-stack socket (`::ffff:10.0.0.5`) is matched as IPv4. */
function inList(list: BlockList, ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) return list.check(mapped, 'ipv4');
  return ip !== '' && list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
}

/** Compares digests, so neither the token's length nor its prefix leaks through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
  if (presented === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}
