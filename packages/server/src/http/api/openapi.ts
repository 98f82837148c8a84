import {
  agendaItemSchema,
  api,
  apiErrorSchema,
  identitySchema,
  overlapSchema,
  readinessSchema,
  rolePermissions,
  roles,
  scheduledMeetingDetailSchema,
  scheduledMeetingSchema,
  siteImportReportSchema,
  siteSchema,
  unitSchema,
  userSchema,
  type ApiRoute,
  type ApiRouteName,
  type Permission,
} from '@pm/shared';
import { z } from 'zod';
import { routeAccess } from '../../auth/authorization.js';
import { SESSION_COOKIE } from '../../auth/sessions.js';

type Registry = ReturnType<typeof z.registry<{ id: string }>>;
type JsonObject = Record<string, unknown>;

/** Schemas other systems meet again and again get their own names in the document. */
const NAMED = {
  ApiError: apiErrorSchema,
  Identity: identitySchema,
  User: userSchema,
  Unit: unitSchema,
  Site: siteSchema,
  Meeting: scheduledMeetingSchema,
  MeetingDetail: scheduledMeetingDetailSchema,
  AgendaItem: agendaItemSchema,
  Overlap: overlapSchema,
  Readiness: readinessSchema,
  SiteImportReport: siteImportReportSchema,
};

const pascal = (name: string) => name.split(/[.]/).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function refTo(registry: Registry, schema: z.ZodType, id: string) {
  if (!registry.has(schema)) registry.add(schema, { id });
  return schemaRef(registry.get(schema)!.id);
}

function rolesWith(permission: Permission): string {
  return roles.filter((role) => rolePermissions[role].includes(permission)).join(', ');
}

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the shared route table and its zod
 * schemas (JSON Schema 2020-12, which OpenAPI 3.1 uses as is): what the server validates is
 * what the document says.
 */
export function openApiDocument(version: string): JsonObject {
  const requests: Registry = z.registry<{ id: string }>();
  const responses: Registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED)) responses.add(schema, { id });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(api) as ApiRouteName[]) {
    const route: ApiRoute = api[name];
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation(name, route, requests, responses) };
  }
  const emit = (registry: Registry, io: 'input' | 'output') =>
    z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' }).schemas;
  const schemas = Object.fromEntries(
    Object.entries({ ...emit(requests, 'input'), ...emit(responses, 'output') }).map(([id, schema]) => {
      // The dialect and the self-reference zod writes are implied by where the schema stands.
      const { $schema: _dialect, $id: _self, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Họp trực tuyến tỉnh — province meeting platform API',
      version,
      description:
        'Accounts, the directory of units and meeting rooms, and the meeting schedule. Sign in with POST /api/auth/login: ' +
        `the answer sets the httpOnly cookie ${SESSION_COOKIE}, which every other call sends. Errors are ApiError bodies.`,
    },
    tags: [{ name: 'auth' }, { name: 'users' }, { name: 'directory' }, { name: 'meetings' }, { name: 'checks' }, { name: 'attendance' }, { name: 'minutes' }, { name: 'directives' }, { name: 'operations' }, { name: 'recordings' }],
    paths,
    components: { schemas, securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
  };
}

function operation(name: ApiRouteName, route: ApiRoute, requests: Registry, responses: Registry): JsonObject {
  const access = routeAccess[name];
  const pathParams = [...route.path.matchAll(/:(\w+)/g)].map(([, param]) => ({ name: param, in: 'path', required: true, schema: { type: 'string' } }));
  const query = route.query ? (z.toJSONSchema(route.query, { io: 'input' }) as { properties?: Record<string, JsonObject>; required?: string[] }) : {};
  const queryParams = Object.entries(query.properties ?? {}).map(([param, schema]) => ({
    name: param,
    in: 'query',
    required: query.required?.includes(param) ?? false,
    schema,
  }));
  const error = (description: string) => ({ description, content: { 'application/json': { schema: schemaRef('ApiError') } } });
  return {
    operationId: name,
    tags: [route.tag],
    summary: route.summary,
    description: access === 'public' ? 'No session needed.' : `Needs the permission \`${access}\`: ${rolesWith(access)}.`,
    security: access === 'public' ? [] : [{ session: [] }],
    parameters: [...pathParams, ...queryParams],
    ...(route.body && { requestBody: { required: true, content: { 'application/json': { schema: refTo(requests, route.body, `${pascal(name)}Body`) } } } }),
    ...(route.upload && {
      requestBody: { required: true, content: Object.fromEntries(route.upload.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) },
    }),
    responses: {
      [String(route.status ?? 200)]: {
        description: 'Success',
        content: route.produces
          ? { [route.produces]: { schema: { type: 'string' } } }
          : { 'application/json': { schema: refTo(responses, route.response, `${pascal(name)}Response`) } },
      },
      400: error('The request does not match the schema; `issues` lists each problem'),
      ...(access !== 'public' && { 401: error('Not signed in'), 403: error('The account’s role or unit does not allow this') }),
      ...(pathParams.length && { 404: error('Not found') }),
      ...(name === 'auth.login' && { 401: error('Wrong username or password'), 423: error('Locked after repeated failed sign-ins') }),
    },
  };
}
