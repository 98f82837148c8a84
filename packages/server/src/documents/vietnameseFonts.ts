import fs from 'node:fs';
import { CodedError } from '@pm/shared';

/**
 * Fonts with every Vietnamese glyph for generated PDFs: Debian's Noto Sans (package
 * fonts-noto-core, installed by `npm start` / `npm test`). PDFKit's built-in fonts lack them.
 */
const NOTO_DIR = '/usr/share/fonts/truetype/noto';
export const vietnameseFonts = {
  regular: `${NOTO_DIR}/NotoSans-Regular.ttf`,
  bold: `${NOTO_DIR}/NotoSans-Bold.ttf`,
};

export function assertVietnameseFonts(): void {
  const missing = Object.values(vietnameseFonts).filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new CodedError('INTERNAL', `fonts missing for PDF export (apt-get install fonts-noto-core): ${missing.join(', ')}`);
  }
}
