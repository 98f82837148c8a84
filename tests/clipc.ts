import { loadReplayClip } from './bots/replayClips.ts';
const c = await loadReplayClip('C'); console.log('C', c.bitrateKbps.toFixed(0));
