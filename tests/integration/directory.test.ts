import type { Site, Unit } from '@pm/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { idsByCode } from '../support/directory.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the directory: units, sites, search, import (real PostgreSQL)', () => {
  let platform: TestPlatform;
  let secretariat: string;
  let ids: Awaited<ReturnType<typeof idsByCode>>;

  const upload = async (cookie: string, bytes: Uint8Array<ArrayBuffer> | string, type: string, dryRun = false) => {
    const response = await fetch(`${platform.url}/api/sites/import?dryRun=${dryRun}`, { method: 'POST', headers: { cookie, 'content-type': type }, body: bytes });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    secretariat = await login(platform.url, 'vanphong');
    ids = await idsByCode(platform.db.prisma);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('lists the unit tree with site counts that add up to the 348 meeting rooms', async () => {
    const { status, body } = await callApi(platform.url, secretariat, 'GET', '/api/units');
    expect(status).toBe(200);
    const kinds = (kind: string) => body.units.filter((u: { kind: string }) => u.kind === kind).length;
    expect([kinds('PROVINCE'), kinds('DEPARTMENT'), kinds('DISTRICT'), kinds('COMMUNE'), kinds('WARD')]).toEqual([1, 35, 0, 147, 19]);
    expect(body.units.reduce((sum: number, u: { siteCount: number }) => sum + u.siteCount, 0)).toBe(348);
  });

  it('searches without regard to diacritics and filters by a unit’s subtree', async () => {
    const codes = async (query: string) =>
      ((await callApi(platform.url, secretariat, 'GET', `/api/sites?${query}`)).body as { sites: Site[] }).sites.map((s) => s.code).sort();
    expect(await codes('search=hoang%20hoa')).toEqual(expect.arrayContaining(['15865', '15865-2']));
    expect(await codes(`unitId=${ids.unit('TINH')}`)).toHaveLength(348);
    expect(await codes(`unitId=${ids.unit('15865')}`)).toEqual(['15865', '15865-2']);
  });

  it('validates a new site with clear messages, refuses a taken code, and creates, edits and disables', async () => {
    const site = { code: 'xa-hoanghoa-thu', name: 'Phòng họp thử', unitId: ids.unit('15865'), contactPhone: '0912 345 678' };
    const bad = await callApi(platform.url, secretariat, 'POST', '/api/sites', { ...site, contactPhone: '12', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual(expect.arrayContaining([expect.stringMatching(/^contactPhone: /), expect.stringMatching(/^name: /)]));
    const taken = await callApi(platform.url, secretariat, 'POST', '/api/sites', { ...site, code: 'TINH' });
    expect(taken).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });

    const created = await callApi(platform.url, secretariat, 'POST', '/api/sites', site);
    expect(created.status).toBe(201);
    expect(created.body.site).toMatchObject({ code: 'XA-HOANGHOA-THU', unitName: 'Xã Hoằng Hóa', disabled: false });
    const id = created.body.site.id;
    const edited = await callApi(platform.url, secretariat, 'PATCH', `/api/sites/${id}`, { equipmentNotes: 'Camera mới', address: '' });
    expect(edited.body.site).toMatchObject({ equipmentNotes: 'Camera mới', address: null, contactPhone: '0912 345 678' });
    await callApi(platform.url, secretariat, 'PATCH', `/api/sites/${id}`, { disabled: true });
    const listed = async (query: string) => (await callApi(platform.url, secretariat, 'GET', `/api/sites?search=thu${query}`)).body.sites.map((s: { id: string }) => s.id);
    expect(await listed('')).not.toContain(id);
    expect(await listed('&includeDisabled=true')).toContain(id);
  });

  it('keeps a commune’s secretariat to its own commune', async () => {
    const admin = await login(platform.url, 'admin');
    const created = await callApi(platform.url, admin, 'POST', '/api/users', {
      username: 'vanphong.hoanghoa',
      displayName: 'Văn phòng UBND xã Hoằng Hóa',
      role: 'SECRETARIAT',
      unitId: ids.unit('15865'),
      password: 'HoangHoa2027',
    });
    expect(created.status).toBe(201);
    const commune = await login(platform.url, 'vanphong.hoanghoa', 'HoangHoa2027');
    const { units } = (await callApi(platform.url, commune, 'GET', '/api/units')).body as { units: Unit[] };
    expect(units.map((u) => u.code)).toEqual(['15865']);
    const { sites } = (await callApi(platform.url, commune, 'GET', '/api/sites')).body as { sites: Site[] };
    expect(sites.map((s) => s.code).sort()).toEqual(['15865', '15865-2']);

    const own = await callApi(platform.url, commune, 'PATCH', `/api/sites/${ids.site('15865-2')}`, { contactName: 'Lê Văn Đạo' });
    expect(own.status).toBe(200);
    const other = await callApi(platform.url, commune, 'PATCH', `/api/sites/${ids.site('SO-YTE')}`, { contactName: 'X' });
    expect(other).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const elsewhere = await callApi(platform.url, commune, 'POST', '/api/sites', { code: 'NGOAI-PHAMVI', name: 'Ngoài phạm vi', unitId: ids.unit('SO-YTE') });
    expect(elsewhere.status).toBe(403);
    const moveOut = await callApi(platform.url, commune, 'PATCH', `/api/sites/${ids.site('15865-2')}`, { unitId: ids.unit('TINH') });
    expect(moveOut.status).toBe(403);
  });

  it('imports a CSV all or nothing, with an error per bad row', async () => {
    const header = 'Mã điểm cầu;Tên điểm cầu;Mã đơn vị;Người liên hệ;Điện thoại;Địa chỉ;Ghi chú thiết bị';
    const rows = [
      'XA-HOANGHOA-MOI;Phòng họp mới;15865;Nguyễn Văn Mới;0237 3 123 456;Thôn 1;TV 55 inch',
      'SO-YTE;Phòng họp Sở Y tế (tầng 3);SO-YTE;Trần Thị Y;0912345678;Số 101 Nguyễn Trãi;Camera PTZ',
      'XA-SAI;Phòng họp sai;KHONG-CO;;12;;',
    ];
    const failing = await upload(secretariat, `\uFEFF${[header, ...rows].join('\r\n')}`, CSV);
    expect(failing.status).toBe(200);
    expect(failing.body).toMatchObject({ applied: false, rows: 3 });
    expect(failing.body.errors).toEqual([expect.objectContaining({ row: 4, field: 'unitCode' })]);
    expect(await platform.db.prisma.site.findUnique({ where: { code: 'XA-HOANGHOA-MOI' } })).toBeNull();

    const good = [header, ...rows.slice(0, 2)].join('\n');
    const dry = await upload(secretariat, good, CSV, true);
    expect(dry.body).toMatchObject({ applied: false, created: 1, updated: 1, errors: [] });
    expect(await platform.db.prisma.site.findUnique({ where: { code: 'XA-HOANGHOA-MOI' } })).toBeNull();

    const applied = await upload(secretariat, good, CSV);
    expect(applied.body).toMatchObject({ applied: true, created: 1, updated: 1, errors: [] });
    expect((await platform.db.prisma.site.findUnique({ where: { code: 'SO-YTE' } }))?.name).toBe('Phòng họp Sở Y tế (tầng 3)');
  });

  it('imports XLSX, restoring the leading zero Excel drops from phone numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Điểm cầu');
    sheet.addRow(['Site code', 'Site name', 'Unit code', 'Contact phone']);
    sheet.addRow(['XA-HOANGHOA-EXCEL', 'Phòng họp từ Excel', '15865', 912345678]);
    sheet.addRow(['', 'Thiếu mã', '15865', '']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const rejected = await upload(secretariat, bytes, XLSX);
    expect(rejected.body.applied).toBe(false);
    expect(rejected.body.errors).toEqual([expect.objectContaining({ row: 3, field: 'code' })]);

    sheet.spliceRows(3, 1);
    const accepted = await upload(secretariat, new Uint8Array(await workbook.xlsx.writeBuffer()), XLSX);
    expect(accepted.body).toMatchObject({ applied: true, created: 1 });
    expect((await platform.db.prisma.site.findUnique({ where: { code: 'XA-HOANGHOA-EXCEL' } }))?.contactPhone).toBe('0912345678');
  });

  it('answers 400, never 500, to malformed input', async () => {
    const broken = await fetch(`${platform.url}/api/sites`, { method: 'POST', headers: { cookie: secretariat, 'content-type': 'application/json' }, body: '{"code":' });
    expect(broken.status).toBe(400);
    expect((await upload(secretariat, 'not a zip', XLSX)).status).toBe(400);
    expect((await upload(secretariat, 'a,b\n1,2', CSV)).status).toBe(400);
    expect((await callApi(platform.url, secretariat, 'GET', '/api/sites?includeDisabled=maybe')).status).toBe(400);
    expect((await callApi(platform.url, secretariat, 'PATCH', `/api/sites/${ids.site('TINH')}`, {})).status).toBe(400);
  });
});
