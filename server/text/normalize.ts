// Plain lower-case text and its words: the first step of every text analysis, so that a reception
// form, an e-mail in HTML and a social-network post with markup read the same.

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", laquo: '«', raquo: '»',
  mdash: '—', ndash: '–', hellip: '…', shy: '',
};

/** Text without HTML tags, comments, scripts and entities; block tags and <br> become line breaks. */
export function stripHtml(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(br|p|div|li|tr|h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\u00a0/g, ' ');
}

/** Lower case with «ё» read as «е», as people type it either way. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

const WORD = /[a-zа-я]+(?:-[a-zа-я]+)*/g;

/**
 * The words of a text in order: letters only (numbers, house numbers and phone numbers say nothing
 * about the topic), a hyphenated word as one («из-за», «Нижний-Тагил» stays whole).
 */
export function tokens(text: string): string[] {
  return normalize(stripHtml(text)).match(WORD) ?? [];
}

/**
 * Words the way they appeared, paired with their lower-case forms: used to show a person the
 * words of their text that decided, not the stems.
 */
export function tokensWithSurface(text: string): { word: string; surface: string }[] {
  const plain = stripHtml(text).replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  const result: { word: string; surface: string }[] = [];
  for (const match of plain.matchAll(/[a-zA-Zа-яА-Я]+(?:-[a-zA-Zа-яА-Я]+)*/g)) {
    result.push({ word: match[0].toLowerCase(), surface: match[0] });
  }
  return result;
}
