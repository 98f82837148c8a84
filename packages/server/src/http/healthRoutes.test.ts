import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { healthReportSchema } from '@pm/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes, type HealthCheck } from './healthRoutes.js';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function healthz(checks: HealthCheck[], workers = [{ name: 'mediasoup-worker-0', ok: true }]) {
  const app = express().use(healthRoutes(() => checks, () => workers, '1.2.3'));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
  return { status: response.status, report: healthReportSchema.parse(await response.json()) };
}

describe('GET /healthz', () => {
  it('answers 200 when every component answers', async () => {
    const { status, report } = await healthz([{ name: 'database', check: async () => undefined }]);
    expect(status).toBe(200);
    expect(report).toMatchObject({ ok: true, version: '1.2.3' });
  });

  it('answers 503 and names the component that is down, with why', async () => {
    const { status, report } = await healthz([
      { name: 'database', check: async () => undefined },
      { name: 'redis', check: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')) },
    ]);
    expect(status).toBe(503);
    expect(report.components.find((c) => c.name === 'redis')).toEqual({
      name: 'redis',
      ok: false,
      detail: 'connect ECONNREFUSED 127.0.0.1:6379',
    });
    expect(report.components.find((c) => c.name === 'database')?.ok).toBe(true);
  });

  it('treats a component that does not answer in time as down', async () => {
    const { status, report } = await healthz([{ name: 'database', check: () => new Promise(() => undefined) }]);
    expect(status).toBe(503);
    expect(report.components[0]?.detail).toMatch(/no answer within/);
  });

  it('answers 503 while a mediasoup worker is being replaced', async () => {
    const { status } = await healthz([], [{ name: 'mediasoup-worker-0', ok: false }]);
    expect(status).toBe(503);
  });
});
