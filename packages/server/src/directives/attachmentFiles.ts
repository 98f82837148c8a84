import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENT_MAX_BYTES, attachmentTypes, CodedError } from '@pm/shared';

/** The first bytes every accepted type starts with: a declared type must match the content. */
const signatures: Record<string, Buffer> = {
  [attachmentTypes.pdf]: Buffer.from('%PDF-'),
  [attachmentTypes.png]: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  [attachmentTypes.jpeg]: Buffer.from([0xff, 0xd8, 0xff]),
  // Office Open XML documents are ZIP archives.
  [attachmentTypes.docx]: Buffer.from('PK\x03\x04', 'latin1'),
  [attachmentTypes.xlsx]: Buffer.from('PK\x03\x04', 'latin1'),
};

/** Checks an upload: an accepted type, within the size limit, whose bytes are what it claims. */
export function checkAttachment(mediaType: string, bytes: Buffer): void {
  const signature = signatures[mediaType];
  if (!signature) throw new CodedError('BAD_REQUEST', `attachments may be ${Object.values(attachmentTypes).join(', ')}`);
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new CodedError('BAD_REQUEST', `attachments are limited to ${ATTACHMENT_MAX_BYTES} bytes`);
  if (!bytes.subarray(0, signature.length).equals(signature)) {
    throw new CodedError('BAD_REQUEST', `the file's content is not ${mediaType}`);
  }
}

/**
 * Attachment files under PM_DATA_DIR/attachments, named by their row's id (never by the name a
 * user gave, which only goes into the download's Content-Disposition).
 */
export class AttachmentFiles {
  constructor(readonly dir: string) {}

  pathOf(attachmentId: string): string {
    return path.join(this.dir, attachmentId);
  }

  /** Writes the bytes under a temporary name; `keep` then gives them their row's id. */
  async stage(bytes: Buffer): Promise<{ keep(attachmentId: string): Promise<void>; discard(): Promise<void> }> {
    await fs.mkdir(this.dir, { recursive: true });
    const staged = path.join(this.dir, `${randomUUID()}.part`);
    await fs.writeFile(staged, bytes);
    return {
      keep: (attachmentId) => fs.rename(staged, this.pathOf(attachmentId)),
      discard: () => fs.rm(staged, { force: true }),
    };
  }
}
