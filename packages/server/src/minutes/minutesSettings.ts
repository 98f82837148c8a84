import { CodedError, type MinutesSettings, type minutesSettingsUpdateSchema } from '@pm/shared';
import type { z } from 'zod';
import type { PrismaClient } from '../db/prismaClient.js';

/**
 * The particulars of a meeting's exported documents. Until the secretariat sets them they follow
 * the directory: issued by the province's People's Committee, signed by the meeting's chair.
 */
export class MinutesSettingsStore {
  constructor(private readonly prisma: PrismaClient) {}

  async get(meetingId: string): Promise<MinutesSettings> {
    const row = await this.prisma.meetingMinutes.findUnique({ where: { meetingId } });
    if (row) {
      const { meetingId: _id, ...settings } = row;
      return settings;
    }
    return this.defaults(meetingId);
  }

  async update(meetingId: string, input: z.output<typeof minutesSettingsUpdateSchema>): Promise<MinutesSettings> {
    const { version, ...fields } = input;
    const stale = () => new CodedError('CONFLICT', `the document settings were changed by someone else meanwhile (version ${version} is stale)`);
    const existing = await this.prisma.meetingMinutes.count({ where: { meetingId } });
    if (!existing) {
      if (version !== 1) throw stale();
      const { version: _first, ...defaults } = await this.defaults(meetingId);
      await this.prisma.meetingMinutes.create({ data: { ...defaults, ...fields, meetingId, version: 2 } });
    } else {
      const { count } = await this.prisma.meetingMinutes.updateMany({ where: { meetingId, version }, data: { ...fields, version: { increment: 1 } } });
      if (count === 0) throw stale();
    }
    return this.get(meetingId);
  }

  private async defaults(meetingId: string): Promise<MinutesSettings> {
    const [province, meeting] = await Promise.all([
      this.prisma.unit.findFirst({ where: { kind: 'PROVINCE' }, orderBy: { sortOrder: 'asc' }, select: { name: true } }),
      this.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { chair: { select: { displayName: true } } } }),
    ]);
    const provinceName = province?.name ?? 'Tỉnh';
    return {
      issuingBody: `ỦY BAN NHÂN DÂN ${provinceName.toLocaleUpperCase('vi')}`,
      place: provinceName.replace(/^(Tỉnh|Thành phố)\s+/u, ''),
      minutesNumber: '',
      conclusionsNumber: '',
      signerTitle: 'CHỦ TRÌ CUỘC HỌP',
      signerName: meeting.chair?.displayName ?? '',
      secretaryName: '',
      version: 1,
    };
  }
}
