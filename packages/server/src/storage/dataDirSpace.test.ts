import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodedError } from '@pm/shared';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirSpace } from './dataDirSpace.js';

describe('the data disk’s free space', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-space-'));
  const logged: string[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a write that would leave less than the minimum free, and alerts the operator', async () => {
    const free = await new DataDirSpace(dir, 0, log).freeBytes();
    expect(free).toBeGreaterThan(0);
    const nearlyFull = new DataDirSpace(dir, free + 1, log);
    const refusal = await nearlyFull.assertRoomFor(10, 'an attachment').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CodedError);
    expect((refusal as CodedError).code).toBe('STORAGE_FULL');
    expect(logged.join('')).toContain('data disk nearly full');
  });

  it('lets a write through while the minimum stays free', async () => {
    await expect(new DataDirSpace(dir, 1024, log).assertRoomFor(10, 'an attachment')).resolves.toBeUndefined();
  });
});
