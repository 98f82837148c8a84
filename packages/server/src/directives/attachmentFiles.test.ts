import { attachmentTypes } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { checkAttachment, downloadName } from './attachmentFiles.js';

describe('attachment names', () => {
  it('serves a file with the extension of the type its content was checked to be, never the user’s', () => {
    expect(downloadName('BaoCao_tiendo.pdf.cmd', attachmentTypes.pdf)).toBe('BaoCao_tiendo.pdf');
    expect(downloadName('anh.exe', attachmentTypes.png)).toBe('anh.png');
    expect(downloadName('Báo cáo số 12.2026.docx', attachmentTypes.docx)).toBe('Báo cáo số 12.2026.docx');
    expect(downloadName('..\\..\\"x"\u0000.pdf', attachmentTypes.pdf)).toBe('.._.._x_.pdf');
    expect(downloadName('.pdf', attachmentTypes.pdf)).toBe('tep-dinh-kem.pdf');
  });

  it('detects the type from the declared one and the first bytes', () => {
    expect(checkAttachment(attachmentTypes.pdf, Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(() => checkAttachment(attachmentTypes.pdf, Buffer.from('MZ\x90'))).toThrow(/not application\/pdf/);
  });
});
