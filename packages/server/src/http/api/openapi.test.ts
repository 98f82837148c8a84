import { api } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.js';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; requestBody?: unknown; responses: Record<string, unknown>; security: unknown[] }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

describe('OpenAPI document', () => {
  const doc = openApiDocument('test') as Doc;

  it('is OpenAPI 3.1 with one operation per route of the shared table', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(operations.sort()).toEqual(Object.keys(api).sort());
  });

  it('describes login, units, sites, meetings and invitations', () => {
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/api/units']?.get).toBeDefined();
    expect(doc.paths['/api/sites']?.get).toBeDefined();
    expect(doc.paths['/api/meetings']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/meetings/{id}/invitation.ics']?.get?.responses['200']).toMatchObject({ content: { 'text/calendar': {} } });
    expect(doc.components.schemas.AuthLoginBody?.required).toEqual(['username', 'password']);
    expect(doc.components.schemas.Meeting?.required).toEqual(expect.arrayContaining(['title', 'kind', 'startsAt', 'endsAt', 'agenda']));
    expect(doc.components.schemas.MeetingsCreateBody?.properties).toHaveProperty('siteIds');
    expect(doc.components.schemas.Site?.properties).toHaveProperty('contactPhone');
  });

  it('has every $ref pointing at a schema it defines', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) expect(doc.components.schemas, ref).toHaveProperty([ref]);
  });
});
