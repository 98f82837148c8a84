import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isKeyframe } from './wire/vp8.ts';

const run = promisify(execFile);

/** Seconds of each clip; replayed in a loop. */
const CLIP_SECONDS = 10;
export const CLIP_FPS = 30;
/** A keyframe every 2 s: the next one is never far when a receiver asks for one. */
const KEYFRAME_INTERVAL = 60;
/** Bitrates of the three simulcast layers (¼, ½, full size) and of the voice: ~1.2 Mbps in all. */
const LAYER_KBPS = [100, 300, 800] as const;
const OPUS_KBPS = 32;

export interface SourceLook {
  /** ffmpeg lavfi video source (pattern) and the full-size picture. */
  pattern: string;
  width: number;
  height: number;
  /** Tone of the voice, Hz. */
  toneHz: number;
}

/**
 * The looks of the bench's sources: each a different picture size in every layer, so a site tells
 * from a keyframe's header which source it receives, without a new SSRC.
 */
export const SOURCE_LOOKS: Record<string, SourceLook> = {
  A: { pattern: 'testsrc2', width: 1280, height: 720, toneHz: 440 },
  B: { pattern: 'testsrc', width: 1248, height: 704, toneHz: 660 },
  C: { pattern: 'testsrc2', width: 1216, height: 688, toneHz: 550 },
};

export interface ReplayClip {
  name: string;
  /** Encoded VP8 frames of each layer, lowest first, one every 1/30 s. */
  layers: Array<{ width: number; height: number; frames: Buffer[]; keyframes: number[] }>;
  /** Opus packets of 20 ms. */
  opus: Buffer[];
  /** What the clip sends per second, RTP headers excluded. */
  bitrateKbps: number;
}

/** Layer `i`'s picture size for a source (¼, ½, full), as the SFU's simulcast consumer sees them. */
export function layerSize(look: SourceLook, layer: number): { width: number; height: number } {
  const scale = 2 ** (2 - layer);
  return { width: look.width / scale, height: look.height / scale };
}

/**
 * The source's clip: encoded once with Debian's ffmpeg (libvpx, libopus) from a test pattern and a
 * sine, kept in ~/.cache/province-meet/replay-clips under a hash of how it was made.
 */
export async function loadReplayClip(name: string): Promise<ReplayClip> {
  const look = SOURCE_LOOKS[name];
  if (!look) throw new Error(`no source look ${name}`);
  const recipe = JSON.stringify({ look, CLIP_SECONDS, CLIP_FPS, KEYFRAME_INTERVAL, LAYER_KBPS, OPUS_KBPS, v: 1 });
  const dir = path.join(
    os.homedir(),
    '.cache/province-meet/replay-clips',
    `${name}-${createHash('sha256').update(recipe).digest('hex').slice(0, 12)}`,
  );
  const files = [0, 1, 2].map((i) => path.join(dir, `layer${i}.ivf`));
  const opusFile = path.join(dir, 'voice.opus');
  if (!fs.existsSync(path.join(dir, 'done'))) await encode(look, dir, files, opusFile);
  const layers = files.map((file, i) => {
    const frames = readIvf(fs.readFileSync(file));
    return { ...layerSize(look, i), frames, keyframes: frames.flatMap((f, index) => (isKeyframe(f) ? [index] : [])) };
  });
  const opus = readOggOpus(fs.readFileSync(opusFile));
  const bytes =
    layers.reduce((n, l) => n + l.frames.reduce((m, f) => m + f.length, 0), 0) + opus.reduce((n, p) => n + p.length, 0);
  return { name, layers, opus, bitrateKbps: (bytes * 8) / CLIP_SECONDS / 1000 };
}

/** Encodes into a folder of its own, renamed into place when complete (tests may encode side by side). */
async function encode(look: SourceLook, dir: string, files: string[], opusFile: string): Promise<void> {
  const work = `${dir}.${process.pid}`;
  fs.mkdirSync(work, { recursive: true });
  const inWork = (file: string) => path.join(work, path.basename(file));
  try {
    await encodeInto(look, files.map(inWork), inWork(opusFile));
    fs.writeFileSync(path.join(work, 'done'), '');
    fs.renameSync(work, dir);
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    // Another process finished first: its clip is the same.
    if (!fs.existsSync(path.join(dir, 'done'))) throw error;
  }
}

async function encodeInto(look: SourceLook, files: string[], opusFile: string): Promise<void> {
  const scaled = [0, 1, 2].map((i) => layerSize(look, i));
  const filter =
    `[0:v]split=3[s0][s1][s2];` + scaled.map(({ width, height }, i) => `[s${i}]scale=${width}:${height}[v${i}]`).join(';');
  const vp8 = (kbps: number) => [
    '-c:v',
    'libvpx',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-b:v',
    `${kbps}k`,
    '-minrate',
    `${kbps}k`,
    '-maxrate',
    `${kbps}k`,
    '-bufsize',
    `${kbps}k`,
    '-g',
    String(KEYFRAME_INTERVAL),
    '-keyint_min',
    String(KEYFRAME_INTERVAL),
    '-auto-alt-ref',
    '0',
    '-lag-in-frames',
    '0',
    '-f',
    'ivf',
  ];
  await run('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `${look.pattern}=size=${look.width}x${look.height}:rate=${CLIP_FPS}:duration=${CLIP_SECONDS}`,
    '-filter_complex',
    filter,
    ...[0, 1, 2].flatMap((i) => ['-map', `[v${i}]`, ...vp8(LAYER_KBPS[i]!), files[i]!]),
  ]);
  await run('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${look.toneHz}:sample_rate=48000:duration=${CLIP_SECONDS}`,
    '-c:a',
    'libopus',
    '-b:a',
    `${OPUS_KBPS}k`,
    '-frame_duration',
    '20',
    '-application',
    'voip',
    opusFile,
  ]);
}

/** IVF: a 32-byte file header, then per frame a 12-byte header (size, timestamp) and the frame. */
function readIvf(file: Buffer): Buffer[] {
  if (file.toString('ascii', 0, 4) !== 'DKIF') throw new Error('not an IVF file');
  const frames: Buffer[] = [];
  for (let at = file.readUInt16LE(6); at + 12 <= file.length;) {
    const size = file.readUInt32LE(at);
    frames.push(file.subarray(at + 12, at + 12 + size));
    at += 12 + size;
  }
  return frames;
}

/** Ogg pages (RFC 3533) to Opus packets, without the two header packets (RFC 7845). */
function readOggOpus(file: Buffer): Buffer[] {
  const packets: Buffer[] = [];
  let pending: Buffer[] = [];
  for (let at = 0; at + 27 <= file.length;) {
    if (file.toString('ascii', at, at + 4) !== 'OggS') throw new Error('not an Ogg stream');
    const segments = file[at + 26]!;
    let data = at + 27 + segments;
    for (let i = 0; i < segments; i++) {
      const size = file[at + 27 + i]!;
      pending.push(file.subarray(data, data + size));
      data += size;
      if (size < 255) {
        packets.push(Buffer.concat(pending));
        pending = [];
      }
    }
    at = data;
  }
  return packets.slice(2);
}

/** Names the source of a keyframe by its size, over every layer of the given clips. */
export function sourceOfSize(clips: ReplayClip[]): (width: number, height: number) => string {
  const bySize = new Map(clips.flatMap((clip) => clip.layers.map((l) => [`${l.width}x${l.height}`, clip.name] as const)));
  return (width, height) => bySize.get(`${width}x${height}`) ?? `${width}x${height}`;
}
