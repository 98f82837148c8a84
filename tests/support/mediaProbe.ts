import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface ProbedMedia {
  durationS: number;
  streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number }>;
}

/** What ffprobe reads of a media file: its container duration and streams. */
export function probe(file: string): ProbedMedia {
  const out = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], { encoding: 'utf8' }));
  return { durationS: Number(out.format.duration), streams: out.streams };
}

/** The first video packet at or after `seconds`, read by seeking (the file's index must allow it). */
export function videoPacketAfterSeek(file: string, seconds: number): number {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-read_intervals', `${seconds}%+#1`, '-select_streams', 'v', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', file],
    { encoding: 'utf8' },
  );
  return Number(out.trim().split('\n')[0]);
}

/** Decodes the whole file, frames at their own times; returns what ffmpeg warned of (nothing, if clean). */
export function decodeWarnings(file: string): string {
  const args = ['-v', 'warning', '-xerror', '-i', file, '-fps_mode', 'passthrough', '-enc_time_base', '-1', '-f', 'null', '-'];
  const run = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ffmpeg could not decode ${file}: ${run.stderr}`);
  return run.stderr.trim();
}

/** CPU time (user + system) a process has used, in seconds, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
