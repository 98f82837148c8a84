import { parentPort, workerData } from 'node:worker_threads';
import { CodedError } from '@pm/shared';
import { parseSheet } from './siteSheet.js';

export interface SheetThreadData {
  mediaType: string;
  bytes: Uint8Array;
}

/** The thread's one answer: the cells, or why the file was refused (the caller's mistake). */
export type SheetThreadAnswer = { ok: true; rows: string[][] } | { ok: false; message: string };

/**
 * Reads one uploaded spreadsheet in a thread of its own, so a crafted or merely large file costs
 * this thread's time and memory, never the event loop that carries signalling and health checks.
 * A failure other than a refused file is thrown and reaches the caller as the thread's error.
 */
const port = parentPort!;
try {
  port.postMessage({ ok: true, rows: await parseSheet(workerData as SheetThreadData) } satisfies SheetThreadAnswer);
} catch (error) {
  if (!(error instanceof CodedError)) throw error;
  port.postMessage({ ok: false, message: error.message } satisfies SheetThreadAnswer);
}
