import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { docxText, flat, pdfText } from '../support/documentText.ts';
import { createMeeting, type MeetingFixture } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const DIRECTIVES = [
  { content: 'Sở Y tế khẩn trương tổ chức tiêm chủng mở rộng cho trẻ em.', unit: 'SO-YTE', with: 'SO-TAICHINH', deadline: '2026-12-15' },
  { content: 'UBND xã Hoằng Hóa rà soát các hộ dân vùng ngập lụt.', unit: '15865', with: null, deadline: '2027-01-10' },
];

/** The minutes and the conclusions notice, as Word and PDF files, read back as text. */
describe('exported minutes and conclusions notice', () => {
  let platform: TestPlatform;
  let meeting: MeetingFixture;
  let cookie: string;
  /** The clock time (UTC+7) of the first entry, as the minutes stamp it. */
  let firstEntryClock: string;
  const download = async (name: string) => {
    const response = await fetch(`${platform.url}/api/meetings/${meeting.meetingId}/${name}`, { headers: { cookie } });
    expect(response.status, name).toBe(200);
    return { type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    meeting = await createMeeting(platform.db.prisma, {
      title: 'Hội nghị trực tuyến về công tác y tế',
      siteCodes: ['SO-YTE', '15865'],
      agenda: ['Công tác tiêm chủng', 'Phòng chống thiên tai'],
      unitCodes: ['SO-YTE', 'SO-TAICHINH', '15865'],
    });
    cookie = await login(platform.url, 'vanphong');
    const post = (path: string, body: unknown) => callApi(platform.url, cookie, 'POST', `/api/meetings/${meeting.meetingId}/${path}`, body);
    const first = await post('minutes/entries', { text: 'Báo cáo tỷ lệ tiêm chủng đạt 92%.', agendaPosition: 1, speakerSiteId: meeting.siteIds['SO-YTE'] });
    firstEntryClock = new Date(Date.parse((first.body as { entry: { at: string } }).entry.at) + 7 * 3_600_000).toISOString().slice(11, 16);
    await post('minutes/entries', { text: 'Đề nghị hỗ trợ kinh phí di dời dân.', agendaPosition: 2, speakerSiteId: meeting.siteIds['15865'] });
    for (const d of DIRECTIVES) {
      const answer = await post('directives', {
        content: d.content,
        responsibleUnitIds: [meeting.unitIds[d.unit]],
        coordinatingUnitIds: d.with ? [meeting.unitIds[d.with]] : [],
        deadline: d.deadline,
      });
      expect(answer.status).toBe(201);
    }
    await callApi(platform.url, cookie, 'PATCH', `/api/meetings/${meeting.meetingId}/minutes`, {
      version: 1,
      minutesNumber: '27/BB-UBND',
      conclusionsNumber: '312/TB-UBND',
      secretaryName: 'Lê Thị Thư',
    });
  });
  afterAll(async () => platform?.stop());

  const expectAdministrativeDocument = (text: string, number: string) => {
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('TỈNH THANH HÓA');
    expect(text).toContain(`Số: ${number}`);
    // Decree 30: a leading zero on days below 10 and on the months 1 and 2.
    expect(text).toMatch(/Thanh Hóa, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/);
  };
  const expectDirectives = (text: string) => {
    for (const d of DIRECTIVES) expect(text).toContain(d.content);
    expect(text).toContain('Sở Y tế');
    expect(text).toContain('Sở Tài chính');
    expect(text).toContain('Xã Hoằng Hóa');
    expect(text).toContain('15/12/2026');
    expect(text).toContain('10/01/2027');
  };

  for (const format of ['docx', 'pdf'] as const) {
    const read = async (name: string) => {
      const { type, bytes } = await download(`${name}.${format}`);
      expect(type).toContain(format === 'pdf' ? 'application/pdf' : 'wordprocessingml');
      return flat(format === 'pdf' ? pdfText(bytes) : await docxText(bytes));
    };

    it(`writes the minutes (biên bản) as ${format}, with what was said and what was directed`, async () => {
      const text = await read('minutes');
      expectAdministrativeDocument(text, '27/BB-UBND');
      expect(text).toContain('BIÊN BẢN');
      expect(text).toContain('Hội nghị trực tuyến về công tác y tế');
      expect(text).toContain('Công tác tiêm chủng');
      expect(text).toContain(`[${firstEntryClock}]`);
      expect(text).toContain('Báo cáo tỷ lệ tiêm chủng đạt 92%.');
      expect(text).toContain('Thư ký: Lê Thị Thư');
      expect(text).toContain('Hội trường UBND xã Hoằng Hóa');
      expectDirectives(text);
    });

    it(`writes the conclusions notice (thông báo kết luận) as ${format}, addressed to the units`, async () => {
      const text = await read('conclusions');
      expectAdministrativeDocument(text, '312/TB-UBND');
      expect(text).toContain('THÔNG BÁO');
      expect(text).toContain('Nơi nhận');
      expectDirectives(text);
      for (const d of DIRECTIVES) expect(text.split(d.content)).toHaveLength(2);
    });
  }
});
