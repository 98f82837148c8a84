import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Directive, MinutesEntry } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { conclusionsContent } from './conclusionsContent.js';
import type { ExportData } from './exportData.js';
import { minutesContent } from './minutesContent.js';
import type { Block, OfficialDocument } from './officialDocument.js';
import { renderPdf } from './pdfRenderer.js';

const meeting = { id: 'm1', title: 'Họp giao ban tháng 12', startsAt: '2026-12-07T01:00:00.000Z', endsAt: '2026-12-07T03:05:00.000Z', chairName: 'Nguyễn Văn Chủ' };
const unit = (id: string, name: string) => ({ id, name });
const directive = (id: string, content: string, deadline: string): Directive => ({
  id,
  meeting: { id: meeting.id, name: meeting.title },
  agendaItem: null,
  minutesEntryId: null,
  at: '2026-12-07T02:00:00.000Z',
  offsetMs: 3_600_000,
  content,
  responsibleUnits: [unit('u1', 'Sở Y tế')],
  coordinatingUnits: [unit('u2', 'Sở Tài chính')],
  deadline,
  priority: 'NORMAL',
  status: 'ASSIGNED',
  overdue: false,
  reportedDoneAt: null,
  confirmedAt: null,
  version: 1,
  updatedAt: '2026-12-07T02:00:00.000Z',
});
const entry = (text: string, at: string): MinutesEntry => ({
  id: text,
  meetingId: meeting.id,
  agendaPosition: 1,
  speakerSiteId: null,
  speakerName: 'Sở Y tế',
  text,
  at,
  offsetMs: 0,
  version: 1,
  authorName: 'Văn phòng', editorName: null,
  updatedAt: at,
});

const data = (overrides: { secretaryName?: string; secretaries?: string[] } = {}): ExportData => ({
  minutes: {
    meeting,
    settings: {
      issuingBody: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      place: 'Thanh Hóa',
      minutesNumber: '',
      conclusionsNumber: '',
      signerTitle: 'CHỦ TỊCH',
      signerName: 'Nguyễn Văn Chủ',
      secretaryName: overrides.secretaryName ?? '',
      version: 1,
    },
    timeline: { base: 'meeting', startedAt: meeting.startsAt },
    agenda: [{ position: 1, title: 'Công tác y tế' }],
    sites: [unit('s1', 'Hội trường Sở Y tế')],
    // 08:35 and 09:02 in Thanh Hóa (UTC+7).
    entries: [entry('Báo cáo tiêm chủng.', '2026-12-07T01:35:00.000Z'), entry('Đề nghị kinh phí.', '2026-12-07T02:02:00.000Z')],
    directives: [directive('d1', 'Tổ chức tiêm chủng mở rộng.', '2027-01-05'), directive('d2', 'Rà soát hộ dân vùng ngập.', '2027-02-10')],
  },
  attended: ['Hội trường Sở Y tế'],
  invitedCount: 1,
  secretaries: overrides.secretaries ?? ['Văn phòng UBND tỉnh'],
  // 06:30 on 5 February in Thanh Hóa: before 07:00 the UTC date is still the 4th.
  issuedAt: new Date('2027-02-04T23:30:00.000Z'),
});

const text = (doc: OfficialDocument) =>
  [doc.placeAndDate, ...doc.blocks.flatMap((b: Block) => (b.kind === 'table' ? b.rows.flat() : [`${'label' in b ? (b.label ?? '') : ''} ${b.text}`])), doc.closing].join('\n');
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('the minutes (biên bản) as content', () => {
  it('dates the document as Decree 30 writes it, in the province’s day, with leading zeros', () => {
    expect(minutesContent(data()).placeAndDate).toBe('Thanh Hóa, ngày 05 tháng 02 năm 2027');
  });

  it('stamps each entry with the clock time it was said', () => {
    const body = text(minutesContent(data()));
    expect(body).toContain('[08:35] Sở Y tế: Báo cáo tiêm chủng.');
    expect(body).toContain('[09:02] Sở Y tế: Đề nghị kinh phí.');
  });

  it('ends at the meeting’s end and names the secretary set in the particulars as the signer', () => {
    const doc = minutesContent(data({ secretaryName: 'Lê Thị Thư', secretaries: ['Lê Thị Thư'] }));
    expect(doc.closing).toContain('Cuộc họp kết thúc lúc 10 giờ 05 phút');
    expect(doc.signatures[0]).toEqual({ title: 'THƯ KÝ', name: 'Lê Thị Thư' });
  });
});

describe('the conclusions notice (thông báo kết luận) as content', () => {
  it('lists each directive once', () => {
    const body = text(conclusionsContent(data()));
    expect(occurrences(body, 'Tổ chức tiêm chủng mở rộng.')).toBe(1);
    expect(occurrences(body, 'Rà soát hộ dân vùng ngập.')).toBe(1);
    expect(body).toContain('thời hạn hoàn thành: 05/01/2027');
  });

  it('opens with the meeting’s day as Decree 30 writes it', () => {
    expect(text(conclusionsContent(data()))).toContain('Ngày 07 tháng 12 năm 2026, Nguyễn Văn Chủ chủ trì');
  });
});

/** Each page's text of a PDF, through poppler's pdftotext (Debian poppler-utils). */
function pdfPages(bytes: Buffer): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pm-export-')), 'document.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe('the PDF layout', () => {
  const document = (paragraphs: number): OfficialDocument => ({
    ...conclusionsContent(data()),
    blocks: Array.from({ length: paragraphs }, (_, i): Block => ({ kind: 'paragraph', label: `${i + 1}.`, text: `Ý kiến thứ ${i + 1} về công tác chuẩn bị.` })),
  });

  it('never leaves the signature block alone on a page, wherever the body ends', async () => {
    // Around the length where the body fills page 1 (24–25 paragraphs of one line): one of these
    // lengths leaves room on page 1 for the closing sentence but not for the signatures after it.
    const seen = new Set<number>();
    for (let paragraphs = 21; paragraphs <= 28; paragraphs++) {
      const pages = pdfPages(await renderPdf(document(paragraphs)));
      seen.add(pages.length);
      const last = pages[pages.length - 1]!;
      expect(last, `${paragraphs} paragraphs`).toContain('Thông báo để các cơ quan, đơn vị biết, thực hiện.');
      expect(last, `${paragraphs} paragraphs`).toContain('Nguyễn Văn Chủ');
    }
    expect([...seen].sort()).toEqual([1, 2]);
  });

  it('numbers the pages from the second one, and sets the text in a Times-metric serif', async () => {
    const bytes = await renderPdf(document(40));
    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]!.trimStart().split('\n')[0]!.trim()).toBe('2');
    expect(pages[0]!.trimStart().split('\n')[0]).not.toMatch(/^\s*1\s*$/);
    expect(bytes.toString('latin1')).toContain('LiberationSerif');
  });
});
