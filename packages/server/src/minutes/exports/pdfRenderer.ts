import PDFDocument from 'pdfkit';
import { numberPages } from '../../documents/pageNumbers.js';
import { assertVietnameseFonts, vietnameseFonts } from '../../documents/vietnameseFonts.js';
import { NATIONAL_MOTTO, NATIONAL_NAME, type Block, type OfficialDocument } from './officialDocument.js';

const pt = (mm: number) => (mm / 25.4) * 72;
/** Decree 30/2020 margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
const MARGINS = { top: pt(20), bottom: pt(20), left: pt(30), right: pt(15) };
/** Decree 30/2020: the body in 13–14 pt. */
const SIZE = 13;
const CELL_PAD = 3;
/** Blank lines between a signer's title and name, for the hand signature and the seal. */
const SIGNATURE_SPACE = 4;

/** The document as a printable A4 PDF in Liberation Serif (Times New Roman's metrics). */
export async function renderPdf(content: OfficialDocument): Promise<Buffer> {
  assertVietnameseFonts();
  const doc = new PDFDocument({ size: 'A4', margins: MARGINS, bufferPages: true, info: { Title: `${content.kind} ${content.subject}` } });
  doc.registerFont('regular', vietnameseFonts.regular);
  doc.registerFont('bold', vietnameseFonts.bold);
  doc.registerFont('italic', vietnameseFonts.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const width = doc.page.width - MARGINS.left - MARGINS.right;
  header(doc, content, width);
  doc.moveDown(1.5);
  doc.font('bold').fontSize(14).text(content.kind, MARGINS.left, doc.y, { width, align: 'center' });
  doc.fontSize(SIZE).text(content.subject, { width, align: 'center' });
  doc.moveDown(1);
  for (const b of content.blocks) block(doc, b, width);
  // The closing sentence and the signatures go onto a new page together, never the signatures alone.
  doc.fontSize(SIZE).font('regular');
  const closingHeight = doc.heightOfString(content.closing, { width, align: 'justify' }) + doc.currentLineHeight(true) * 1.7;
  if (doc.y + closingHeight + footerHeight(doc, content, width) > doc.page.height - MARGINS.bottom) doc.addPage();
  block(doc, { kind: 'paragraph', text: content.closing }, width);
  doc.moveDown(1.5);
  footer(doc, content, width);
  // Decree 30: page numbers centred in the top margin, from the second page on.
  numberPages(doc, (page) => (page === 1 ? null : String(page)), { y: () => pt(10), font: 'regular', size: SIZE });
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function header(doc: PDFKit.PDFDocument, content: OfficialDocument, width: number): void {
  const left = { x: MARGINS.left, width: width * 0.4 };
  const right = { x: MARGINS.left + width * 0.4, width: width * 0.6 };
  const top = doc.y;
  doc.font('bold').fontSize(SIZE);
  for (const text of content.issuingBody) doc.text(text, left.x, doc.y, { width: left.width, align: 'center' });
  doc.font('regular').text('———', left.x, doc.y, { width: left.width, align: 'center' });
  doc.text(content.number, left.x, doc.y, { width: left.width, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(SIZE - 1).text(NATIONAL_NAME, right.x, top, { width: right.width, align: 'center' });
  doc.fontSize(SIZE).text(NATIONAL_MOTTO, right.x, doc.y, { width: right.width, align: 'center', underline: true });
  doc.moveDown(0.6).font('italic').text(content.placeAndDate, right.x, doc.y, { width: right.width, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y);
}

function block(doc: PDFKit.PDFDocument, b: Block, width: number): void {
  doc.fontSize(SIZE);
  if (b.kind === 'heading') {
    doc.moveDown(0.4).font('bold').text(b.text, MARGINS.left, doc.y, { width });
  } else if (b.kind === 'paragraph') {
    if (b.label) doc.font('bold').text(`${b.label} `, MARGINS.left, doc.y, { width, continued: true, align: 'justify' });
    doc.font('regular').text(b.text, b.label ? undefined : MARGINS.left, b.label ? undefined : doc.y, { width, align: 'justify' });
    doc.moveDown(0.2);
  } else {
    table(doc, b, width);
  }
}

/** A bordered table, its rows as tall as their longest cell, breaking onto new pages between rows. */
function table(doc: PDFKit.PDFDocument, b: Extract<Block, { kind: 'table' }>, width: number): void {
  const total = b.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = b.columns.map((c) => (c.width / total) * width);
  const row = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(SIZE - 2);
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
    if (doc.y + height > doc.page.height - MARGINS.bottom) doc.addPage();
    const top = doc.y;
    let x = MARGINS.left;
    cells.forEach((text, i) => {
      doc.rect(x, top, widths[i]!, height).stroke();
      doc.text(text, x + CELL_PAD, top + CELL_PAD, { width: widths[i]! - 2 * CELL_PAD });
      x += widths[i]!;
    });
    doc.x = MARGINS.left;
    doc.y = top + height;
  };
  doc.moveDown(0.3);
  row(b.columns.map((c) => c.title), 'bold');
  for (const cells of b.rows) row(cells, 'regular');
  doc.moveDown(0.5);
}

type Signature = OfficialDocument['signatures'][number];

/** How tall the recipients and signatures will be, measured with the fonts `footer` uses. */
function footerHeight(doc: PDFKit.PDFDocument, content: OfficialDocument, width: number): number {
  const half = width / 2;
  doc.font('bold').fontSize(SIZE);
  const line = doc.currentLineHeight(true);
  const signature = ({ title, name }: Signature) =>
    doc.heightOfString(title, { width: half, align: 'center' }) + line * SIGNATURE_SPACE + doc.heightOfString(name || ' ', { width: half, align: 'center' });
  const signatures = Math.max(0, ...content.signatures.map(signature)) + line * 1.5;
  const recipients = content.signatures.length > 1 ? 0 : content.recipients.reduce((sum, text, i) => {
    doc.font(i === 0 ? 'bold' : 'regular').fontSize(i === 0 ? SIZE - 1 : SIZE - 2);
    return sum + doc.heightOfString(text, { width: half });
  }, 0);
  return Math.max(signatures, recipients);
}

function footer(doc: PDFKit.PDFDocument, content: OfficialDocument, width: number): void {
  const half = width / 2;
  const top = doc.y;
  const signature = (x: number, { title, name }: Signature) => {
    doc.font('bold').fontSize(SIZE).text(title, x, top, { width: half, align: 'center' });
    doc.moveDown(SIGNATURE_SPACE).text(name, x, doc.y, { width: half, align: 'center' });
  };
  const [first, second] = content.signatures;
  if (second) {
    signature(MARGINS.left, first!);
    signature(MARGINS.left + half, second);
    return;
  }
  content.recipients.forEach((text, i) => {
    doc.font(i === 0 ? 'bold' : 'regular').fontSize(i === 0 ? SIZE - 1 : SIZE - 2).text(text, MARGINS.left, i === 0 ? top : doc.y, { width: half });
  });
  if (first) signature(MARGINS.left + half, first);
}
