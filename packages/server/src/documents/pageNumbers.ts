/**
 * Writes a number on every page of a finished PDFKit document created with `bufferPages: true`,
 * inside a margin: the page's own margins are set aside while writing, else PDFKit would take
 * text in the bottom margin for an overflow and start a new page.
 */
export function numberPages(
  doc: PDFKit.PDFDocument,
  label: (page: number, count: number) => string | null,
  place: { y: (page: PDFKit.PDFPage) => number; font: string; size: number },
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    const text = label(i - start + 1, count);
    if (text === null) continue;
    const page = doc.switchToPage(i);
    const margins = page.margins;
    page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font(place.font).fontSize(place.size).text(text, 0, place.y(page), { width: page.width, align: 'center', lineBreak: false });
    page.margins = margins;
  }
}
