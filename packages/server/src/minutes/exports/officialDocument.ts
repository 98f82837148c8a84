/**
 * An administrative document (văn bản hành chính) as content, laid out once by each renderer
 * (DOCX, PDF) the way Decree 30/2020/NĐ-CP sets it: the issuing body and the number on the
 * left, the national motto on the right, the place and date below it, a centred title, the body,
 * the recipients and the signature.
 */
export interface OfficialDocument {
  /** Lines of the issuing body, e.g. ["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"]. */
  issuingBody: string[];
  /** "Số: 12/BB-UBND". */
  number: string;
  /** "Thanh Hóa, ngày 29 tháng 11 năm 2026". */
  placeAndDate: string;
  /** "BIÊN BẢN", "THÔNG BÁO". */
  kind: string;
  /** What it is about, under the kind. */
  subject: string;
  blocks: Block[];
  /**
   * The body's last sentence, kept on the page of the signatures: Decree 30 never lets the
   * signature block stand alone on a page.
   */
  closing: string;
  /** "Nơi nhận:" lines, bottom left; empty for none. */
  recipients: string[];
  /** One or two signatures, left to right. */
  signatures: Array<{ title: string; name: string }>;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; label?: string }
  | { kind: 'table'; columns: Array<{ title: string; width: number }>; rows: string[][] };

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** "ỦY BAN NHÂN DÂN TỈNH THANH HÓA" → two lines, the body's kind above its place. */
export function issuingBodyLines(issuingBody: string): string[] {
  const match = /^(.*?)\s+((?:TỈNH|THÀNH PHỐ|HUYỆN|XÃ|THỊ XÃ)\s.+)$/u.exec(issuingBody);
  return match ? [match[1]!, match[2]!] : [issuingBody];
}
