import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { NATIONAL_MOTTO, NATIONAL_NAME, type Block, type OfficialDocument } from './officialDocument.js';

/** Decree 30/2020: Times New Roman 13–14 pt on A4, margins 20/20/30/15 mm. */
const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt
const mm = (value: number) => Math.round((value / 25.4) * 1440);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

type Run = { text: string; bold?: boolean; italics?: boolean; underline?: boolean; size?: number };
const line = (runs: Run[], options: IParagraphOptions = {}) =>
  new Paragraph({
    ...options,
    children: runs.map(({ underline, size, ...run }) => new TextRun({ ...run, font: FONT, size: size ?? SIZE, ...(underline ? { underline: {} } : {}) })),
  });
const centred = (runs: Run[]) => line(runs, { alignment: AlignmentType.CENTER });

/** The document as a .docx (Word) file. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const document = new Document({
    creator: doc.issuingBody.join(' '),
    title: `${doc.kind} ${doc.subject}`,
    sections: [
      {
        // Decree 30: page numbers centred in the top margin, none on the first page.
        properties: {
          page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } },
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE })] })],
          }),
        },
        children: [
          header(doc),
          centred([{ text: '' }]),
          centred([{ text: doc.kind, bold: true, size: 28 }]),
          centred([{ text: doc.subject, bold: true }]),
          centred([{ text: '' }]),
          ...doc.blocks.map(block),
          // Kept with the signatures that follow: Word never leaves them alone on the last page.
          line([{ text: doc.closing }], { alignment: AlignmentType.JUSTIFIED, spacing: { after: 60 }, keepNext: true, keepLines: true }),
          line([{ text: '' }], { keepNext: true }),
          footer(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: leftShare, type: WidthType.PERCENTAGE }, children: left }),
          new TableCell({ width: { size: 100 - leftShare, type: WidthType.PERCENTAGE }, children: right }),
        ],
      }),
    ],
  });
}

function header(doc: OfficialDocument): Table {
  return twoColumns(
    [...doc.issuingBody.map((text) => centred([{ text, bold: true }])), centred([{ text: '———' }]), centred([{ text: doc.number }])],
    [
      centred([{ text: NATIONAL_NAME, bold: true, size: 24 }]),
      centred([{ text: NATIONAL_MOTTO, bold: true, underline: true }]),
      centred([{ text: '' }]),
      centred([{ text: doc.placeAndDate, italics: true }]),
    ],
    40,
  );
}

function block(b: Block): Paragraph | Table {
  switch (b.kind) {
    case 'heading':
      return line([{ text: b.text, bold: true }], { spacing: { before: 120, after: 60 } });
    case 'paragraph':
      return line([...(b.label ? [{ text: `${b.label} `, bold: true }] : []), { text: b.text }], { alignment: AlignmentType.JUSTIFIED, spacing: { after: 60 } });
    case 'table':
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c.title, c.width, true)) }),
          ...b.rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, b.columns[i]!.width, false)) })),
        ],
      });
  }
}

function cell(text: string, width: number, bold: boolean): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [line([{ text, bold, size: 24 }])] });
}

/** Recipients bottom left, signatures on the right (or side by side when there are two). */
function footer(doc: OfficialDocument): Table {
  const signature = ({ title, name }: { title: string; name: string }) => [
    ...title.split('\n').map((text) => centred([{ text, bold: true }])),
    ...[1, 2, 3].map(() => centred([{ text: '' }])),
    centred([{ text: name, bold: true }]),
  ];
  const [first, second] = doc.signatures;
  if (second) return twoColumns(signature(first!), signature(second), 50);
  const recipients = doc.recipients.map((text, i) => line([{ text, bold: i === 0, italics: i === 0, size: i === 0 ? 24 : 22 }]));
  return twoColumns(recipients.length ? recipients : [line([{ text: '' }])], first ? signature(first) : [], 50);
}
