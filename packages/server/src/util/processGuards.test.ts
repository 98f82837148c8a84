import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs a few lines in a process of their own, with the guards installed, and returns what it printed. */
async function withGuards(body: string): Promise<{ stdout: string; code: number }> {
  const tsx = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const script = `
    import { createLogger } from ${JSON.stringify(pathToFileURL(path.join(here, '../logger.ts')).href)};
    import { installProcessGuards } from ${JSON.stringify(pathToFileURL(path.join(here, 'processGuards.ts')).href)};
    installProcessGuards(createLogger('error'));
    ${body}`;
  try {
    const { stdout } = await run(process.execPath, ['--import', pathToFileURL(path.join(tsx, 'dist/loader.mjs')).href, '--input-type=module', '-e', script]);
    return { stdout, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; code: number };
    return { stdout: failed.stdout, code: failed.code };
  }
}

describe('process guards', () => {
  it('log a promise that rejected unobserved, and the node keeps serving', async () => {
    const { stdout, code } = await withGuards(`
      Promise.reject(new Error('a late quality sample failed'));
      setTimeout(() => console.log('still serving'), 50);`);
    expect(code).toBe(0);
    expect(stdout).toContain('a late quality sample failed');
    expect(stdout).toContain('still serving');
  });

  it('log an uncaught exception and end the process, for the service manager to restart it', async () => {
    const { stdout, code } = await withGuards(`
      setTimeout(() => { throw new Error('state unknown'); }, 0);
      setTimeout(() => console.log('should not run'), 200);`);
    expect(code).toBe(1);
    expect(stdout).toContain('state unknown');
    expect(stdout).not.toContain('should not run');
  });
});
