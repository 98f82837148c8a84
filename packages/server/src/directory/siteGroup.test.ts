import { describe, expect, it } from 'vitest';
import { PROVINCE_GROUP, siteGroup } from './siteGroup.js';

const province = { id: 'tinh', name: 'Tỉnh Thanh Hóa', kind: 'PROVINCE' as const };

describe('siteGroup', () => {
  it('gathers a commune’s or ward’s rooms under it, since 2025 directly under the province', () => {
    expect(siteGroup({ id: '15865', name: 'Xã Hoằng Hóa', kind: 'COMMUNE', parent: province })).toEqual({ groupId: '15865', groupName: 'Xã Hoằng Hóa' });
    expect(siteGroup({ id: '14797', name: 'Phường Hạc Thành', kind: 'WARD', parent: province })).toEqual({ groupId: '14797', groupName: 'Phường Hạc Thành' });
  });

  it('keeps a directory from before the reform grouped by district', () => {
    const district = { id: 'hh', name: 'Huyện Hoằng Hóa', kind: 'DISTRICT' as const };
    expect(siteGroup({ id: 'hd', name: 'Xã Hoằng Đạo', kind: 'COMMUNE', parent: district })).toEqual({ groupId: 'hh', groupName: 'Huyện Hoằng Hóa' });
    expect(siteGroup({ ...district, parent: province })).toEqual({ groupId: 'hh', groupName: 'Huyện Hoằng Hóa' });
  });

  it('puts the province and its departments at the province level', () => {
    expect(siteGroup({ ...province, parent: null })).toEqual(PROVINCE_GROUP);
    expect(siteGroup({ id: 'so-yte', name: 'Sở Y tế', kind: 'DEPARTMENT', parent: province })).toEqual(PROVINCE_GROUP);
  });
});
