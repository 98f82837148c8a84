import { describe, expect, it } from 'vitest';
import { formatDateTime } from './dates';
import { en } from './en';
import type { MessageKey } from './vi';
import { vi } from './vi';

/** Labels that a full date and time follow on screen: the line says "lúc" / "at" once. */
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

  it('the waiting screen states the start as a sentence: "Bắt đầu lúc 08:00, thứ Hai 04/01/2027"', () => {
    expect(`${vi['kiosk.waitingStarts']} ${formatDateTime('2027-01-04T01:00:00.000Z', 'vi')}`).toBe('Bắt đầu lúc 08:00, thứ Hai 04/01/2027');
  });

  it('check-in is not called a roll call ("điểm danh" is the roll call’s word)', () => {
    expect(vi['readiness.opens']).not.toMatch(/điểm danh/i);
  });
});
