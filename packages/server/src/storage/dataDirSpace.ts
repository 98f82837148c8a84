import fs from 'node:fs/promises';
import { CodedError } from '@pm/shared';
import type { Logger } from '../logger.js';

/** How often the free space is looked at without any write asking, so a filling disk is noticed. */
const WATCH_MS = 5 * 60_000;

/**
 * The free space of PM_DATA_DIR's disk (recordings, attachments, the embedded database). Below the
 * minimum, writes that would fill it are refused and the operator is alerted in the log
 * (`data disk nearly full`, level error) and by the gauge pm_data_dir_free_bytes.
 */
export class DataDirSpace {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly dir: string,
    readonly minFreeBytes: number,
    private readonly log: Logger,
  ) {}

  async freeBytes(): Promise<number> {
    await fs.mkdir(this.dir, { recursive: true });
    const stats = await fs.statfs(this.dir);
    return stats.bavail * stats.bsize;
  }

  /** Refuses a write of `bytes` (0: one of unknown size, a recording) that would leave less than the minimum free. */
  async assertRoomFor(bytes: number, what: string): Promise<void> {
    const free = await this.freeBytes();
    if (free - bytes >= this.minFreeBytes) return;
    this.alert(free);
    throw new CodedError('STORAGE_FULL', `not enough free space on the data disk for ${what}`);
  }

  /** Looks at the free space every few minutes, alerting while it is below the minimum. */
  watch(): () => void {
    const check = () => {
      this.freeBytes().then(
        (free) => {
          if (free < this.minFreeBytes) this.alert(free);
        },
        (err: unknown) => this.log.warn({ err, dir: this.dir }, 'could not read the data disk’s free space'),
      );
    };
    this.timer = setInterval(check, WATCH_MS);
    this.timer.unref();
    check();
    return () => clearInterval(this.timer);
  }

  private alert(freeBytes: number): void {
    this.log.error({ dir: this.dir, freeBytes, minFreeBytes: this.minFreeBytes }, 'data disk nearly full: free space on PM_DATA_DIR is below DATA_DIR_MIN_FREE_MB');
  }
}
