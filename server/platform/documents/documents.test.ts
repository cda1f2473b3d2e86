import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { formatRussianDate, renderOfficialLetterDocx, renderOfficialLetterPdf, type OfficialLetter } from '.';

const letter: OfficialLetter = {
  letterhead: {
    organizationName: 'Администрация Белоярского городского округа',
    subtitle: 'Свердловская область',
    address: '624030, Свердловская обл., пгт Белоярский, ул. Милицейская, д. 1',
    contacts: 'тел. (34377) 2-10-80, adm@beloyarka.example.ru',
  },
  date: '2026-11-27',
  number: '15-РИСК',
  title: 'Официальный комментарий',
  addressee: 'Центр управления региона Свердловской области',
  paragraphs: [
    'По публикации от 25.11.2026 (ВКонтакте, «Белоярка онлайн») сообщаем следующее.',
    'Жители улицы Ленина пос. Белоярский сообщили о ямах на проезжей части. Администрацией проведено обследование участка дороги; ямочный ремонт выполнен 26 ноября 2026 года.',
    'Капитальный ремонт участка включён в план дорожных работ на 2027 год.',
  ],
  signature: { position: 'Глава Белоярского городского округа', fullName: 'А. А. Иванов' },
  footer: 'Исп. Петрова Е. С., тел. (34377) 2-15-40',
};

const squeeze = (s: string) => s.replace(/\s+/g, '');

async function docxParts(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read));
  return { names: Object.keys(zip.files), document: await read('word/document.xml'), styles: await read('word/styles.xml'), footers };
}

/** The text of every page, and the glyphs it draws, as a PDF reader sees them. */
async function readPdf(buffer: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  const items: string[][] = [];
  const glyphs: { unicode: string; isInFont: boolean }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const strings = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''));
    pages.push(strings.join(''));
    items.push(strings.map((s) => s.trim()).filter(Boolean));
    const ops = await page.getOperatorList();
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.showText) return;
      for (const g of ops.argsArray[i][0] as unknown[]) if (g && typeof g === 'object') glyphs.push(g as { unicode: string; isInFont: boolean });
    });
  }
  await pdf.destroy();
  return { pages, items, glyphs };
}

describe('Russian dates', () => {
  it('formats a date as digits or in words', () => {
    expect(formatRussianDate('2026-11-27')).toBe('27.11.2026');
    expect(formatRussianDate('2026-11-27', 'long')).toBe('27 ноября 2026 г.');
    expect(formatRussianDate('2026-03-01', 'long')).toBe('1 марта 2026 г.');
    expect(formatRussianDate('2026-05-09')).toBe('09.05.2026');
    expect(() => formatRussianDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatRussianDate('27.11.2026')).toThrow(RangeError);
  });
});

describe('official letter as DOCX', () => {
  it('is a Word document whose body holds the letterhead, registration line, title, text and signature', async () => {
    const buffer = await renderOfficialLetterDocx(letter);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const { names, document, styles, footers } = await docxParts(buffer);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    for (const text of [
      letter.letterhead.organizationName, letter.letterhead.subtitle!, letter.letterhead.address!,
      'от 27.11.2026 № 15-РИСК', letter.addressee!, letter.title, ...letter.paragraphs,
      letter.signature.position, letter.signature.fullName,
    ]) expect(document).toContain(text);
    // Order of a letter: letterhead, registration, title, body, signature.
    const at = (s: string) => document.indexOf(s);
    expect(at(letter.letterhead.organizationName)).toBeLessThan(at('от 27.11.2026'));
    expect(at('от 27.11.2026')).toBeLessThan(at(letter.title));
    expect(at(letter.title)).toBeLessThan(at(letter.paragraphs[0]));
    expect(at(letter.paragraphs[2])).toBeLessThan(at(letter.signature.fullName));
    expect(document).toContain('<w:jc w:val="both"/>');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toContain('Times New Roman');
    expect(styles).toContain('ru-RU');
    expect(footers.join('')).toContain(letter.footer);
  });

  it('escapes markup characters and renders without the optional parts', async () => {
    const bare: OfficialLetter = {
      ...letter,
      letterhead: { organizationName: 'МУП «Водоканал & К°» <Березовский>' },
      addressee: undefined, footer: undefined,
      paragraphs: ['Текст с символами < > & и "кавычками".', '   '],
      signature: { position: 'Директор', fullName: '' },
    };
    const { document, footers } = await docxParts(await renderOfficialLetterDocx(bare));
    expect(document).toContain('МУП «Водоканал &amp; К°» &lt;Березовский&gt;');
    expect(document).toContain('Текст с символами &lt; &gt; &amp; и &quot;кавычками&quot;.');
    expect(footers.join('')).not.toContain('Исп.');
  });
});

describe('official letter as PDF', () => {
  it('embeds a TrueType font with Cyrillic and reads back as text', async () => {
    const buffer = await renderOfficialLetterPdf(letter);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = buffer.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+PTSerif-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+PTSerif-Bold/);
    expect(raw).toContain('/ToUnicode');

    const { pages, glyphs } = await readPdf(buffer);
    expect(pages).toHaveLength(1);
    const text = squeeze(pages[0]);
    for (const s of [letter.letterhead.organizationName, 'от 27.11.2026 № 15-РИСК', letter.addressee!, letter.title, ...letter.paragraphs, letter.signature.position, letter.signature.fullName, letter.footer!]) {
      expect(text).toContain(squeeze(s));
    }
    // Every visible character is drawn from the embedded font: no missing glyphs.
    const visible = glyphs.filter((g) => g.unicode.trim() !== '');
    expect(visible.filter((g) => /[а-яё]/i.test(g.unicode)).length).toBeGreaterThan(300);
    expect(visible.filter((g) => !g.isInFont)).toEqual([]);
  });

  it('a long letter runs onto more pages with page numbers and the footer on each', async () => {
    const long = { ...letter, paragraphs: Array.from({ length: 30 }, (_, i) => `${i + 1}. ${letter.paragraphs[1]} ${letter.paragraphs[2]}`) };
    const { pages, items } = await readPdf(await renderOfficialLetterPdf(long));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(squeeze(page)).toContain(squeeze(letter.footer!));
      if (i > 0) expect(items[i]).toContain(String(i + 1));
    });
    expect(items[0]).not.toContain('1');
    expect(squeeze(pages.at(-1)!)).toContain(squeeze(letter.signature.fullName));
    expect(squeeze(pages.join(''))).toContain('30.Жители');
  });

  it('renders without the optional parts', async () => {
    const bare: OfficialLetter = { ...letter, letterhead: { organizationName: 'Администрация города Екатеринбурга' }, addressee: undefined, footer: undefined, signature: { position: 'Глава', fullName: '' } };
    const { pages } = await readPdf(await renderOfficialLetterPdf(bare));
    expect(squeeze(pages[0])).toContain('АдминистрациягородаЕкатеринбурга');
    await expect(renderOfficialLetterPdf({ ...letter, date: '27.11.2026' })).rejects.toThrow(RangeError);
  });
});
