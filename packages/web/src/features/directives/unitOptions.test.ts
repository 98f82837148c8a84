import type { Unit } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { unitOptions } from './unitOptions';

const unit = (id: string, name: string, kind: Unit['kind'], parentId: string | null, sortOrder = 0) => ({ id, name, kind, parentId, sortOrder }) as Unit;

describe('the unit filter of the directive tracker', () => {
  const units = [
    unit('x2', 'Xã Hải Hà', 'COMMUNE', 'd2'),
    unit('d2', 'Thị xã Nghi Sơn', 'DISTRICT', 'p', 2),
    unit('x1', 'Xã Hải Hà', 'COMMUNE', 'd1'),
    unit('d1', 'Huyện Hoằng Hóa', 'DISTRICT', 'p', 1),
    unit('s1', 'Sở Y tế', 'DEPARTMENT', 'p'),
    unit('p', 'Tỉnh Thanh Hóa', 'PROVINCE', null),
  ];

  it('lists the hierarchy in order, each commune under its district, indented', () => {
    expect(unitOptions(units).map((o) => o.id)).toEqual(['p', 's1', 'd1', 'x1', 'd2', 'x2']);
    expect(unitOptions(units).find((o) => o.id === 'd1')!.label).toBe('\u00a0\u00a0\u00a0Huyện Hoằng Hóa');
  });

  it('tells apart units of the same name by their parent', () => {
    const labels = unitOptions(units).map((o) => o.label.trim());
    expect(labels).toContain('Xã Hải Hà (Huyện Hoằng Hóa)');
    expect(labels).toContain('Xã Hải Hà (Thị xã Nghi Sơn)');
    expect(new Set(labels).size).toBe(labels.length);
  });
});
