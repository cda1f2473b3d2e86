// The official letter as PDF: A4 on a letterhead, PT Serif embedded so Cyrillic is real text.
import PDFDocument from 'pdfkit';
import { FONT_FILES } from './fonts';
import { checkLetter, registrationLine, type OfficialLetter } from './letter';

const MM = 72 / 25.4;
// Margins of GOST R 7.0.97-2016: at least 20 mm left, 10 mm right, 20 mm top and bottom.
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY_SIZE = 12;
const LINE_GAP = 3;
const FIRST_LINE_INDENT = 12.5 * MM;
const REGULAR = 'letter-regular';
const BOLD = 'letter-bold';

/** Renders the letter to a PDF document. */
export async function renderOfficialLetterPdf(input: OfficialLetter): Promise<Buffer> {
  const letter = checkLetter(input);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    font: FONT_FILES.regular,
    lang: 'ru-RU',
    displayTitle: true,
    info: {
      Title: `${letter.title} ${registrationLine(letter)}`,
      Author: letter.letterhead.organizationName,
      Creator: 'Отклик',
    },
  });
  doc.registerFont(REGULAR, FONT_FILES.regular);
  doc.registerFont(BOLD, FONT_FILES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = MARGINS.left;
  const width = doc.page.width - MARGINS.left - MARGINS.right;

  drawLetterhead(doc, letter, left, width);
  drawRegistration(doc, letter, left, width);

  doc.font(BOLD).fontSize(13).text(letter.title, left, doc.y, { width, align: 'center', lineGap: 2 });
  doc.moveDown(0.8);

  doc.font(REGULAR).fontSize(BODY_SIZE);
  for (const paragraph of letter.paragraphs) {
    doc.text(paragraph, left, doc.y, { width, align: 'justify', indent: FIRST_LINE_INDENT, lineGap: LINE_GAP, paragraphGap: 5 });
  }

  drawSignature(doc, letter, left, width);
  drawPageFurniture(doc, letter, left, width);
  doc.end();
  return done;
}

function drawLetterhead(doc: PDFKit.PDFDocument, letter: OfficialLetter, left: number, width: number): void {
  const head = letter.letterhead;
  doc.font(BOLD).fontSize(14).text(head.organizationName, left, MARGINS.top, { width, align: 'center', lineGap: 1 });
  if (head.subtitle) doc.font(REGULAR).fontSize(12).text(head.subtitle, { width, align: 'center' });
  const small = [head.address, head.contacts].filter(Boolean).join('\n');
  if (small) {
    doc.moveDown(0.2);
    doc.font(REGULAR).fontSize(9).text(small, { width, align: 'center', lineGap: 1 });
  }
  // The double rule of a letterhead blank: a thick line over a thin one.
  const y = doc.y + 6;
  doc.save().lineWidth(1.6).moveTo(left, y).lineTo(left + width, y).stroke()
    .lineWidth(0.5).moveTo(left, y + 2.6).lineTo(left + width, y + 2.6).stroke().restore();
  doc.y = y + 18;
}

/** «от 27.11.2026 № 15-РИСК» on the left, the addressee on the right half, as on a blank. */
function drawRegistration(doc: PDFKit.PDFDocument, letter: OfficialLetter, left: number, width: number): void {
  const top = doc.y;
  doc.font(REGULAR).fontSize(BODY_SIZE).text(registrationLine(letter), left, top, { width: width * 0.46 });
  let bottom = doc.y;
  if (letter.addressee) {
    const x = left + width * 0.55;
    doc.text(letter.addressee, x, top, { width: width * 0.45, lineGap: 1 });
    bottom = Math.max(bottom, doc.y);
  }
  doc.x = left;
  doc.y = bottom + 22;
}

function drawSignature(doc: PDFKit.PDFDocument, letter: OfficialLetter, left: number, width: number): void {
  const { position, fullName } = letter.signature;
  doc.font(REGULAR).fontSize(BODY_SIZE);
  const positionWidth = width * 0.58;
  const positionHeight = doc.heightOfString(position, { width: positionWidth, lineGap: 1 });
  const lineHeight = doc.currentLineHeight(true) + 1;
  const gap = 32;
  if (doc.y + gap + positionHeight > doc.page.height - MARGINS.bottom) doc.addPage();
  else doc.y += gap;
  const top = doc.y;
  doc.text(position, left, top, { width: positionWidth, lineGap: 1 });
  const after = doc.y;
  // The name stands at the right edge, on the line of the position's last line.
  if (fullName) doc.text(fullName, left + positionWidth, top + positionHeight - lineHeight, { width: width - positionWidth, align: 'right' });
  doc.x = left;
  doc.y = after;
}

/** Page numbers from the second page on (top centre) and the footer on every page. */
function drawPageFurniture(doc: PDFKit.PDFDocument, letter: OfficialLetter, left: number, width: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside a margin would otherwise start a new page.
    const margins = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
    if (i > range.start) {
      doc.font(REGULAR).fontSize(10).text(String(i - range.start + 1), left, MARGINS.top / 2, { width, align: 'center' });
    }
    if (letter.footer) {
      doc.font(REGULAR).fontSize(8.5).fillColor('#444444')
        .text(letter.footer, left, doc.page.height - MARGINS.bottom + 8, { width, height: 34, ellipsis: true, lineGap: 0.5 })
        .fillColor('black');
    }
    doc.page.margins = margins;
  }
}
