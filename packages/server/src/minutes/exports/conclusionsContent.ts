import { shortDay, vietnameseDate } from '../../util/provinceCalendar.js';
import { directiveUnits } from './directiveTable.js';
import type { ExportData } from './exportData.js';
import { issuingBodyLines, type Block, type OfficialDocument } from './officialDocument.js';

/**
 * Thông báo kết luận: the chair's conclusions, each directive once, as a numbered paragraph with
 * its units and deadline (a summary table below them would state every directive a second time).
 */
export function conclusionsContent({ minutes, issuedAt }: ExportData): OfficialDocument {
  const { meeting, settings, directives } = minutes;
  const chair = meeting.chairName ?? 'Chủ trì cuộc họp';
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text:
        `${vietnameseDate(new Date(meeting.startsAt)).replace(/^n/u, 'N')}, ${chair} chủ trì cuộc họp trực tuyến "${meeting.title}". ` +
        `Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, ${chair} kết luận, chỉ đạo như sau:`,
    },
    ...directives.map((d, i): Block => ({
      kind: 'paragraph',
      label: `${i + 1}.`,
      text:
        `${d.content} Đơn vị chủ trì: ${d.responsibleUnits.map((u) => u.name).join(', ')}` +
        (d.coordinatingUnits.length ? `; đơn vị phối hợp: ${d.coordinatingUnits.map((u) => u.name).join(', ')}` : '') +
        `; thời hạn hoàn thành: ${shortDay(d.deadline)}.`,
    })),
  ];
  return {
    issuingBody: issuingBodyLines(settings.issuingBody),
    number: `Số: ${settings.conclusionsNumber || '      /TB-UBND'}`,
    placeAndDate: `${settings.place}, ${vietnameseDate(issuedAt)}`,
    kind: 'THÔNG BÁO',
    subject: `Kết luận của ${chair} tại cuộc họp ${meeting.title}`,
    blocks,
    closing: 'Thông báo để các cơ quan, đơn vị biết, thực hiện.',
    recipients: ['Nơi nhận:', ...directiveUnits(directives).map((name) => `- ${name};`), '- Lưu: VT.'],
    signatures: [{ title: settings.signerTitle || 'CHỦ TRÌ', name: settings.signerName }],
  };
}
