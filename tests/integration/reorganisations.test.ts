import type { AttendancePeriodReport, DirectiveDetail, MeetingAttendanceReport, MinutesDocument, Unit, UnitImportReport } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { idsByCode } from '../support/directory.ts';
import { createMeeting, type MeetingFixture } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const DAY = 86_400_000;
/** A day in Vietnam, `days` from today, as YYYY-MM-DD. */
const day = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

/**
 * Two communes merge into a new one, a department is renamed and a room moves, all effective three
 * days ago. A meeting ten days ago keeps the names of its day in its attendance and minutes; one
 * after the change shows the new ones; the period report across the change counts the old units
 * under the new one and says so; the merged commune's open directive passes to its successor.
 */
describe('reorganisations with effective dates (real PostgreSQL)', () => {
  let platform: TestPlatform;
  let secretariat: string;
  let ids: Awaited<ReturnType<typeof idsByCode>>;
  let before: MeetingFixture;
  let directiveId: string;
  const SITES = ['15865', '15991', '15991-2', 'SO-YTE'];

  beforeAll(async () => {
    platform = await startTestPlatform();
    secretariat = await login(platform.url, 'vanphong');
    ids = await idsByCode(platform.db.prisma);
    before = await createMeeting(platform.db.prisma, {
      title: 'Giao ban trước sáp nhập',
      siteCodes: SITES,
      startsAt: new Date(Date.now() - 10 * DAY),
      unitCodes: ['15991'],
    });
    await platform.db.prisma.presenceEvent.create({
      data: { meetingId: before.meetingId, siteId: before.siteIds['15991']!, kind: 'JOIN', at: new Date(Date.now() - 10 * DAY - 1000) },
    });
    await platform.db.prisma.minutesEntry.create({
      data: { meetingId: before.meetingId, speakerSiteId: before.siteIds['15991']!, text: 'Xã Hoằng Tiến báo cáo tình hình đê biển.', at: new Date(Date.now() - 10 * DAY) },
    });
    const given = await callApi(platform.url, await login(platform.url, 'chutich'), 'POST', `/api/meetings/${before.meetingId}/directives`, {
      content: 'Xã Hoằng Tiến gia cố đê biển trước mùa mưa bão.',
      responsibleUnitIds: [before.unitIds['15991']],
      deadline: day(30),
    });
    expect(given.status).toBe(201);
    directiveId = (given.body as { directive: { id: string } }).directive.id;
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('refuses what cannot be: a day to come, a unit merged into itself, a unit with rooms retired, a scoped account', async () => {
    const merge = (body: object, cookie = secretariat) => callApi(platform.url, cookie, 'POST', '/api/units/merge', body);
    const future = await merge({ predecessorIds: [ids.unit('15991')], successor: { unitId: ids.unit('15865') }, effective: day(1) });
    expect(future).toMatchObject({ status: 400, body: { issues: ['effective: a day in the future'] } });
    expect((await merge({ predecessorIds: [ids.unit('15991')], successor: { unitId: ids.unit('15991') }, effective: day(-3) })).status).toBe(400);
    const retire = await callApi(platform.url, secretariat, 'POST', `/api/units/${ids.unit('15991')}/retire`, { effective: day(-3) });
    expect(retire).toMatchObject({ status: 409, body: { issues: ['id: 2 active rooms: move them or merge the unit'] } });

    const admin = await login(platform.url, 'admin');
    await callApi(platform.url, admin, 'POST', '/api/users', {
      username: 'thuky.hoanghoa', displayName: 'Thư ký xã Hoằng Hóa', role: 'SECRETARIAT', unitId: ids.unit('15865'), password: 'HoangHoa2027',
    });
    const scoped = await login(platform.url, 'thuky.hoanghoa', 'HoangHoa2027');
    const refused = await callApi(platform.url, scoped, 'POST', `/api/units/${ids.unit('15865')}/rename`, { name: 'Xã Khác', effective: day(-3) });
    expect(refused.status).toBe(403);
  });

  it('merges two communes into a new one, renames a department and moves a room, effective three days ago', async () => {
    const merged = await callApi(platform.url, secretariat, 'POST', '/api/units/merge', {
      predecessorIds: [ids.unit('15865'), ids.unit('15991')],
      successor: { code: 'XA-HOANGPHUC', name: 'Xã Hoằng Phúc', kind: 'COMMUNE' },
      effective: day(-3),
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ unit: { name: 'Xã Hoằng Phúc', kind: 'COMMUNE', siteCount: 4 }, movedSites: 4, passedDirectives: 1 });
    const { units } = (await callApi(platform.url, secretariat, 'GET', '/api/units')).body as { units: Unit[] };
    expect(units.filter((unit) => ['15865', '15991'].includes(unit.code)).every((unit) => unit.disabled)).toBe(true);
    // The commune's own account now answers for the new commune.
    const scoped = (await platform.db.prisma.user.findUniqueOrThrow({ where: { username: 'thuky.hoanghoa' }, include: { unit: true } })).unit;
    expect(scoped?.code).toBe('XA-HOANGPHUC');

    const renamed = await callApi(platform.url, secretariat, 'POST', `/api/units/${ids.unit('SO-YTE')}/rename`, { name: 'Sở Y tế và Dân số', effective: day(-3) });
    expect(renamed.body).toMatchObject({ unit: { name: 'Sở Y tế và Dân số' } });
    expect((await platform.db.prisma.site.findUniqueOrThrow({ where: { code: 'SO-YTE' } })).name).toBe('Phòng họp Sở Y tế và Dân số');

    const moved = await callApi(platform.url, secretariat, 'POST', `/api/sites/${ids.site('15991-2')}/move`, { unitId: ids.unit('15910'), effective: day(-2) });
    expect(moved.body).toMatchObject({ site: { unitName: 'Xã Hoằng Sơn' } });
    const again = await callApi(platform.url, secretariat, 'POST', '/api/units/merge', {
      predecessorIds: [ids.unit('15991')], successor: { unitId: ids.unit('15910') }, effective: day(-1),
    });
    expect(again.status).toBe(409);
  });

  it('keeps the records of the meeting before the change as they were, and shows the new names after it', async () => {
    const attendance = async (meetingId: string) =>
      (await callApi(platform.url, secretariat, 'GET', `/api/meetings/${meetingId}/attendance`)).body as MeetingAttendanceReport;
    const rows = (report: MeetingAttendanceReport) => Object.fromEntries(report.sites.map((site) => [site.siteCode, site]));

    const then = rows(await attendance(before.meetingId));
    expect(then['SO-YTE']).toMatchObject({ siteName: 'Phòng họp Sở Y tế', groupName: 'Cấp tỉnh' });
    expect(then['15991']).toMatchObject({ siteName: 'Hội trường UBND xã Hoằng Tiến', groupName: 'Xã Hoằng Tiến', attended: true });
    expect(then['15991-2']).toMatchObject({ groupName: 'Xã Hoằng Tiến' });
    expect(then['15865']).toMatchObject({ groupName: 'Xã Hoằng Hóa' });
    const minutes = (await callApi(platform.url, secretariat, 'GET', `/api/meetings/${before.meetingId}/minutes`)).body as MinutesDocument;
    expect(minutes.sites.map((site) => site.name)).toContain('Phòng họp Sở Y tế');
    expect(minutes.entries[0]?.speakerName).toBe('Hội trường UBND xã Hoằng Tiến');

    const after = await createMeeting(platform.db.prisma, { title: 'Giao ban sau sáp nhập', siteCodes: SITES });
    const now = rows(await attendance(after.meetingId));
    expect(now['SO-YTE']).toMatchObject({ siteName: 'Phòng họp Sở Y tế và Dân số' });
    expect(now['15991']).toMatchObject({ siteName: 'Hội trường UBND xã Hoằng Tiến', groupName: 'Xã Hoằng Phúc' });
    expect(now['15991-2']).toMatchObject({ groupName: 'Xã Hoằng Sơn' });
  });

  it('counts the old units under the new one over a period that spans the change, and says so', async () => {
    const report = (await callApi(platform.url, secretariat, 'GET', `/api/attendance?from=${day(-12)}&to=${day(0)}`)).body as AttendancePeriodReport;
    const unit = (name: string) => report.units.find((row) => row.name === name);
    // Before: 15865, 15991 (and 15991-2, moved out since); after: 15865 and 15991.
    expect(unit('Xã Hoằng Phúc')).toMatchObject({ invited: 4, attended: 1 });
    expect(unit('Xã Hoằng Tiến')).toBeUndefined();
    expect(unit('Xã Hoằng Hóa')).toBeUndefined();
    expect(report.mergers).toEqual([
      { predecessorName: 'Xã Hoằng Hóa', successorName: 'Xã Hoằng Phúc', effective: day(-3) },
      { predecessorName: 'Xã Hoằng Tiến', successorName: 'Xã Hoằng Phúc', effective: day(-3) },
    ]);
    const later = (await callApi(platform.url, secretariat, 'GET', `/api/attendance?from=${day(-1)}&to=${day(0)}`)).body as AttendancePeriodReport;
    expect(later.mergers).toEqual([]);
  });

  it('passes the merged commune’s open directive to its successor, with a note in its history', async () => {
    const { directive } = (await callApi(platform.url, secretariat, 'GET', `/api/directives/${directiveId}`)).body as { directive: DirectiveDetail };
    expect(directive.responsibleUnits.map((unit) => unit.name)).toEqual(['Xã Hoằng Phúc']);
    expect(directive.reports.map((report) => report.text)).toContain(
      `Xã Hoằng Tiến được sáp nhập vào Xã Hoằng Phúc từ ngày ${day(-3).split('-').reverse().join('/')}: chỉ đạo chuyển cho Xã Hoằng Phúc.`,
    );
  });

  it('applies the official list from a spreadsheet all or nothing, with a report per row and a dry run', async () => {
    const vietnameseDay = (iso: string) => iso.split('-').reverse().join('/');
    const header = 'Mã đơn vị;Tên đơn vị;Mã đơn vị cấp trên;Hiệu lực từ ngày;Hình thành từ';
    const good = [
      `15880;Xã Hoằng Giang Mới;TINH;${vietnameseDay(day(-1))};15880, 15889`,
      `XA-THU-NGHIEM;Xã Thử Nghiệm;TINH;${day(-1)};15976`,
    ];
    const bad = ['XA-SAI;Thôn Sai;KHONG-CO;' + day(5) + ';', `XA-SAU;Xã Sau;TINH;${day(5)};`, 'XA-HOI;Xã Hỏi;TINH;31/02/2025;16000'];
    const upload = async (lines: string[], dryRun: boolean) => {
      const response = await fetch(`${platform.url}/api/units/import?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { cookie: secretariat, 'content-type': 'text/csv' },
        body: `\uFEFF${[header, ...lines].join('\r\n')}`,
      });
      return { status: response.status, body: (await response.json()) as UnitImportReport };
    };
    const unit = (code: string) => platform.db.prisma.unit.findUnique({ where: { code }, include: { sites: { select: { code: true } } } });

    const refused = await upload([...good, ...bad], false);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ applied: false, rows: 5 });
    expect(refused.body.errors.map((error) => [error.row, error.field])).toEqual([
      [4, 'name'],
      [5, 'effective'],
      [6, 'effective'],
    ]);
    expect((await unit('15880'))?.name).toBe('Xã Hoằng Giang');

    const dry = await upload(good, true);
    expect(dry.body).toMatchObject({ applied: false, created: 1, renamed: 1, merged: 2, errors: [] });
    expect(await unit('XA-THU-NGHIEM')).toBeNull();

    const applied = await upload(good, false);
    expect(applied.body).toMatchObject({ applied: true, created: 1, renamed: 1, merged: 2, errors: [] });
    const giang = await unit('15880');
    expect(giang?.name).toBe('Xã Hoằng Giang Mới');
    expect(giang?.sites.map((site) => site.code).sort()).toEqual(['15880', '15880-2', '15889', '15889-2']);
    expect(await unit('15889')).toMatchObject({ disabled: true });
    expect((await unit('XA-THU-NGHIEM'))?.sites.map((site) => site.code).sort()).toEqual(['15976', '15976-2']);
    expect(await platform.db.prisma.unitNameHistory.findMany({ where: { unitId: giang!.id }, select: { name: true } })).toEqual([{ name: 'Xã Hoằng Giang' }]);
    // Its history: renamed, and the merged unit taken in (its rooms came with the merger, not told twice).
    const events = (await callApi(platform.url, secretariat, 'GET', `/api/units/${giang!.id}/history`)).body.events;
    expect(events.map((event: { kind: string }) => event.kind).sort()).toEqual(['mergedIn', 'renamed']);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'renamed', from: 'Xã Hoằng Giang', to: 'Xã Hoằng Giang Mới' }));
  });

  it('moves a room given another unit in its edit form, effective today, keeping its former unit for the records before', async () => {
    const touched = ['15865', '15991', '15910', '15880', '15889', '15976', 'XA-HOANGPHUC', 'XA-THU-NGHIEM'];
    const room = await platform.db.prisma.site.findFirstOrThrow({
      where: { code: { endsWith: '-2' }, disabled: false, unit: { kind: 'COMMUNE', disabled: false, code: { notIn: touched } } },
      include: { unit: true },
      orderBy: { code: 'asc' },
    });
    const earlier = await createMeeting(platform.db.prisma, { title: 'Giao ban hôm kia', siteCodes: [room.code], startsAt: new Date(Date.now() - 2 * DAY) });

    // The same unit with other fields is a plain edit: no history.
    expect((await callApi(platform.url, secretariat, 'PATCH', `/api/sites/${room.id}`, { unitId: room.unitId, contactName: 'Lê Thị Hoa' })).status).toBe(200);
    expect(await platform.db.prisma.siteHistory.count({ where: { siteId: room.id } })).toBe(0);

    const edited = await callApi(platform.url, secretariat, 'PATCH', `/api/sites/${room.id}`, { unitId: ids.unit('15910'), contactName: 'Lê Văn Sơn' });
    expect(edited).toMatchObject({ status: 200, body: { site: { unitName: 'Xã Hoằng Sơn', contactName: 'Lê Văn Sơn' } } });
    expect(await platform.db.prisma.siteHistory.findMany({ where: { siteId: room.id }, select: { unitId: true, name: true, until: true } })).toEqual([
      { unitId: room.unitId, name: room.name, until: new Date(`${day(0)}T00:00:00.000Z`) },
    ]);
    const attendance = async (meetingId: string) =>
      ((await callApi(platform.url, secretariat, 'GET', `/api/meetings/${meetingId}/attendance`)).body as MeetingAttendanceReport).sites[0];
    expect(await attendance(earlier.meetingId)).toMatchObject({ siteCode: room.code, groupName: room.unit.name });
    const today = await createMeeting(platform.db.prisma, { title: 'Giao ban hôm nay', siteCodes: [room.code] });
    expect(await attendance(today.meetingId)).toMatchObject({ siteCode: room.code, groupName: 'Xã Hoằng Sơn' });
    // Both units' histories tell it, with the move of three days ago's reorganisation before it.
    const history = async (unitId: string) => (await callApi(platform.url, secretariat, 'GET', `/api/units/${unitId}/history`)).body.events;
    expect(await history(ids.unit('15910'))).toEqual([
      { kind: 'roomIn', day: day(-2), siteName: 'Phòng họp số 2 UBND xã Hoằng Tiến', unitName: 'Xã Hoằng Phúc' },
      { kind: 'roomIn', day: day(0), siteName: room.name, unitName: room.unit.name },
    ]);
    expect(await history(room.unitId)).toEqual([{ kind: 'roomOut', day: day(0), siteName: room.name, unitName: 'Xã Hoằng Sơn' }]);

    // A unit-scoped secretariat makes no reorganisation, in the edit form either; nothing is stored.
    const scoped = await login(platform.url, 'thuky.hoanghoa', 'HoangHoa2027');
    const own = await platform.db.prisma.site.findFirstOrThrow({ where: { code: '15865-2' } });
    const refused = await callApi(platform.url, scoped, 'PATCH', `/api/sites/${own.id}`, { unitId: ids.unit('15910'), contactName: 'X' });
    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await platform.db.prisma.site.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ unitId: own.unitId, contactName: own.contactName });

    // The rooms' import moves a room the same way: back to its unit, recorded.
    const imported = await fetch(`${platform.url}/api/sites/import?dryRun=false`, {
      method: 'POST',
      headers: { cookie: secretariat, 'content-type': 'text/csv' },
      body: `\uFEFFMã điểm cầu;Tên điểm cầu;Mã đơn vị\r\n${room.code};${room.name};${room.unit.code}`,
    });
    expect(await imported.json()).toMatchObject({ applied: true, updated: 1, errors: [] });
    const moves = await platform.db.prisma.siteHistory.findMany({ where: { siteId: room.id }, orderBy: { id: 'asc' }, select: { unitId: true } });
    expect(moves).toEqual([{ unitId: room.unitId }, { unitId: ids.unit('15910') }]);
    expect((await platform.db.prisma.site.findUniqueOrThrow({ where: { id: room.id } })).unitId).toBe(room.unitId);
  });
});
