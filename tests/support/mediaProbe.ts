import { execFileSync } from 'node:child_process';
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

/** Decodes the whole file; throws on a decoding error. */
export function decodesCleanly(file: string): void {
  execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', file, '-f', 'null', '-'], { encoding: 'utf8' });
}

/** CPU time (user + system) a process has used, in seconds, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
