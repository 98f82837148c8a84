import type { ApiRoute } from './httpApi.js';

/** Declares one route of the shared API table, keeping its literal types. */
export const route = <const R extends ApiRoute>(definition: R): R => definition;
