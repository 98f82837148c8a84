import { describe, expect, it } from 'vitest';
import { formatDateTime } from './dates';
import { en } from './en';
import type { MessageKey } from './vi';
import { vi } from './vi';

/** Labels that a full date and time follow on screen ("… lúc 08:00" is already in the date). */
const LABELS_BEFORE_A_DATE: MessageKey[] = ['readiness.opens', 'kiosk.waitingStarts'];
const catalogues = { vi, en } as const;

describe('labels followed by a date and time', () => {
  for (const language of ['vi', 'en'] as const) {
    it(`read as one sentence in ${language}: the time's own "lúc"/"at" is not doubled`, () => {
      const date = formatDateTime('2027-01-04T01:00:00.000Z', language);
      for (const key of LABELS_BEFORE_A_DATE) {
        const line = `${catalogues[language][key]} ${date}`;
        expect(line).not.toMatch(/\b(lúc|at)\b.*\b\1\b/u);
      }
    });
  }

  it('check-in is not called a roll call ("điểm danh" is the roll call’s word)', () => {
    expect(vi['readiness.opens']).not.toMatch(/điểm danh/i);
  });
});
