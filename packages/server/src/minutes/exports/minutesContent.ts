import type { MinutesEntry } from '@pm/shared';
import { clockTime, vietnameseDate, vietnameseTime } from '../../util/provinceCalendar.js';
import { directiveTable } from './directiveTable.js';
import type { ExportData } from './exportData.js';
import { issuingBodyLines, type Block, type OfficialDocument } from './officialDocument.js';

/** Biên bản cuộc họp: when, who, what was said under each agenda item, and what was directed. */
export function minutesContent({ minutes, attended, invitedCount, secretaries, issuedAt }: ExportData): OfficialDocument {
  const { meeting, settings } = minutes;
  const startsAt = new Date(meeting.startsAt);
  const blocks: Block[] = [
    { kind: 'heading', text: 'I. THỜI GIAN, HÌNH THỨC, THÀNH PHẦN' },
    { kind: 'paragraph', label: 'Thời gian:', text: `bắt đầu lúc ${vietnameseTime(startsAt)}, ${vietnameseDate(startsAt)}.` },
    { kind: 'paragraph', label: 'Hình thức:', text: `họp trực tuyến, ${invitedCount} điểm cầu được triệu tập.` },
    { kind: 'paragraph', label: 'Chủ trì:', text: meeting.chairName ?? '' },
    { kind: 'paragraph', label: 'Thư ký:', text: secretaries.join(', ') },
    { kind: 'paragraph', label: `Điểm cầu tham dự (${attended.length}/${invitedCount}):`, text: attended.join('; ') + '.' },
    { kind: 'heading', text: 'II. NỘI DUNG CUỘC HỌP' },
    ...contentBlocks(minutes.agenda, minutes.entries),
    { kind: 'heading', text: 'III. KẾT LUẬN, CHỈ ĐẠO' },
    minutes.directives.length
      ? directiveTable(minutes.directives)
      : { kind: 'paragraph', text: 'Cuộc họp không có kết luận giao nhiệm vụ.' },
  ];
  return {
    issuingBody: issuingBodyLines(settings.issuingBody),
    number: `Số: ${settings.minutesNumber || '      /BB-UBND'}`,
    placeAndDate: `${settings.place}, ${vietnameseDate(issuedAt)}`,
    kind: 'BIÊN BẢN',
    subject: `Cuộc họp: ${meeting.title}`,
    blocks,
    closing: `Cuộc họp kết thúc lúc ${vietnameseTime(new Date(meeting.endsAt))} cùng ngày. Biên bản được lập và thông qua tại cuộc họp.`,
    recipients: [],
    signatures: [
      { title: 'THƯ KÝ', name: secretaries[0] ?? '' },
      { title: settings.signerTitle || 'CHỦ TRÌ', name: settings.signerName },
    ],
  };
}

/** The entries under their agenda items, in agenda order; entries outside the agenda come last. */
function contentBlocks(agenda: ExportData['minutes']['agenda'], entries: MinutesEntry[]): Block[] {
  // Stamped with the clock time it was said (08:35), as a reader of the minutes checks it against
  // the day; the offset into the recording belongs to the review page.
  const line = (e: MinutesEntry): Block => ({ kind: 'paragraph', label: `[${clockTime(new Date(e.at))}] ${e.speakerName ?? ''}`.trim() + ':', text: e.text });
  const blocks: Block[] = [];
  for (const item of agenda) {
    const under = entries.filter((e) => e.agendaPosition === item.position);
    if (!under.length) continue;
    blocks.push({ kind: 'paragraph', label: `${item.position}.`, text: item.title }, ...under.map(line));
  }
  const outside = entries.filter((e) => e.agendaPosition === null || !agenda.some((a) => a.position === e.agendaPosition));
  if (outside.length) blocks.push({ kind: 'paragraph', label: `${agenda.length + 1}.`, text: 'Ý kiến khác' }, ...outside.map(line));
  return blocks;
}
