import type { MeetingAttendanceReport } from '@pm/shared';
import PDFDocument from 'pdfkit';
import { numberPages } from '../../documents/pageNumbers.js';
import { assertVietnameseFonts, vietnameseFonts } from '../../documents/vietnameseFonts.js';
import { attendanceColumns, formatDateTime, summaryLines } from './reportColumns.js';

const MARGIN = 28;
const ROW_FONT = 6.5;
const HEADER_FONT = 6.5;

/** The attendance report on A4 landscape pages, with the administrative header and a paged table. */
export async function attendancePdf(report: MeetingAttendanceReport): Promise<Buffer> {
  assertVietnameseFonts();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: report.meeting.title } });
  doc.registerFont('regular', vietnameseFonts.regular);
  doc.registerFont('bold', vietnameseFonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(9);
  doc.text('ỦY BAN NHÂN DÂN TỈNH THANH HÓA', MARGIN, MARGIN, { width: width / 2, align: 'left' });
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', MARGIN + width / 2, MARGIN, { width: width / 2, align: 'right' });
  doc.font('regular').text('Độc lập - Tự do - Hạnh phúc', MARGIN + width / 2, doc.y, { width: width / 2, align: 'right' });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(13).text('BÁO CÁO THAM DỰ CUỘC HỌP TRỰC TUYẾN', MARGIN, doc.y, { width, align: 'center' });
  doc.font('bold').fontSize(10).text(report.meeting.title, { width, align: 'center' });
  doc.moveDown(0.5).font('regular').fontSize(8.5);
  for (const line of summaryLines(report)) doc.text(line, { width });
  doc.moveDown(0.5);

  const columns = attendanceColumns(report);
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * width);
  const drawRow = (cells: string[], font: 'regular' | 'bold', size: number) => {
    doc.font(font).fontSize(size);
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 3 }))) + 4;
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      drawHeader();
      doc.font(font).fontSize(size);
    }
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((text, i) => {
      doc.rect(x, top, widths[i]!, height).lineWidth(0.3).stroke('#999999');
      doc.fillColor('#000000').text(text, x + 1.5, top + 2, { width: widths[i]! - 3 });
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  const drawHeader = () => drawRow(columns.map((c) => c.header), 'bold', HEADER_FONT);
  drawHeader();
  for (const row of report.sites) drawRow(columns.map((c) => String(c.value(row))), 'regular', ROW_FONT);

  doc.moveDown(1).font('regular').fontSize(7.5);
  doc.text(`Lập lúc ${formatDateTime(report.generatedAt)} từ nhật ký kết nối của hệ thống.`, MARGIN, doc.y, { width });
  // 348 sites run to several pages: each says which page of how many, centred in the bottom margin.
  numberPages(doc, (page, count) => `Trang ${page}/${count}`, { y: (page) => page.height - MARGIN / 2 - 4, font: 'regular', size: 7.5 });
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
