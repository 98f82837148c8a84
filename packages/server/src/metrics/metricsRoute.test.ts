import type { AddressInfo } from 'node:net';
import express from 'express';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { metricsRoute, type MetricsAccess } from './metricsRoute.js';

describe('GET /metrics: off unless asked for', () => {
  const servers: Array<{ close(): void }> = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));

  /** A node's /metrics alone, on loopback: every request comes from 127.0.0.1. */
  async function serve(access: MetricsAccess): Promise<string> {
    const app = express();
    app.use(metricsRoute(new Registry(), access));
    const server = app.listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('does not exist for a client outside the allowed networks, whatever the spelling of the path', async () => {
    const url = await serve({ token: undefined, networks: ['10.20.0.0/16', 'fd00::/8'] });
    for (const path of ['/metrics', '/metrics/', '/METRICS', '/Metrics/']) expect((await fetch(`${url}${path}`)).status, path).toBe(404);
  });

  it('answers a client from an allowed network or address', async () => {
    expect((await fetch(`${await serve({ token: undefined, networks: ['127.0.0.0/8'] })}/metrics`)).status).toBe(200);
    expect((await fetch(`${await serve({ token: undefined, networks: ['127.0.0.1'] })}/METRICS`)).status).toBe(200);
  });

  it('with a token, answers only the token, from any network', async () => {
    const url = await serve({ token: 'the-token', networks: [] });
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer the-token' } })).status).toBe(200);
  });
});
