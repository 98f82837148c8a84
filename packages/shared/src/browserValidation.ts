import { z } from 'zod';

/*
 * In a browser (the web app, under the platform's Content-Security-Policy: no `eval`), zod would
 * probe `new Function` to compile faster parsers; the browser blocks the probe and reports a
 * violation. Validation works the same without it. This module comes first in the package's
 * index, so the setting precedes every schema the package defines.
 */
if (typeof document !== 'undefined') z.config({ jitless: true });
