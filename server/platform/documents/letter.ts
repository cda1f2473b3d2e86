// The official letter both renderers draw, and the Russian formatting of its details.

export interface Letterhead {
  organizationName: string;
  subtitle?: string;
  address?: string;
  contacts?: string;
}

export interface OfficialLetter {
  letterhead: Letterhead;
  /** Date of the letter, YYYY-MM-DD. */
  date: string;
  /** Registration number, e.g. «15-РИСК». */
  number: string;
  title: string;
  addressee?: string;
  paragraphs: string[];
  signature: { position: string; fullName: string };
  /** Small print at the foot of each page: the executor, a link to the publication. */
  footer?: string;
}

const MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

function parseDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (!match || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  return [y, m, d];
}

/** «27.11.2026» or, in words, «27 ноября 2026 г.». */
export function formatRussianDate(date: string, style: 'numeric' | 'long' = 'numeric'): string {
  const [y, m, d] = parseDate(date);
  if (style === 'long') return `${d} ${MONTHS_GENITIVE[m - 1]} ${y} г.`;
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}

/** The registration line under the letterhead: «от 27.11.2026 № 15-РИСК». */
export function registrationLine(letter: Pick<OfficialLetter, 'date' | 'number'>): string {
  return `от ${formatRussianDate(letter.date)} № ${letter.number}`;
}

/** Rejects a letter that would render as a broken document. */
export function checkLetter(letter: OfficialLetter): OfficialLetter {
  parseDate(letter.date);
  if (!letter.letterhead.organizationName.trim()) throw new RangeError('the letterhead needs an organisation name');
  return {
    ...letter,
    paragraphs: letter.paragraphs.map((p) => p.trim()).filter(Boolean),
  };
}
