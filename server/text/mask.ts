// Personal data out of an export made for people who need the problems, not the people: e-mails, phone
// numbers, flat numbers and the author's own names in the text become «***», the author is shown by initials.

const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[\p{L}]{2,}/gu;
// Ten or more digits with the usual separators: +7 (922) 123-45-67, 8 922 1234567, 89221234567.
const PHONE = /(?:\+?\d[\s()-]*){10,}/g;
const FLAT = /(кв\.?|квартир[аеыу])\s*(№\s*)?\d+[а-я]?/giu;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with e-mails, phones, flat numbers and the given names (in any case ending) masked. */
export function maskText(text: string, names: readonly (string | null | undefined)[] = []): string {
  let result = text.replace(EMAIL, '***').replace(PHONE, (m) => (/\s$/.test(m) ? '*** ' : '***')).replace(FLAT, (_m, word: string) => `${word} ***`);
  for (const name of names) {
    const n = name?.trim();
    if (!n || n.length < 3) continue;
    // The name and its case forms: the stem without the last one or two letters, then any ending.
    const base = escape(n.length > 4 ? n.slice(0, -2) : n.slice(0, -1));
    result = result.replace(new RegExp(`(?<![\\p{L}])${base}\\p{L}{0,4}(?![\\p{L}])`, 'giu'), '***');
  }
  return result;
}

/** «Иванова Ольга Петровна» → «И. О. П.». */
export function initials(parts: readonly (string | null | undefined)[]): string | null {
  const letters = parts.map((p) => p?.trim()).filter((p): p is string => !!p).map((p) => `${p[0].toUpperCase()}.`);
  return letters.length ? letters.join(' ') : null;
}
