import fs from 'node:fs/promises';
import type { Logger } from '../logger.js';
import { ffmpeg, probeDurationMs } from './ffmpegTools.js';
import type { RecordingFiles } from './recordingFiles.js';
import type { RecordingStore } from './recordingStore.js';

export interface ClosedPart {
  index: number;
  /** Null until the part has been repaired and measured. */
  durationMs: number | null;
}

/**
 * Makes the one playable file of a meeting from its parts. A part whose recorder was killed has
 * no index (cues) and may end mid-cluster: remuxing it (`-c copy`) repairs it and gives its true
 * duration. The parts are then joined without re-encoding, the index put at the front so a
 * browser can seek at once.
 */
export class RecordingJoiner {
  constructor(
    private readonly files: RecordingFiles,
    private readonly log: Logger,
  ) {}

  /** Repairs a part once; returns its duration. */
  async repair(meetingId: string, part: ClosedPart): Promise<number> {
    if (part.durationMs !== null) return part.durationMs;
    const file = this.files.part(meetingId, part.index);
    const repaired = `${file}.repaired.webm`;
    await ffmpeg(['-fflags', '+genpts', '-i', file, '-map', '0', '-c', 'copy', '-f', 'webm', '-y', repaired]);
    await fs.rename(repaired, file);
    return probeDurationMs(file);
  }

  async join(meetingId: string, indexes: number[]): Promise<void> {
    const list = `${this.files.joined(meetingId)}.parts.txt`;
    const joining = `${this.files.joined(meetingId)}.joining.webm`;
    await fs.writeFile(list, indexes.map((i) => `file '${this.files.part(meetingId, i)}'`).join('\n') + '\n');
    await ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-map', '0', '-c', 'copy', '-f', 'webm', '-cues_to_front', '1', '-y', joining]);
    await fs.rename(joining, this.files.joined(meetingId));
    await fs.rm(list, { force: true });
    this.log.info({ meeting: meetingId, parts: indexes.length }, 'recording joined');
  }
}

/** Repairs and measures every part, joins them, and marks the recording playable. */
export async function joinParts(meetingId: string, { store, joiner }: { store: RecordingStore; joiner: RecordingJoiner }): Promise<void> {
  const parts = await store.parts(meetingId);
  const usable: number[] = [];
  for (const part of parts) {
    const durationMs = await joiner.repair(meetingId, part).catch(() => 0);
    await store.setDuration(meetingId, part.index, durationMs);
    if (durationMs > 0) usable.push(part.index);
  }
  if (usable.length) await joiner.join(meetingId, usable);
  await store.setState(meetingId, 'STOPPED', usable.length > 0);
}
