import type { ComponentHealth, HealthReport } from '@pm/shared';
import { Router } from 'express';

/** A named check: resolves with a detail when the component is up, throws when it is down. */
export interface HealthCheck {
  name: string;
  check(): Promise<string | undefined>;
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * `GET /healthz`: 200 when every component answers, 503 otherwise, always with the list, so a
 * load balancer and a person both see which component is down.
 */
export function healthRoutes(checks: () => HealthCheck[], extra: () => ComponentHealth[], version: string): Router {
  const router = Router();
  const startedAt = Date.now();
  router.get('/healthz', async (_req, res) => {
    const components = [...(await Promise.all(checks().map(runCheck))), ...extra()];
    const ok = components.every((c) => c.ok);
    const report: HealthReport = {
      ok,
      version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      components,
    };
    res.status(ok ? 200 : 503).json(report);
  });
  return router;
}

async function runCheck(component: HealthCheck): Promise<ComponentHealth> {
  const { name } = component;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    const detail = await Promise.race([component.check(), timeout]);
    return { name, ok: true, ...(detail ? { detail } : {}) };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
