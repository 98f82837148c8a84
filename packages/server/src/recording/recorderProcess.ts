import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import type { Logger } from '../logger.js';
import { probeDurationMs } from './ffmpegTools.js';
import type { RecordingFiles } from './recordingFiles.js';
import type { RecordingJoiner } from './recordingJoiner.js';
import { freeRtpPorts, waitUntilBound } from './udpPorts.js';

export const VIDEO_PT = 96;
export const OPUS_PT = 111;

/** Where the recorder listens: the programme video, the chair's voice, the floor holder's voice. */
export interface RecorderPorts {
  video: number;
  chair: number;
  floor: number;
}

function sdp(ports: RecorderPorts): string {
  const audio = (port: number) => [`m=audio ${port} RTP/AVP ${OPUS_PT}`, `a=rtpmap:${OPUS_PT} opus/48000/2`];
  return [
    'v=0',
    'o=- 0 0 IN IP4 127.0.0.1',
    's=programme',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=video ${ports.video} RTP/AVP ${VIDEO_PT}`,
    `a=rtpmap:${VIDEO_PT} VP8/90000`,
    ...audio(ports.chair),
    ...audio(ports.floor),
    '',
  ].join('\n');
}

/** A recorder process writing one part (ffmpeg: RecorderProcess). */
export interface PartProcess {
  readonly pid: number | undefined;
  readonly exited: Promise<unknown>;
  /** Finishes the file and waits for the process to exit. */
  stop(): Promise<void>;
}

/** How parts are written and measured (ffmpeg and ffprobe; in a test, something quicker). */
export interface PartWriter {
  /** Starts a process writing `file` from the feeds it will be sent on `ports`. */
  start(file: string): Promise<{ process: PartProcess; ports: RecorderPorts }>;
  /** A closed part's duration, repairing it first if its writer was killed. */
  measure(meetingId: string, index: number): Promise<number>;
}

/**
 * ffmpeg writing one part of a recording: the programme video copied as it comes (VP8 into WebM,
 * no transcoding) and the two voices mixed into one Opus track. `aresample=async=1` on each
 * voice keeps the mix going through gaps. Clusters of at most 2 s bound what a killed recorder
 * loses. When its input stops for 10 s (the server died) it finishes the file by itself.
 */
export class RecorderProcess implements PartProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly exited: Promise<number | null>,
  ) {}

  static async start(file: string, ports: RecorderPorts, log: Logger): Promise<RecorderProcess> {
    const sdpFile = file.replace(/\.webm$/, '.sdp');
    await fs.writeFile(sdpFile, sdp(ports));
    const mix = '[0:a:0]aresample=async=1:first_pts=0[a0];[0:a:1]aresample=async=1:first_pts=0[a1];' +
      '[a0][a1]amix=inputs=2:duration=longest:dropout_transition=0:normalize=0[a]';
    // prettier-ignore
    const args = [
      '-hide_banner', '-nostdin', '-loglevel', 'warning',
      '-protocol_whitelist', 'file,udp,rtp', '-i', sdpFile,
      '-filter_complex', mix,
      '-map', '0:v', '-c:v', 'copy',
      '-map', '[a]', '-c:a', 'libopus', '-b:a', '64k',
      '-f', 'webm', '-cluster_time_limit', '2000', '-y', file,
    ];
    // Its own process group: a Ctrl-C meant for the server must not cut the recording short.
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code) => {
        if (code) log.warn({ file, code, stderr }, 'recorder exited with an error');
        resolve(code);
      });
      child.once('error', (err) => {
        log.error({ err, file }, 'recorder could not start (is ffmpeg installed?)');
        resolve(-1);
      });
    });
    const recorder = new RecorderProcess(child, exited);
    await waitUntilBound([ports.video, ports.chair, ports.floor], 10_000, () => child.exitCode !== null || child.pid === undefined);
    return recorder;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Finishes the file (SIGINT: ffmpeg writes its index and closes) and waits for it. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGINT');
    const timeout = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timeout);
  }
}

/** Parts written by ffmpeg on free UDP ports, measured by ffprobe (and repaired when their recorder was killed). */
export function ffmpegPartWriter(files: RecordingFiles, joiner: RecordingJoiner, log: Logger): PartWriter {
  return {
    start: async (file) => {
      const [video, chair, floor] = (await freeRtpPorts(3)) as [number, number, number];
      const ports = { video, chair, floor };
      return { process: await RecorderProcess.start(file, ports, log), ports };
    },
    measure: (meetingId, index) =>
      probeDurationMs(files.part(meetingId, index)).catch(() => joiner.repair(meetingId, { index, durationMs: null })),
  };
}
