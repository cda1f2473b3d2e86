// The official letter as DOCX for Word and LibreOffice, laid out like the PDF. It names Times New Roman,
// the face administrations expect in documents they go on editing, rather than embedding a font.
import {
  AlignmentType, BorderStyle, Document, Footer, Header, LineRuleType, Packer, PageNumber, Paragraph, Table, TableBorders, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, convertMillimetersToTwip,
} from 'docx';
import { checkLetter, registrationLine, type OfficialLetter } from './letter';

const FONT = 'Times New Roman';
/** Sizes in half-points. */
const BODY = 28;
const SMALL = 18;
/** A4 in twips, exact: converting from millimetres would round it down by a twip. */
const A4 = { width: 11906, height: 16838 };
const PAGE_WIDTH_MM = 210;
const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 };
const TEXT_WIDTH = convertMillimetersToTwip(PAGE_WIDTH_MM - MARGIN_MM.left - MARGIN_MM.right);

const centred = (text: string, options: { bold?: boolean; size?: number; after?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: options.after ?? 0 },
    children: lines(text, { bold: options.bold, size: options.size }),
  });

/** Runs for a text that may hold line breaks. */
function lines(text: string, style: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

/** A table without borders, used to place two blocks side by side. */
function sideBySide(leftCell: Paragraph[], rightCell: Paragraph[], leftShare: number, align: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable] = VerticalAlignTable.TOP): Table {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare);
  const cell = (children: Paragraph[], w: number) => new TableCell({
    children, width: { size: w, type: WidthType.DXA }, verticalAlign: align,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(leftCell, leftWidth), cell(rightCell, TEXT_WIDTH - leftWidth)] })],
  });
}

function letterhead(letter: OfficialLetter): Paragraph[] {
  const head = letter.letterhead;
  const small = [head.address, head.contacts].filter(Boolean).join('\n');
  const blocks = [centred(head.organizationName, { bold: true, size: 30 })];
  if (head.subtitle) blocks.push(centred(head.subtitle, { size: 26 }));
  if (small) blocks.push(centred(small, { size: SMALL }));
  // The double rule of a letterhead blank.
  blocks.push(new Paragraph({
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 4 } },
    spacing: { after: 360 },
    children: [],
  }));
  return blocks;
}

/** Renders the letter to a DOCX document. */
export async function renderOfficialLetterDocx(input: OfficialLetter): Promise<Buffer> {
  const letter = checkLetter(input);
  const registration = sideBySide(
    [new Paragraph({ children: [new TextRun(registrationLine(letter))] })],
    letter.addressee ? [new Paragraph({ children: lines(letter.addressee) })] : [new Paragraph({})],
    0.55,
  );
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 480, after: 240 },
    keepNext: true,
    children: lines(letter.title, { bold: true }),
  });
  const body = letter.paragraphs.map((text) => new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(12.5) },
    spacing: { after: 60, line: 288, lineRule: LineRuleType.AUTO },
    children: lines(text),
  }));
  const signature = sideBySide(
    [new Paragraph({ keepLines: true, children: lines(letter.signature.position) })],
    [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(letter.signature.fullName)] })],
    0.6,
    VerticalAlignTable.BOTTOM,
  );
  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })] })],
  });
  const footer = letter.footer
    ? new Footer({ children: [new Paragraph({ children: lines(letter.footer, { size: SMALL - 1 }) })] })
    : undefined;

  const doc = new Document({
    title: `${letter.title} ${registrationLine(letter)}`,
    creator: letter.letterhead.organizationName,
    styles: { default: { document: { run: { font: FONT, size: BODY, language: { value: 'ru-RU' } } } } },
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: A4,
          margin: {
            top: convertMillimetersToTwip(MARGIN_MM.top), bottom: convertMillimetersToTwip(MARGIN_MM.bottom),
            left: convertMillimetersToTwip(MARGIN_MM.left), right: convertMillimetersToTwip(MARGIN_MM.right),
          },
        },
      },
      // Page numbers from the second page on: the first page has an empty header of its own.
      headers: { default: pageNumber, first: new Header({ children: [] }) },
      footers: footer ? { default: footer, first: footer } : undefined,
      children: [
        ...letterhead(letter),
        registration,
        title,
        ...body,
        new Paragraph({ spacing: { before: 480 }, keepNext: true, children: [] }),
        signature,
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
