import { Worker } from 'node:worker_threads';
import { CodedError } from '@pm/shared';
import { SerialQueue } from '../util/serialQueue.js';
import type { SheetThreadAnswer, SheetThreadData } from './sheetThread.js';

/** What one sheet thread may use: an XLSX is a zip, and 5 MB of zip can unpack to gigabytes of XML. */
export const SHEET_THREAD_LIMITS = { timeoutMs: 30_000, heapMb: 256 };

// Imports are rare and each thread holds a whole workbook: one at a time per node, the others wait.
const oneAtATime = new SerialQueue();

/**
 * The cells of an uploaded CSV or XLSX file, read in a thread of its own (`sheetThread.ts`) with
 * a memory cap and a time limit: a file that exceeds either is refused, and the node's event loop
 * stays free for meetings all the while.
 */
export function readSheet(upload: { mediaType: string; bytes: Buffer }, limits = SHEET_THREAD_LIMITS): Promise<string[][]> {
  return oneAtATime.push(() => readInThread({ mediaType: upload.mediaType, bytes: upload.bytes }, limits));
}

function readInThread(data: SheetThreadData, limits: typeof SHEET_THREAD_LIMITS): Promise<string[][]> {
  const worker = new Worker(new URL('./sheetThreadEntry.mjs', import.meta.url), {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
  });
  return new Promise<string[][]>((resolve, reject) => {
    // The first of answer, error, exit or timeout settles; the listeners stay, so a late error
    // event still has one (an 'error' nobody listens to would end the process).
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Its work is done or abandoned either way; terminating an exited thread is harmless.
      worker.terminate().catch(() => undefined);
      then();
    };
    const timer = setTimeout(
      () => settle(() => reject(new CodedError('BAD_REQUEST', `the file could not be read within ${limits.timeoutMs / 1000} s`))),
      limits.timeoutMs,
    );
    worker.on('message', (answer: SheetThreadAnswer) =>
      settle(() => (answer.ok ? resolve(answer.rows) : reject(new CodedError('BAD_REQUEST', answer.message)))),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new CodedError('BAD_REQUEST', 'the file is too large to read') : error),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`the sheet thread exited (${code}) without an answer`))));
  });
}
