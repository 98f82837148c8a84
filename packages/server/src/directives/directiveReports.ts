import {
  CodedError,
  type Attachment,
  type DirectiveDetail,
  type directiveReportCreateSchema,
  type Identity,
} from '@pm/shared';
import type { z } from 'zod';
import type { PrismaClient } from '../db/prismaClient.js';
import { UnitTree } from '../directory/unitTree.js';
import { reportingUnit, visibleDirectives } from './directiveAccess.js';
import type { DataDirSpace } from '../storage/dataDirSpace.js';
import { checkAttachment, downloadName, type AttachmentFiles } from './attachmentFiles.js';
import type { DirectiveReader } from './directiveReader.js';

/** How much a directive's reports, and a unit's reports over all its directives, may attach. */
export interface AttachmentQuota {
  perDirectiveBytes: number;
  perUnitBytes: number;
}

export interface AttachmentStorage {
  files: AttachmentFiles;
  space: Pick<DataDirSpace, 'assertRoomFor'>;
  quota: AttachmentQuota;
}

/**
 * A responsible unit reports on its directive: progress moves it to "in progress", a report of
 * completion to "reported done" (which the secretariat then confirms or sends back).
 */
export class DirectiveReports {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly reader: DirectiveReader,
    private readonly storage: AttachmentStorage,
  ) {}

  async report(identity: Identity, directiveId: string, input: z.output<typeof directiveReportCreateSchema>): Promise<DirectiveDetail> {
    const { directive, tree } = await this.open(identity, directiveId);
    const unitId = reportingUnit(identity, tree, this.responsible(directive), input.unitId);
    await this.prisma.$transaction([
      this.prisma.directiveReport.create({ data: { directiveId, unitId, authorUserId: identity.userId, text: input.text, done: input.done } }),
      this.prisma.directive.update({
        where: { id: directiveId },
        data: input.done
          ? { status: 'REPORTED_DONE', reportedDoneAt: new Date(), version: { increment: 1 } }
          : { status: 'IN_PROGRESS', reportedDoneAt: null, version: { increment: 1 } },
      }),
    ]);
    return this.reader.get(identity, directiveId);
  }

  /**
   * A file for one of the caller's unit's reports on this directive: kept under a name of ours with
   * its checked type's extension, within the directive's and the unit's quotas and the disk's room.
   */
  async attach(identity: Identity, directiveId: string, reportId: string, userFileName: string, upload: { mediaType: string; bytes: Buffer }): Promise<Attachment> {
    checkAttachment(upload.mediaType, upload.bytes);
    const { directive, tree } = await this.open(identity, directiveId);
    const report = await this.prisma.directiveReport.findFirst({ where: { id: reportId, directiveId }, select: { unitId: true } });
    if (!report) throw new CodedError('NOT_FOUND', 'report not found');
    reportingUnit(identity, tree, this.responsible(directive), report.unitId);
    await this.assertWithinQuota(directiveId, report.unitId, upload.bytes.length);
    await this.storage.space.assertRoomFor(upload.bytes.length, 'an attachment');
    const fileName = downloadName(userFileName, upload.mediaType);
    const staged = await this.storage.files.stage(upload.bytes);
    try {
      const row = await this.prisma.directiveAttachment.create({
        data: { reportId, fileName, contentType: upload.mediaType, sizeBytes: upload.bytes.length },
      });
      await staged.keep(row.id, row.contentType);
      return { id: row.id, fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, createdAt: row.createdAt.toISOString() };
    } catch (error) {
      await staged.discard();
      throw error;
    }
  }

  /** An attachment the caller may read (through its directive), with where its bytes are. */
  async download(identity: Identity, attachmentId: string): Promise<{ path: string; fileName: string; contentType: string }> {
    const tree = await UnitTree.load(this.prisma);
    const row = await this.prisma.directiveAttachment.findFirst({
      where: { id: attachmentId, report: { directive: visibleDirectives(identity, tree) } },
    });
    if (!row) throw new CodedError('NOT_FOUND', 'attachment not found');
    return { path: this.storage.files.pathOf(row.id, row.contentType), fileName: row.fileName, contentType: row.contentType };
  }

  private async assertWithinQuota(directiveId: string, unitId: string, bytes: number): Promise<void> {
    const [forDirective, forUnit] = await Promise.all([
      this.prisma.directiveAttachment.aggregate({ where: { report: { directiveId } }, _sum: { sizeBytes: true } }),
      this.prisma.directiveAttachment.aggregate({ where: { report: { unitId } }, _sum: { sizeBytes: true } }),
    ]);
    const { perDirectiveBytes, perUnitBytes } = this.storage.quota;
    if ((forDirective._sum.sizeBytes ?? 0) + bytes > perDirectiveBytes) {
      throw new CodedError('QUOTA_EXCEEDED', `this directive's attachments are limited to ${perDirectiveBytes} bytes`);
    }
    if ((forUnit._sum.sizeBytes ?? 0) + bytes > perUnitBytes) {
      throw new CodedError('QUOTA_EXCEEDED', `this unit's attachments are limited to ${perUnitBytes} bytes`);
    }
  }

  private async visible(identity: Identity, directiveId: string) {
    const tree = await UnitTree.load(this.prisma);
    const directive = await this.prisma.directive.findFirst({
      where: { AND: [{ id: directiveId }, visibleDirectives(identity, tree)] },
      select: { status: true, units: { select: { unitId: true, role: true } } },
    });
    if (!directive) throw new CodedError('NOT_FOUND', 'directive not found');
    return { directive, tree };
  }

  /** A directive the caller sees that is still worked on: a confirmed one is closed to reports and their files. */
  private async open(identity: Identity, directiveId: string) {
    const visible = await this.visible(identity, directiveId);
    if (visible.directive.status === 'CONFIRMED') throw new CodedError('CONFLICT', 'the directive is already confirmed done');
    return visible;
  }

  private responsible(directive: { units: Array<{ unitId: string; role: string }> }): string[] {
    return directive.units.filter((u) => u.role === 'RESPONSIBLE').map((u) => u.unitId);
  }
}
