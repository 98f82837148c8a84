import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from './csv.js';

describe('CSV cells', () => {
  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://x.test","Bấm")')).toBe(`"'=HYPERLINK(""http://x.test"",""Bấm"")"`);
    expect(csvCell('+1+cmd|/C calc!A0')).toBe(`'+1+cmd|/C calc!A0`);
    expect(csvCell('-2+3')).toBe(`'-2+3`);
    expect(csvCell('@SUM(A1:A9)')).toBe(`'@SUM(A1:A9)`);
    expect(csvCell('\t=1')).toBe(`'\t=1`);
  });

  it('leaves ordinary text and numbers as they are, quoting only what RFC 4180 needs', () => {
    expect(csvCell('Xã Hoằng Đạo')).toBe('Xã Hoằng Đạo');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a, b')).toBe('"a, b"');
  });

  it('writes a document Excel opens as UTF-8', () => {
    expect(csvDocument([['Tên', 'Số'], ['=1', 2]])).toBe("\uFEFFTên,Số\r\n'=1,2\r\n");
  });
});
