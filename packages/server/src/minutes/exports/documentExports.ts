import type { Identity } from '@pm/shared';
import type { PrismaClient } from '../../db/prismaClient.js';
import type { MinutesSettingsStore } from '../minutesSettings.js';
import { conclusionsContent } from './conclusionsContent.js';
import { renderDocx } from './docxRenderer.js';
import { exportData } from './exportData.js';
import { minutesContent } from './minutesContent.js';
import { renderPdf } from './pdfRenderer.js';

export type ExportKind = 'minutes' | 'conclusions';
export type ExportFormat = 'docx' | 'pdf';

const contents = { minutes: minutesContent, conclusions: conclusionsContent };
const renderers = { docx: renderDocx, pdf: renderPdf };
/** File names without diacritics: every mail client and file system keeps them intact. */
const fileStems = { minutes: 'bien-ban', conclusions: 'thong-bao-ket-luan' };

/** A meeting's minutes or conclusions notice as a Word or PDF file. */
export async function exportDocument(
  prisma: PrismaClient,
  settings: MinutesSettingsStore,
  identity: Identity,
  meetingId: string,
  kind: ExportKind,
  format: ExportFormat,
): Promise<{ fileName: string; bytes: Buffer }> {
  const data = await exportData(prisma, settings, identity, meetingId);
  const bytes = await renderers[format](contents[kind](data));
  return { fileName: `${fileStems[kind]}-${meetingId}.${format}`, bytes };
}
