import type { MinutesDocument, MinutesEntry } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { createMeeting, type MeetingFixture } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

/** The minutes written live by two secretaries at once: nothing lost, nothing overwritten. */
describe('minutes written live', () => {
  let platform: TestPlatform;
  let meeting: MeetingFixture;
  let secretary: string;
  let admin: string;
  const api = (cookie: string, method: string, path: string, body?: unknown) => callApi(platform.url, cookie, method, path, body);

  beforeAll(async () => {
    platform = await startTestPlatform();
    meeting = await createMeeting(platform.db.prisma, {
      title: 'Giao ban kinh tế - xã hội tháng 11',
      siteCodes: ['SO-YTE', '15865'],
      agenda: ['Tình hình kinh tế - xã hội', 'Phòng chống dịch bệnh'],
    });
    [secretary, admin] = await Promise.all([login(platform.url, 'vanphong'), login(platform.url, 'admin')]);
  });
  afterAll(async () => platform?.stop());

  const minutes = async (): Promise<MinutesDocument> => (await api(secretary, 'GET', `/api/meetings/${meeting.meetingId}/minutes`)).body;

  it('keeps every entry of two secretaries writing at the same time', async () => {
    const write = (cookie: string, who: string) =>
      Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          api(cookie, 'POST', `/api/meetings/${meeting.meetingId}/minutes/entries`, {
            text: `${who} ghi ý kiến số ${i + 1}`,
            agendaPosition: 1 + (i % 2),
            speakerSiteId: meeting.siteIds['SO-YTE'],
          }),
        ),
      );
    const answers = [...(await write(secretary, 'Thư ký A')), ...(await write(admin, 'Thư ký B'))];
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(201));
    const { entries, timeline } = await minutes();
    expect(entries).toHaveLength(30);
    expect(timeline.base).toBe('meeting');
    const entry = entries[0]!;
    expect(entry.speakerName).toBe('Phòng họp Sở Y tế');
    // Stamped from the meeting's start (it started a minute ago).
    expect(entry.offsetMs).toBeGreaterThan(55_000);
    expect(entry.offsetMs).toBeLessThan(120_000);
  });

  it('refuses an edit made from a stale version with CONFLICT, keeping the other secretary’s words', async () => {
    const created: MinutesEntry = (
      await api(secretary, 'POST', `/api/meetings/${meeting.meetingId}/minutes/entries`, { text: 'Bản đầu' })
    ).body.entry;
    const first = await api(admin, 'PATCH', `/api/minutes/entries/${created.id}`, { version: created.version, text: 'Thư ký B sửa' });
    expect(first.status).toBe(200);
    expect(first.body.entry.version).toBe(created.version + 1);
    const stale = await api(secretary, 'PATCH', `/api/minutes/entries/${created.id}`, { version: created.version, text: 'Thư ký A sửa' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    expect((await minutes()).entries.find((e) => e.id === created.id)?.text).toBe('Thư ký B sửa');

    expect((await api(secretary, 'DELETE', `/api/minutes/entries/${created.id}?version=${created.version}`)).status).toBe(409);
    expect((await api(secretary, 'DELETE', `/api/minutes/entries/${created.id}?version=${first.body.entry.version}`)).status).toBe(200);
  });

  it('names who changed an entry and when, not the author typing on, and the author’s own later change makes it theirs again', async () => {
    const path = (entry: MinutesEntry) => `/api/minutes/entries/${entry.id}`;
    const created: MinutesEntry = (await api(secretary, 'POST', `/api/meetings/${meeting.meetingId}/minutes/entries`, { text: 'Sở Y tế báo' })).body.entry;
    // Each pause of the author's typing saves: still only the author's words.
    const typedOn: MinutesEntry = (await api(secretary, 'PATCH', path(created), { version: created.version, text: 'Sở Y tế báo cáo.' })).body.entry;
    expect(typedOn).toMatchObject({ authorName: 'Văn phòng UBND tỉnh (thư ký cuộc họp)', editorName: null });

    const before = Date.now();
    const edited: MinutesEntry = (await api(admin, 'PATCH', path(typedOn), { version: typedOn.version, text: 'Sở Y tế báo cáo tình hình dịch.' })).body.entry;
    expect(edited).toMatchObject({ authorName: 'Văn phòng UBND tỉnh (thư ký cuộc họp)', editorName: 'Quản trị hệ thống' });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThanOrEqual(before - 1000);
    // The minutes as the screen loads them say so too.
    expect((await minutes()).entries.find((e) => e.id === created.id)).toMatchObject({ editorName: 'Quản trị hệ thống', updatedAt: edited.updatedAt });

    const reclaimed: MinutesEntry = (await api(secretary, 'PATCH', path(edited), { version: edited.version, text: 'Sở Y tế báo cáo tình hình dịch bệnh.' })).body.entry;
    expect(reclaimed.editorName).toBeNull();
  });

  it('rejects an agenda item or a speaker that is not the meeting’s own', async () => {
    const path = `/api/meetings/${meeting.meetingId}/minutes/entries`;
    expect((await api(secretary, 'POST', path, { text: 'x', agendaPosition: 9 })).status).toBe(400);
    const tinh = await platform.db.prisma.site.findUniqueOrThrow({ where: { code: 'TINH' } });
    expect((await api(secretary, 'POST', path, { text: 'x', speakerSiteId: tinh.id })).status).toBe(400);
  });

  it('tells the minutes screen when entries changed, and who has the floor (nobody: not running)', async () => {
    const path = `/api/meetings/${meeting.meetingId}/minutes/live`;
    const before = (await api(secretary, 'GET', path)).body;
    expect(before).toMatchObject({ live: false, speaker: null, timeline: { base: 'meeting' } });
    await api(secretary, 'POST', `/api/meetings/${meeting.meetingId}/minutes/entries`, { text: 'Một ý kiến mới' });
    expect((await api(secretary, 'GET', path)).body.entriesRevision).not.toBe(before.entriesRevision);
  });

  it('finds meetings and entries by words typed without diacritics', async () => {
    const found = (await api(secretary, 'GET', `/api/search?q=${encodeURIComponent('KINH TE - XA HOI')}`)).body;
    expect(found.meetings.map((m: { id: string }) => m.id)).toContain(meeting.meetingId);
    const entries = (await api(secretary, 'GET', `/api/search?q=${encodeURIComponent('thu ky a ghi y kien so 1')}`)).body.entries;
    expect(entries.map((e: { text: string }) => e.text).sort()).toEqual(
      ['Thư ký A ghi ý kiến số 1', 'Thư ký A ghi ý kiến số 10', 'Thư ký A ghi ý kiến số 11', 'Thư ký A ghi ý kiến số 12', 'Thư ký A ghi ý kiến số 13', 'Thư ký A ghi ý kiến số 14', 'Thư ký A ghi ý kiến số 15'],
    );
    expect((await api(secretary, 'GET', '/api/search?q=100%25')).body.entries).toEqual([]);
  });

  it('keeps the exported documents’ particulars with optimistic versions', async () => {
    const { settings } = await minutes();
    expect(settings).toMatchObject({ issuingBody: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA', place: 'Thanh Hóa', version: 1 });
    const path = `/api/meetings/${meeting.meetingId}/minutes`;
    const saved = await api(secretary, 'PATCH', path, { version: 1, minutesNumber: '15/BB-UBND' });
    expect(saved.body).toMatchObject({ minutesNumber: '15/BB-UBND', version: 2 });
    expect((await api(admin, 'PATCH', path, { version: 1, signerName: 'X' })).status).toBe(409);
  });
});
