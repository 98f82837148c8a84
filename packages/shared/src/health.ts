import { z } from 'zod';

/** `GET /healthz`: one entry per component; the whole is up only if every component is. */
export const componentHealthSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string().optional(),
});
export const healthReportSchema = z.object({
  ok: z.boolean(),
  version: z.string(),
  uptimeSeconds: z.number(),
  components: z.array(componentHealthSchema),
});
export type ComponentHealth = z.infer<typeof componentHealthSchema>;
export type HealthReport = z.infer<typeof healthReportSchema>;
