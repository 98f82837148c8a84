import type { Identity } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { inScope, unitScope } from '../auth/authorization.js';
import { UnitTree, type TreeUnit } from './unitTree.js';

const unit = (id: string, kind: TreeUnit['kind'], parentId: string | null): TreeUnit => ({ id, code: id, name: id, kind, parentId, disabled: false });
const tree = new UnitTree([
  unit('tinh', 'PROVINCE', null),
  unit('so-yte', 'DEPARTMENT', 'tinh'),
  unit('hoanghoa', 'DISTRICT', 'tinh'),
  unit('hoangdao', 'COMMUNE', 'hoanghoa'),
  unit('hoangquy', 'COMMUNE', 'hoanghoa'),
  unit('camthuy', 'DISTRICT', 'tinh'),
]);
const account = (role: Identity['role'], unitId: string | null): Identity => ({ userId: 'u', username: 'u', displayName: 'u', role, unitId, siteId: null });

describe('UnitTree', () => {
  it('lists a unit and everything below it', () => {
    expect(tree.subtree('hoanghoa').sort()).toEqual(['hoangdao', 'hoanghoa', 'hoangquy']);
    expect(tree.subtree('tinh')).toHaveLength(6);
    expect(tree.subtree('unknown')).toEqual([]);
  });

  it('knows whether a unit lies inside another', () => {
    expect(tree.contains('hoanghoa', 'hoangdao')).toBe(true);
    expect(tree.contains('hoanghoa', 'hoanghoa')).toBe(true);
    expect(tree.contains('hoanghoa', 'camthuy')).toBe(false);
    expect(tree.contains('hoangdao', 'hoanghoa')).toBe(false);
  });
});

describe('unit scope', () => {
  it('limits a district’s secretariat to its district and communes', () => {
    const district = account('SECRETARIAT', 'hoanghoa');
    expect(unitScope(district)).toBe('hoanghoa');
    expect(inScope(district, tree, 'hoangquy')).toBe(true);
    expect(inScope(district, tree, 'so-yte')).toBe(false);
  });

  it('leaves province-wide accounts, and roles without unit scope, unlimited', () => {
    expect(inScope(account('SECRETARIAT', null), tree, 'so-yte')).toBe(true);
    // Operators and chairs serve the whole province whatever unit their account belongs to.
    expect(unitScope(account('OPERATOR', 'hoanghoa'))).toBeNull();
  });
});
