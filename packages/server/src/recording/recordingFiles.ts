import path from 'node:path';

/** Where a meeting's recording lives: PM_DATA_DIR/recordings/<meeting>/. */
export class RecordingFiles {
  constructor(private readonly root: string) {}

  dir(meetingId: string): string {
    return path.join(this.root, meetingId);
  }

  part(meetingId: string, index: number): string {
    return path.join(this.dir(meetingId), `part-${String(index).padStart(4, '0')}.webm`);
  }

  /** The parts joined: the one file that is played. */
  joined(meetingId: string): string {
    return path.join(this.dir(meetingId), 'recording.webm');
  }
}
