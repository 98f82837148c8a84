import type { Directive } from '@pm/shared';
import { shortDay } from '../../util/provinceCalendar.js';
import type { Block } from './officialDocument.js';

const names = (units: Directive['responsibleUnits']) => units.map((u) => u.name).join('; ');

/** The directives as the table both documents carry: content, units, deadline. */
export function directiveTable(directives: Directive[]): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'STT', width: 6 },
      { title: 'Nội dung kết luận, chỉ đạo', width: 44 },
      { title: 'Đơn vị chủ trì', width: 18 },
      { title: 'Đơn vị phối hợp', width: 18 },
      { title: 'Thời hạn', width: 14 },
    ],
    rows: directives.map((d, i) => [String(i + 1), d.content, names(d.responsibleUnits), names(d.coordinatingUnits), shortDay(d.deadline)]),
  };
}

/** Every unit named by the directives, responsible ones first: the notice's recipients. */
export function directiveUnits(directives: Directive[]): string[] {
  const units = new Set<string>();
  for (const d of directives) for (const u of d.responsibleUnits) units.add(u.name);
  for (const d of directives) for (const u of d.coordinatingUnits) units.add(u.name);
  return [...units];
}
