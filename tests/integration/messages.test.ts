import { MESSAGE_MAX_CHARS, type MeetingMessage } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, type MeetingFixture } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The texts of the messages a client was pushed, in order. */
const texts = (client: ProtocolClient) => client.events.filter((e) => e.event === 'meeting:message').map((e) => (e.payload as MeetingMessage).text);

/**
 * Issue 13 §3's text channel against a real node: the operator writes to one room, a room asks
 * the operators for help, every message is in the meeting's log, the edge refuses oversized text
 * and a flood from one socket.
 */
describe('text messages in a live meeting', () => {
  let platform: TestPlatform;
  let meeting: MeetingFixture;
  const clients: ProtocolClient[] = [];

  async function join(username: string): Promise<ProtocolClient> {
    const client = await ProtocolClient.connect(platform.url, username);
    clients.push(client);
    await client.request('meeting:join', { meetingId: meeting.meetingId });
    return client;
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    meeting = await createMeeting(platform.db.prisma, {
      title: 'Họp trực tuyến có tin nhắn',
      siteCodes: ['HUYEN-HOANGHOA', 'XA-HOANGHOA-HOANGDAO'],
    });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await platform?.stop();
  });

  it('carries the operator’s message to one room and a room’s call for help to the operator, and logs both', async () => {
    const hoangHoa = await join('huyen-hoanghoa');
    const hoangDao = await join('xa-hoanghoa-hoangdao');
    const operator = await join('vanhanh');
    const hoangDaoId = meeting.siteIds['XA-HOANGHOA-HOANGDAO']!;

    const sent = await operator.request('message:send', { to: { kind: 'site', siteId: hoangDaoId }, text: '  Điểm cầu Hoằng Đạo bật micrô  ' });
    expect(sent).toMatchObject({ text: 'Điểm cầu Hoằng Đạo bật micrô', fromSiteId: null, to: { kind: 'site', siteId: hoangDaoId } });
    const help = await hoangHoa.request('message:send', { to: { kind: 'staff' }, text: 'Cần hỗ trợ kỹ thuật' });
    expect(help.fromName).toContain('Hoằng Hóa');
    await sleep(300);
    expect(texts(hoangDao)).toEqual(['Điểm cầu Hoằng Đạo bật micrô']);
    expect(texts(hoangHoa)).toEqual([]);
    expect(texts(operator)).toEqual(['Điểm cầu Hoằng Đạo bật micrô', 'Cần hỗ trợ kỹ thuật']);

    // A room writes to the staff only.
    await expect(hoangHoa.request('message:send', { to: { kind: 'all' }, text: 'Xin chào' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const log = await platform.db.prisma.meetingMessage.findMany({ where: { meetingId: meeting.meetingId }, orderBy: { at: 'asc' } });
    expect(log.map((m) => [m.audience, m.targetId, m.fromSiteId, m.text])).toEqual([
      ['site', hoangDaoId, null, 'Điểm cầu Hoằng Đạo bật micrô'],
      ['staff', null, meeting.siteIds['HUYEN-HOANGHOA']!, 'Cần hỗ trợ kỹ thuật'],
    ]);
  });

  it('refuses an empty or oversized text, and more than a few messages from one socket in a while', async () => {
    const operator = await join('vanhanh');
    await expect(operator.request('message:send', { to: { kind: 'all' }, text: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(operator.request('message:send', { to: { kind: 'all' }, text: 'x'.repeat(MESSAGE_MAX_CHARS + 1) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const results = await Promise.allSettled(Array.from({ length: 7 }, (_, i) => operator.request('message:send', { to: { kind: 'all' }, text: `Tin ${i}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
    expect(refusals).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // The server goes on serving the others.
    const room = await join('huyen-hoanghoa');
    expect(await room.request('message:send', { to: { kind: 'staff' }, text: 'Đã nghe rõ' })).toMatchObject({ text: 'Đã nghe rõ' });
  });
});
