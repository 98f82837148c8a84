// A worker thread starts without the TypeScript loader the server runs under (tsx, or a test
// runner's): register tsx here, then load the relay.
import { register } from 'tsx/esm/api';

register();
await import('./relayThread.ts');
