import fs from 'node:fs';
import path from 'node:path';
import type { Directive, DirectiveDetail } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { createMeeting, scratchDataDir, type MeetingFixture } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const day = (offsetDays: number) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n% test report\n');

/**
 * A directive's life: given in the meeting, seen and reported on by the responsible unit's own
 * account (a meeting room), with an attachment, confirmed by the secretariat; the tracker's
 * filters, the overdue flag and the on-time rate per unit.
 */
describe('directives and their follow-up', () => {
  let platform: TestPlatform;
  let meeting: MeetingFixture;
  const cookies: Record<string, string> = {};
  const api = (who: string, method: string, path: string, body?: unknown) => callApi(platform.url, cookies[who], method, path, body);
  const upload = (who: string, path: string, type: string, bytes: Buffer) =>
    fetch(`${platform.url}${path}`, { method: 'POST', headers: { cookie: cookies[who]!, 'content-type': type }, body: new Uint8Array(bytes) });
  let directive: DirectiveDetail;
  const dataDir = scratchDataDir();

  beforeAll(async () => {
    platform = await startTestPlatform({ PM_DATA_DIR: dataDir, ATTACHMENT_QUOTA_DIRECTIVE_MB: '1', ATTACHMENT_QUOTA_UNIT_MB: '2' });
    meeting = await createMeeting(platform.db.prisma, {
      title: 'Họp phòng chống dịch sốt xuất huyết',
      siteCodes: ['SO-YTE', '15865'],
      agenda: ['Tình hình dịch bệnh'],
      unitCodes: ['SO-YTE', 'SO-TAICHINH', '15865'],
    });
    for (const user of ['vanphong', 'chutich', 'so-yte', '15865', 'theodoi']) cookies[user] = await login(platform.url, user);
  });
  afterAll(async () => {
    await platform?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is given from the chair’s console with responsible and coordinating units and a deadline', async () => {
    const created = await api('chutich', 'POST', `/api/meetings/${meeting.meetingId}/directives`, {
      content: 'Sở Y tế chủ trì tổ chức phun hóa chất diệt muỗi tại các ổ dịch.',
      responsibleUnitIds: [meeting.unitIds['SO-YTE']],
      coordinatingUnitIds: [meeting.unitIds['SO-TAICHINH']],
      deadline: day(10),
      priority: 'URGENT',
      agendaPosition: 1,
    });
    expect(created.status).toBe(201);
    directive = created.body.directive;
    expect(directive).toMatchObject({
      status: 'ASSIGNED',
      overdue: false,
      responsibleUnits: [{ name: 'Sở Y tế' }],
      coordinatingUnits: [{ name: 'Sở Tài chính' }],
      agendaItem: { position: 1, title: 'Tình hình dịch bệnh' },
      meeting: { id: meeting.meetingId },
    });
  });

  it('is seen by the responsible unit’s meeting room, not by another unit’s', async () => {
    const mine = await api('so-yte', 'GET', '/api/directives');
    expect(mine.body.directives.map((d: Directive) => d.id)).toContain(directive.id);
    const other = await api('15865', 'GET', '/api/directives');
    expect(other.body.directives.map((d: Directive) => d.id)).not.toContain(directive.id);
    expect((await api('15865', 'GET', `/api/directives/${directive.id}`)).status).toBe(404);
    expect((await api('15865', 'POST', `/api/directives/${directive.id}/reports`, { text: 'Không phải việc của xã' })).status).toBe(404);
  });

  it('takes progress with an attachment, checking its type, content and size', async () => {
    const progress = await api('so-yte', 'POST', `/api/directives/${directive.id}/reports`, { text: 'Đã phun tại 12/20 ổ dịch.' });
    expect(progress.status).toBe(201);
    expect(progress.body.directive.status).toBe('IN_PROGRESS');
    const reportId = progress.body.directive.reports[0].id;
    const path = `/api/directives/${directive.id}/reports/${reportId}/attachments?fileName=${encodeURIComponent('Báo cáo tiến độ.pdf')}`;

    const accepted = await upload('so-yte', path, 'application/pdf', PDF);
    expect(accepted.status).toBe(201);
    const { attachment } = await accepted.json();
    expect(attachment).toMatchObject({ fileName: 'Báo cáo tiến độ.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    expect((await upload('so-yte', path, 'application/pdf', Buffer.from('not a pdf'))).status).toBe(400);
    expect((await upload('so-yte', path, 'text/html', Buffer.from('<script>'))).status).toBe(400);
    expect((await upload('so-yte', path, 'application/pdf', Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]))).status).toBe(400);

    const download = await fetch(`${platform.url}/api/attachments/${attachment.id}`, { headers: { cookie: cookies['vanphong']! } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await api('15865', 'GET', `/api/attachments/${attachment.id}`)).status).toBe(404);
  });

  it('keeps an attachment under a name of its own with its checked type’s extension, served as a download only', async () => {
    const progress = await api('so-yte', 'POST', `/api/directives/${directive.id}/reports`, { text: 'Gửi kèm báo cáo.' });
    const reportId = progress.body.directive.reports.at(-1).id;
    const sent = await upload('so-yte', `/api/directives/${directive.id}/reports/${reportId}/attachments?fileName=${encodeURIComponent('BaoCao_tiendo.pdf.cmd')}`, 'application/pdf', PDF);
    const { attachment } = await sent.json();
    expect(attachment.fileName).toBe('BaoCao_tiendo.pdf');
    expect(fs.readdirSync(path.join(dataDir, 'attachments'))).toContain(`${attachment.id}.pdf`);
    const download = await fetch(`${platform.url}/api/attachments/${attachment.id}`, { headers: { cookie: cookies['vanphong']! } });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="?BaoCao_tiendo\.pdf"?$/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('goes from reported done to confirmed, and only in that order', async () => {
    const early = await api('vanphong', 'PATCH', `/api/directives/${directive.id}`, { version: 1, status: 'CONFIRMED' });
    expect(early.status).toBe(409);
    const done = await api('so-yte', 'POST', `/api/directives/${directive.id}/reports`, { text: 'Đã hoàn thành phun hóa chất.', done: true });
    expect(done.body.directive).toMatchObject({ status: 'REPORTED_DONE' });
    const stale = await api('vanphong', 'PATCH', `/api/directives/${directive.id}`, { version: 1, status: 'CONFIRMED' });
    expect(stale.body.code).toBe('CONFLICT');
    const confirmed = await api('vanphong', 'PATCH', `/api/directives/${directive.id}`, { version: done.body.directive.version, status: 'CONFIRMED' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.directive).toMatchObject({ status: 'CONFIRMED', overdue: false });
    expect(confirmed.body.directive.reports).toHaveLength(3);
    expect((await api('so-yte', 'POST', `/api/directives/${directive.id}/reports`, { text: 'Thêm một báo cáo' })).status).toBe(409);
    const reportId = confirmed.body.directive.reports[0].id;
    const late = await upload('so-yte', `/api/directives/${directive.id}/reports/${reportId}/attachments?fileName=muon.pdf`, 'application/pdf', PDF);
    expect(late.status).toBe(409);
  });

  it('flags overdue directives and computes the on-time rate per unit in the tracker', async () => {
    const give = (unit: string, deadline: string) =>
      api('vanphong', 'POST', `/api/meetings/${meeting.meetingId}/directives`, {
        content: `Nhiệm vụ của ${unit} hạn ${deadline}`,
        responsibleUnitIds: [meeting.unitIds[unit]],
        deadline,
      });
    const late = (await give('15865', day(-3))).body.directive;
    await give('15865', day(5));
    expect(late.overdue).toBe(true);

    const overdue = await api('theodoi', 'GET', '/api/directives?overdue=true');
    expect(overdue.body.directives.map((d: Directive) => d.id)).toEqual([late.id]);
    const byUnit = await api('theodoi', 'GET', `/api/directives?unitId=${meeting.unitIds['15865']}&status=ASSIGNED`);
    expect(byUnit.body.directives).toHaveLength(2);
    const inPeriod = await api('theodoi', 'GET', `/api/directives?from=${day(-5)}&to=${day(0)}`);
    expect(inPeriod.body.directives.map((d: Directive) => d.id)).toEqual([late.id]);

    const stats = (await api('theodoi', 'GET', '/api/directives/stats')).body;
    expect(stats.groupBy).toBe('unit');
    expect(stats.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Sở Y tế', total: 1, done: 1, onTime: 1, onTimeRate: 1 }),
        expect.objectContaining({ name: 'Xã Hoằng Hóa', total: 2, done: 0, overdue: 1, onTimeRate: 0 }),
      ]),
    );
  });

  it('gives the on-time rate per site group, each directive once in a group however many of its units have rooms there', async () => {
    const rooms = await platform.db.prisma.site.findMany({ where: { code: { in: ['SO-YTE', '15865', '15865-2'] } }, select: { id: true, code: true } });
    const room = (code: string) => rooms.find((site) => site.code === code)!.id;
    // The health department's room with Hoằng Hóa's two rooms, and Hoằng Hóa's alone.
    const groups = [
      { code: 'TK-YTE-HH', name: 'Thống kê: Y tế và Hoằng Hóa', siteIds: [room('SO-YTE'), room('15865'), room('15865-2')] },
      { code: 'TK-HH', name: 'Thống kê: Hoằng Hóa', siteIds: [room('15865'), room('15865-2')] },
    ];
    for (const group of groups) expect((await api('vanphong', 'POST', '/api/site-groups', group)).status).toBe(201);
    const shared = await api('vanphong', 'POST', `/api/meetings/${meeting.meetingId}/directives`, {
      content: 'Sở Y tế và xã Hoằng Hóa cùng rà soát ổ dịch.',
      responsibleUnitIds: [meeting.unitIds['SO-YTE'], meeting.unitIds['15865']],
      deadline: day(7),
    });
    expect(shared.status).toBe(201);

    // Before: Sở Y tế's one directive done on time; Hoằng Hóa's two, one of them overdue. Now the shared one.
    const byGroup = (await api('theodoi', 'GET', '/api/directives/stats?groupBy=siteGroup')).body;
    expect(byGroup.groupBy).toBe('siteGroup');
    const row = (name: string) => byGroup.rows.find((r: { name: string }) => r.name === name);
    expect(row('Thống kê: Y tế và Hoằng Hóa')).toMatchObject({ total: 4, done: 1, onTime: 1, overdue: 1, onTimeRate: 0.5 });
    expect(row('Thống kê: Hoằng Hóa')).toMatchObject({ total: 3, done: 0, onTime: 0, overdue: 1, onTimeRate: 0 });
    // The tracker's filter holds for groups too: only what is overdue.
    const overdueOnly = (await api('theodoi', 'GET', '/api/directives/stats?groupBy=siteGroup&overdue=true')).body;
    expect(overdueOnly.rows.find((r: { name: string }) => r.name === 'Thống kê: Y tế và Hoằng Hóa')).toMatchObject({ total: 1, overdue: 1 });

    const byUnit = (await api('theodoi', 'GET', '/api/directives/stats?groupBy=unit')).body.rows;
    expect(byUnit.find((r: { name: string }) => r.name === 'Xã Hoằng Hóa')).toMatchObject({ total: 3 });
    expect(await api('theodoi', 'GET', '/api/directives/stats?groupBy=district')).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
  });

  it('holds each directive’s and each unit’s attachments to their quotas, storing nothing beyond them', async () => {
    const give = async (n: number) =>
      (await api('vanphong', 'POST', `/api/meetings/${meeting.meetingId}/directives`, { content: `Nhiệm vụ có tệp ${n}`, responsibleUnitIds: [meeting.unitIds['SO-YTE']], deadline: day(5) })).body.directive;
    const attach = async (given: DirectiveDetail) => {
      const report = (await api('so-yte', 'POST', `/api/directives/${given.id}/reports`, { text: 'Báo cáo kèm tệp lớn.' })).body.directive.reports.at(-1);
      const big = Buffer.concat([PDF, Buffer.alloc(600 * 1024)]);
      return upload('so-yte', `/api/directives/${given.id}/reports/${report.id}/attachments?fileName=lon.pdf`, 'application/pdf', big);
    };
    const stored = () => platform.db.prisma.directiveAttachment.count();
    const first = await give(1);
    expect((await attach(first)).status).toBe(201);
    const before = await stored();
    const overDirective = await attach(first);
    expect({ status: overDirective.status, code: (await overDirective.json()).code }).toEqual({ status: 413, code: 'QUOTA_EXCEEDED' });
    expect(await stored()).toBe(before);
    // 0.6 MB each: the unit's 2 MB is reached on its fourth file, whichever directives they belong to.
    expect((await attach(await give(2))).status).toBe(201);
    expect((await attach(await give(3))).status).toBe(201);
    expect((await attach(await give(4))).status).toBe(413);
  });
});
