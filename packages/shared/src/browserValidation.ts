import { z } from 'zod';

/**
 * For the web app, under the platform's Content-Security-Policy (no `eval`): zod would otherwise
 * probe `new Function` to compile faster parsers, which the browser blocks and reports as a
 * violation. Validation works the same without it.
 */
export function validateWithoutEval(): void {
  z.config({ jitless: true });
}
