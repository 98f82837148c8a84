import type { z } from 'zod';

/**
 * The HTTP API, defined once like the socket protocol: the server validates every request against
 * these schemas, the web client checks every answer with them, and the OpenAPI document at
 * /api/openapi.json is generated from them. Path parameters (`:id`) are entity ids.
 */
export interface ApiRoute {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: `/api/${string}`;
  /** OpenAPI tag: the screen or system area. */
  tag: 'auth' | 'users' | 'directory' | 'meetings' | 'checks' | 'attendance' | 'minutes' | 'directives' | 'operations' | 'recordings';
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** For uploads: the media types the raw body may have (the handler receives the bytes). */
  upload?: readonly string[];
  response: z.ZodType;
  status?: 200 | 201;
  /** A non-JSON answer's media type; the response schema is then a string. */
  produces?: string;
}

/** Declares one route of the shared API table, keeping its literal types. */
export const route = <const R extends ApiRoute>(definition: R): R => definition;
