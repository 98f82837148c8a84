import fs from 'node:fs/promises';

const WAIT_MS = 30_000;

async function isRecorderOf(pid: number, file: string): Promise<boolean> {
  try {
    return (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').includes(file);
  } catch {
    return false;
  }
}

/**
 * After a crash, the recorder of an open part may still be running: it finishes its file by
 * itself once its input has been silent for 10 s. Waits for that (only for a process that is
 * that part's recorder), and ends it if it lingers.
 */
export async function awaitOrphanRecorder(pid: number | null, file: string): Promise<void> {
  if (pid === null) return;
  const deadline = Date.now() + WAIT_MS;
  while (await isRecorderOf(pid, file)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
