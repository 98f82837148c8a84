import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENT_MAX_BYTES, attachmentTypes, CodedError } from '@pm/shared';

type Extension = keyof typeof attachmentTypes;

/** The first bytes every accepted type starts with: a declared type must match the content. */
const signatures: Record<Extension, Buffer> = {
  pdf: Buffer.from('%PDF-'),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff]),
  // Office Open XML documents are ZIP archives.
  docx: Buffer.from('PK\x03\x04', 'latin1'),
  xlsx: Buffer.from('PK\x03\x04', 'latin1'),
};

/** The extension of an accepted media type, or undefined. */
function extensionOf(mediaType: string): Extension | undefined {
  return (Object.keys(attachmentTypes) as Extension[]).find((ext) => attachmentTypes[ext] === mediaType);
}

/**
 * Checks an upload: an accepted type, within the size limit, whose bytes are what it claims.
 * Returns the extension of that type, the only one the file is ever stored or served with.
 */
export function checkAttachment(mediaType: string, bytes: Buffer): Extension {
  const extension = extensionOf(mediaType);
  if (!extension) throw new CodedError('BAD_REQUEST', `attachments may be ${Object.values(attachmentTypes).join(', ')}`);
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new CodedError('BAD_REQUEST', `attachments are limited to ${ATTACHMENT_MAX_BYTES} bytes`);
  const signature = signatures[extension];
  if (!bytes.subarray(0, signature.length).equals(signature)) {
    throw new CodedError('BAD_REQUEST', `the file's content is not ${mediaType}`);
  }
  return extension;
}

/** Trailing extensions a user may have stacked on a name (`.pdf.cmd`), not numbers like `12.2026`. */
const TRAILING_EXTENSIONS = /(\.[A-Za-z][A-Za-z0-9]{0,4})+$/;
/** Characters that have no place in a file name on any system a downloader may use. */
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}"*/:<>?\\|]+/gu;

/**
 * The name a file is served under: the user's name without whatever extensions it carried, and
 * with the extension of the type its content was checked to be (`BaoCao.pdf.cmd` → `BaoCao.pdf`).
 */
export function downloadName(userFileName: string, mediaType: string): string {
  const stem = userFileName.replace(UNSAFE_NAME_CHARACTERS, '_').replace(TRAILING_EXTENSIONS, '').trim() || 'tep-dinh-kem';
  return `${stem}.${extensionOf(mediaType) ?? 'bin'}`;
}

/**
 * Attachment files under PM_DATA_DIR/attachments, named by their row's id and the extension of
 * their checked type (never by the name a user gave).
 */
export class AttachmentFiles {
  constructor(readonly dir: string) {}

  pathOf(attachmentId: string, mediaType: string): string {
    return path.join(this.dir, `${attachmentId}.${extensionOf(mediaType) ?? 'bin'}`);
  }

  /** Writes the bytes under a temporary name; `keep` then gives them their row's name. */
  async stage(bytes: Buffer): Promise<{ keep(attachmentId: string, mediaType: string): Promise<void>; discard(): Promise<void> }> {
    await fs.mkdir(this.dir, { recursive: true });
    const staged = path.join(this.dir, `${randomUUID()}.part`);
    await fs.writeFile(staged, bytes);
    return {
      keep: (attachmentId, mediaType) => fs.rename(staged, this.pathOf(attachmentId, mediaType)),
      discard: () => fs.rm(staged, { force: true }),
    };
  }
}
