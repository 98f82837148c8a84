import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiRoute } from './apiRoute.js';
import { describeZodError, reportedIssues } from './errors.js';
import { api } from './httpApi.js';
import { requests } from './protocol.js';

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
/** A `.max()` (or `.length()`) among the schema's own checks. */
const hasMaximum = (def: Def) =>
  ((def.checks ?? []) as Array<{ _zod: { def: { check: string } } }>).some(({ _zod }) => ['max_length', 'length_equals'].includes(_zod.def.check));

/**
 * Every string and array a client can send, found by walking the schemas, with the paths of those
 * that have no maximum. Loose objects' unknown keys are bounded by the message and body caps only
 * (mediasoup checks their content); everything the schemas name must carry its own `.max()`.
 */
function unbounded(schema: z.ZodType, path: string, found: string[]): string[] {
  const def = defOf(schema);
  const inner = (key: string) => def[key] as z.ZodType;
  switch (def.type) {
    case 'string':
      if (!hasMaximum(def) && !def.format) found.push(path);
      break;
    case 'array':
      if (!hasMaximum(def)) found.push(`${path}[]`);
      unbounded(inner('element'), `${path}[]`, found);
      break;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) unbounded(value, `${path}.${key}`, found);
      if (def.catchall) unbounded(inner('catchall'), `${path}.*`, found);
      break;
    case 'record':
      unbounded(inner('keyType'), `${path}{key}`, found);
      unbounded(inner('valueType'), `${path}{}`, found);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) unbounded(option, path, found);
      break;
    case 'intersection':
      unbounded(inner('left'), path, found);
      unbounded(inner('right'), path, found);
      break;
    case 'pipe':
      unbounded(inner('in'), path, found);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      unbounded(inner('innerType'), path, found);
      break;
    case 'lazy':
      unbounded((def.getter as () => z.ZodType)(), path, found);
      break;
    case 'tuple':
      (def.items as z.ZodType[]).forEach((item, index) => unbounded(item, `${path}[${index}]`, found));
      break;
    default:
      break;
  }
  return found;
}

describe('what clients send is bounded', () => {
  it('gives every string and array of every socket request a maximum', () => {
    const found = Object.entries(requests).flatMap(([name, { req }]) => unbounded(req, name, []));
    expect(found).toEqual([]);
  });

  it('gives every string and array of every HTTP query and body a maximum', () => {
    const found = Object.entries(api as Record<string, ApiRoute>).flatMap(([name, route]) => [
      ...(route.query ? unbounded(route.query, `${name} query`, []) : []),
      ...(route.body ? unbounded(route.body, `${name} body`, []) : []),
    ]);
    expect(found).toEqual([]);
  });

  it('reports at most a few short problems, and never the input', () => {
    const hostileKey = 'k'.repeat(5000);
    const payload = { codecs: Array.from({ length: 2000 }, () => ({ mimeType: 7, [hostileKey]: 'v'.repeat(5000) })) };
    const schema = z.object({ codecs: z.array(z.object({ mimeType: z.string() }).strict()) });
    const issues = describeZodError(schema.safeParse(payload).error!);
    expect(issues).toHaveLength(reportedIssues.count + 1);
    expect(issues.at(-1)).toBe(`and ${4000 - reportedIssues.count} more problem(s)`);
    expect(issues.every((line) => line.length <= reportedIssues.length)).toBe(true);
    expect(issues.join('\n')).not.toContain('kkkk');
  });
});
