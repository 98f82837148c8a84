import fs from 'node:fs';
import { CodedError } from '@pm/shared';

/**
 * The typeface of generated PDFs. Decree 30/2020 sets administrative documents in Times New Roman
 * (the DOCX name it); Times New Roman itself may not be redistributed, so the PDFs embed Liberation
 * Serif 2, drawn on Times New Roman's metrics (a page breaks where Word breaks it) and, unlike the
 * Liberation 1.x of package fonts-liberation, with every Vietnamese glyph (U+1EA0–U+1EF9).
 * Debian package fonts-liberation2, installed by `npm start` / `npm test` and the image.
 */
const LIBERATION_DIR = '/usr/share/fonts/truetype/liberation2';
export const vietnameseFonts = {
  regular: `${LIBERATION_DIR}/LiberationSerif-Regular.ttf`,
  bold: `${LIBERATION_DIR}/LiberationSerif-Bold.ttf`,
  italic: `${LIBERATION_DIR}/LiberationSerif-Italic.ttf`,
};

export function assertVietnameseFonts(): void {
  const missing = Object.values(vietnameseFonts).filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new CodedError('INTERNAL', `fonts missing for PDF export (apt-get install fonts-liberation2): ${missing.join(', ')}`);
  }
}
