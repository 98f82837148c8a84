import { monitorEventLoopDelay } from 'node:perf_hooks';
import { importFormats } from '@pm/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet } from './readSheet.js';

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Điểm cầu'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readSheet: uploaded spreadsheets read off the event loop, within limits', () => {
  it('reads a 5,000-row workbook while the event loop stays free', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['Mã điểm cầu', 'Tên điểm cầu', 'Mã đơn vị', 'Điện thoại']);
      for (let row = 1; row <= 5000; row++) sheet.addRow([`XA-${row}`, `Phòng họp ${row}`, 'XA-HOANGHOA-HOANGDAO', 912345678]);
    });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const rows = await readSheet({ mediaType: importFormats.xlsx, bytes });
    delay.disable();
    expect(rows).toHaveLength(5001);
    expect(rows[5000]).toEqual(['XA-5000', 'Phòng họp 5000', 'XA-HOANGHOA-HOANGDAO', '912345678']);
    // Read on the event loop, this workbook held it 0.7 s at a stretch (13 s with the per-cell
    // column count); in the thread, the loop only starts the thread and receives the answer.
    expect(delay.max / 1e6).toBeLessThan(400);
  });

  it('refuses a sheet past the row cap, and reads only the first columns of a wide one', async () => {
    const far = await workbookBytes((sheet) => void (sheet.getCell('A20000').value = 'X'));
    await expect(readSheet({ mediaType: importFormats.xlsx, bytes: far })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'at most 5000 rows per import' });
    const wide = await workbookBytes((sheet) => void (sheet.getCell('XFD1').value = 'far right'));
    expect(await readSheet({ mediaType: importFormats.xlsx, bytes: wide })).toEqual([]);
    const csv = Buffer.from(`code,name\n${'A,B\n'.repeat(6000)}`);
    await expect(readSheet({ mediaType: importFormats.csv, bytes: csv })).rejects.toMatchObject({ message: 'at most 5000 rows per import' });
  });

  it('refuses a file that does not finish within the time limit, and one that is not a workbook', async () => {
    const bytes = await workbookBytes((sheet) => void sheet.addRow(['a']));
    await expect(readSheet({ mediaType: importFormats.xlsx, bytes }, { timeoutMs: 1, heapMb: 64 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'the file could not be read within 0.001 s',
    });
    await expect(readSheet({ mediaType: importFormats.xlsx, bytes: Buffer.from('not a zip') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
