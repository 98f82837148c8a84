import type { AuditEntry, MinutesEntry } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

/**
 * The audit log (issue 15): privileged acts over HTTP and over the socket, each appended with who,
 * when, from where, what, before and after; searched and exported by an administrator only; and
 * kept append-only by the database itself, not only by the app.
 */
describe('the audit log', () => {
  let platform: TestPlatform;
  let meetingId: string;
  const cookies: Record<string, string> = {};
  const api = (who: string, method: string, url: string, body?: unknown) => callApi(platform.url, cookies[who], method, url, body);
  const entries = async (query: string) => ((await api('admin', 'GET', `/api/audit?${query}`)).body as { entries: AuditEntry[] }).entries;
  const entryOf = (answer: { body: unknown }) => (answer.body as { entry: MinutesEntry }).entry;

  beforeAll(async () => {
    platform = await startTestPlatform();
    meetingId = (await createMeeting(platform.db.prisma, { title: 'Họp kiểm tra nhật ký', siteCodes: ['SO-YTE'] })).meetingId;
    for (const user of ['admin', 'vanphong']) cookies[user] = await login(platform.url, user);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('records sign-ins and failed ones, with the address and never the password', async () => {
    const failed = await callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: '=HYPERLINK("http://x")', password: 'sai-mat-khau' });
    expect(failed.status).toBe(401);
    const [failure] = await entries('action=auth.signInFailed');
    expect(failure).toMatchObject({ actor: '=HYPERLINK("http://x")', role: null, target: '/api/auth/login' });
    expect(failure!.address).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(failure)).not.toContain('sai-mat-khau');
    const [signIn] = await entries('action=auth.signIn&actor=vanphong');
    expect(signIn).toMatchObject({ actor: 'vanphong', role: 'SECRETARIAT' });
  });

  it('keeps a minutes entry’s words before and after an edit, and its removal', async () => {
    const entry = entryOf(await api('vanphong', 'POST', `/api/meetings/${meetingId}/minutes/entries`, { text: 'Ý kiến ban đầu.' }));
    const edited = entryOf(await api('vanphong', 'PATCH', `/api/minutes/entries/${entry.id}`, { version: entry.version, text: 'Ý kiến đã sửa.' }));
    await api('vanphong', 'DELETE', `/api/minutes/entries/${entry.id}?version=${edited.version}`);
    const [edit] = await entries(`action=minutes.editEntry&target=${entry.id}`);
    expect(edit).toMatchObject({ actor: 'vanphong', before: { text: 'Ý kiến ban đầu.' }, after: { entry: { text: 'Ý kiến đã sửa.' } } });
    const [removal] = await entries(`action=minutes.removeEntry&target=${entry.id}`);
    expect(removal).toMatchObject({ actor: 'vanphong', before: { text: 'Ý kiến đã sửa.' } });
  });

  it('records exports, and the chair’s control of the floor over the socket', async () => {
    expect((await api('vanphong', 'GET', `/api/meetings/${meetingId}/attendance.csv`)).status).toBe(200);
    expect(await entries('action=export.download')).toEqual([expect.objectContaining({ actor: 'vanphong', target: `/api/meetings/${meetingId}/attendance.csv` })]);
    const chair = await ProtocolClient.connect(platform.url, 'chutich');
    try {
      await chair.request('meeting:join', { meetingId });
      await chair.request('floor:muteAll', {});
    } finally {
      chair.close();
    }
    expect(await entries('action=floor.muteAll')).toEqual([expect.objectContaining({ actor: 'chutich', role: 'CHAIR', target: `meeting ${meetingId}` })]);
  });

  it('exports the search as CSV, formulas kept as text', async () => {
    const csv = await api('admin', 'GET', '/api/audit.csv?action=auth.signInFailed');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(await entries('action=audit.export')).toHaveLength(1);
  });

  it('is append-only in the database itself: no update, delete or truncate, whoever asks', async () => {
    const count = await platform.db.prisma.auditEntry.count();
    await expect(platform.db.prisma.$executeRawUnsafe(`UPDATE audit_log SET actor = 'ai đó'`)).rejects.toThrow(/append-only/);
    await expect(platform.db.prisma.$executeRawUnsafe('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(platform.db.prisma.$executeRawUnsafe('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await platform.db.prisma.auditEntry.count()).toBe(count);
  });
});
