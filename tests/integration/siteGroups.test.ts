import type { AttendancePeriodReport, SiteGroup } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { idsByCode } from '../support/directory.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
/** Today in Vietnam, as the period report's dates are. */
const today = () => new Date(Date.now() + 7 * HOUR).toISOString().slice(0, 10);

describe('site groups: defined by the secretariat, invited in one click, reported by (real PostgreSQL)', () => {
  let platform: TestPlatform;
  let secretariat: string;
  let ids: Awaited<ReturnType<typeof idsByCode>>;

  const listGroups = async (cookie = secretariat) => ((await callApi(platform.url, cookie, 'GET', '/api/site-groups')).body as { groups: SiteGroup[] }).groups;
  const group = async (code: string) => (await listGroups()).find((candidate) => candidate.code === code)!;

  beforeAll(async () => {
    platform = await startTestPlatform();
    secretariat = await login(platform.url, 'vanphong');
    ids = await idsByCode(platform.db.prisma);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('starts with the seeded groups: former district areas, regions, all communes, all wards, all departments, an ad-hoc list', async () => {
    const groups = await listGroups();
    expect(groups.filter((candidate) => candidate.kind === 'FORMER_DISTRICT')).toHaveLength(26);
    expect(groups.filter((candidate) => candidate.kind === 'REGION').map((candidate) => candidate.name)).toEqual([
      'Các xã miền núi',
      'Các xã, phường ven biển',
      'Các xã, phường đồng bằng',
    ]);
    // The 19 wards were all formed by the merger: a hall and a second room each.
    expect((await group('TAT-CA-PHUONG')).siteIds).toHaveLength(38);
    expect((await group('TAT-CA-SO-NGANH')).siteIds).toContain(ids.site('SO-YTE'));
    expect((await group('BCD-PCTT')).name).toBe('Ban Chỉ đạo phòng chống thiên tai');
  });

  it('creates a group of its own with a site that is in other groups too, renames it, sets its sites, deletes it', async () => {
    const created = await callApi(platform.url, secretariat, 'POST', '/api/site-groups', {
      code: 'to-ung-pho-bao',
      name: 'Tổ công tác ứng phó bão',
      siteIds: [ids.site('15865'), ids.site('SO-YTE'), ids.site('15865')],
    });
    expect(created.status).toBe(201);
    const { group: made } = created.body as { group: SiteGroup };
    expect(made).toMatchObject({ code: 'TO-UNG-PHO-BAO', kind: 'CUSTOM' });
    expect(made.siteIds.sort()).toEqual([ids.site('15865'), ids.site('SO-YTE')].sort());
    const holding15865 = (await listGroups()).filter((candidate) => candidate.siteIds.includes(ids.site('15865'))).map((candidate) => candidate.code);
    expect(holding15865.sort()).toEqual(['KV-HOANGHOA', 'TAT-CA-XA', 'TO-UNG-PHO-BAO', 'VEN-BIEN']);

    const id = made.id;
    const edited = await callApi(platform.url, secretariat, 'PATCH', `/api/site-groups/${id}`, { name: 'Tổ ứng phó bão số 3', siteIds: [ids.site('15991')] });
    expect(edited.body).toMatchObject({ group: { name: 'Tổ ứng phó bão số 3', siteIds: [ids.site('15991')] } });

    expect((await callApi(platform.url, secretariat, 'DELETE', `/api/site-groups/${id}`)).status).toBe(200);
    expect((await callApi(platform.url, secretariat, 'PATCH', `/api/site-groups/${id}`, { name: 'Không còn' })).status).toBe(404);
    expect(await platform.db.prisma.site.findUnique({ where: { id: ids.site('15991') } })).not.toBeNull();
  });

  it('refuses with clear messages: unknown sites, a taken code, an empty name, nothing to change', async () => {
    const base = { code: 'NHOM-THU', name: 'Nhóm thử', siteIds: [ids.site('TINH')] };
    const unknown = await callApi(platform.url, secretariat, 'POST', '/api/site-groups', { ...base, siteIds: ['khong-co-diem-cau-nay'] });
    expect(unknown).toMatchObject({ status: 400, body: { issues: ['siteIds: no site khong-co-diem-cau-nay'] } });
    expect((await callApi(platform.url, secretariat, 'POST', '/api/site-groups', { ...base, code: 'MIEN-NUI' })).status).toBe(409);
    const noName = await callApi(platform.url, secretariat, 'POST', '/api/site-groups', { ...base, name: '' });
    expect(noName.status).toBe(400);
    expect(noName.body).toMatchObject({ issues: [expect.stringMatching(/^name: /)] });
    const mountains = await group('MIEN-NUI');
    expect((await callApi(platform.url, secretariat, 'PATCH', `/api/site-groups/${mountains.id}`, {})).status).toBe(400);
  });

  it('shows a commune’s secretariat only its own rooms of each group, and lets only the province define groups', async () => {
    const admin = await login(platform.url, 'admin');
    await callApi(platform.url, admin, 'POST', '/api/users', {
      username: 'thuky.hoangtien',
      displayName: 'Thư ký xã Hoằng Tiến',
      role: 'SECRETARIAT',
      unitId: ids.unit('15991'),
      password: 'HoangTien2027',
    });
    const commune = await login(platform.url, 'thuky.hoangtien', 'HoangTien2027');
    const seen = await listGroups(commune);
    expect(seen.map((candidate) => candidate.code).sort()).toEqual(['KV-HOANGHOA', 'TAT-CA-XA', 'VEN-BIEN']);
    for (const candidate of seen) expect(candidate.siteIds.sort()).toEqual([ids.site('15991'), ids.site('15991-2')].sort());
    const refused = await callApi(platform.url, commune, 'POST', '/api/site-groups', { code: 'NHOM-XA', name: 'Nhóm của xã', siteIds: [ids.site('15991')] });
    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('invites a group’s rooms to a meeting in one request', async () => {
    const wards = await group('TAT-CA-PHUONG');
    const created = await callApi(platform.url, secretariat, 'POST', '/api/meetings', {
      title: 'Giao ban các phường',
      kind: 'THEMATIC',
      chairUserId: ids.user('chutich'),
      startsAt: inHours(30),
      endsAt: inHours(31),
      agenda: [],
      unitIds: [],
      siteIds: wards.siteIds,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ meeting: { siteCount: 38 } });
  });

  it('reports attendance over a period by site group, a site counting in each of its groups', async () => {
    const meeting = await createMeeting(platform.db.prisma, { title: 'Họp ứng phó mưa lũ', siteCodes: ['15865', '15865-2', 'SO-YTE'] });
    const startedAt = (await platform.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.meetingId } })).startsAt;
    await platform.db.prisma.presenceEvent.create({
      data: { meetingId: meeting.meetingId, siteId: meeting.siteIds['15865']!, kind: 'JOIN', at: new Date(startedAt.getTime() - 1000) },
    });

    const report = await callApi(platform.url, secretariat, 'GET', `/api/attendance?from=${today()}&to=${today()}`);
    expect(report.status).toBe(200);
    const { groups } = report.body as AttendancePeriodReport;
    const row = (name: string) => groups.find((candidate) => candidate.name === name);
    expect(row('Khu vực huyện Hoằng Hóa cũ')).toMatchObject({ invited: 2, attended: 1, missed: 1, attendancePct: 50 });
    expect(row('Các xã, phường ven biển')).toMatchObject({ invited: 2, attended: 1 });
    expect(row('Tất cả các xã')).toMatchObject({ invited: 2, attended: 1 });
    expect(row('Tất cả sở, ban, ngành')).toMatchObject({ invited: 1, attended: 0 });
    expect(row('Các xã miền núi')).toBeUndefined();
  });
});
