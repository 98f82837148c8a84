// A worker thread starts without the TypeScript loader the server runs under (tsx, or a test
// runner's): register tsx here, then read the sheet.
import { register } from 'tsx/esm/api';

register();
await import('./sheetThread.ts');
