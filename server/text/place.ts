// The place an appeal is about: a street and a house, read from the address field or from the text
// («на ул. Мира возле дома 5», «пр-т Ленина, д. 12а», «г. Белоярский, Мира 5»). The street is kept as
// stems of its name, so «улица Мира», «на улице Мира» and «ул. Мира» are one street.
import { normalize, stripHtml } from './normalize';
import { stem } from './stem';

export interface Place {
  /** Stems of the street's name, e.g. «мир», «8 март», «советск». */
  street: string;
  /** The house number as written without spaces, lower case («5», «12а», «3/1»), or null. */
  house: string | null;
  /** The place as the text names it, for a person to read («ул. Мира, д. 5»). */
  label: string;
}

/** A pattern that matches the word in any case: «ул» → «[уУ][лЛ]». */
const anyCase = (word: string) => [...word].map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`)).join('');
const TYPES = [
  'улица', 'улице', 'улицу', 'улицы', 'улицей', 'ул', 'проспект', 'проспекта', 'проспекте', 'проспекту', 'пр-т', 'пр-кт', 'просп', 'пр',
  'переулок', 'переулке', 'переулка', 'переулку', 'пер', 'бульвар', 'бульвара', 'бульваре', 'бульвару', 'б-р', 'шоссе', 'проезд', 'проезде', 'проезда',
  'пр-д', 'проезду', 'площадь', 'площади', 'пл', 'микрорайон', 'микрорайоне', 'микрорайона', 'мкр', 'мкрн', 'набережная', 'набережной',
  'набережную', 'наб', 'тракт', 'тракте', 'тракта',
];
// The type is followed by a dot or a space, so «ул» inside «улучшить» is not a street.
const STREET_TYPE = `(?:${TYPES.map(anyCase).join('|')})(?:\\.\\s*|\\s+)`;
// A street name: a number («8 Марта», «40 лет Победы») or one or two words, the second capitalised.
const NAME = String.raw`((?:\d{1,3}(?:-?[а-яё]{1,3})?\s+)?(?:лет\s+)?[А-ЯЁа-яё][А-ЯЁа-яё-]+(?:\s+[А-ЯЁ][а-яё-]+)?)`;
const HOUSE = String.raw`(?:[,\s]+(?:(?:возле|около|у|напротив|рядом\s+с)\s+)?(?:д(?:ом|ома|ому|оме)?\.?|№)?\s*(\d{1,4}(?:[а-яА-Я](?![а-яА-ЯёЁ]))?(?:\s?[/\\]\s?\d{1,3})?)(?![\d.:]))?`;
const WITH_TYPE = new RegExp(`(?:^|[^а-яёА-ЯЁ-])${STREET_TYPE}${NAME}${HOUSE}`, 'gu');
// «в доме 5 по улице Мира», «у дома 12а на проспекте Победы»: the house before the street.
const HOUSE_FIRST = new RegExp(`(?:^|[^а-яёА-ЯЁ])(?:[дД]ом[аеу]?|[дД]\\.)\\s*(\\d{1,4}(?:[а-я](?![а-яё]))?(?:/\\d{1,3})?)\\s+(?:по|на)\\s+${STREET_TYPE}${NAME}`, 'gu');
// «Мира, 5» or «Мира 5» at the start of an address field or after the town in it.
const BARE = /(?:^|,\s*)([А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+)?),?\s+(?:д\.?\s*)?(\d{1,4}[а-я]?(?:\/\d{1,3})?)\b/u;

// Words that may follow a street type but are not a name.
const NOT_A_NAME = new Set(['д', 'дом', 'дома', 'возле', 'около', 'у', 'напротив', 'рядом', 'в', 'на', 'по', 'и', 'нашей', 'нашем', 'нашу', 'наша', 'нашего']);

function streetKey(name: string): string | null {
  const words = normalize(name).split(/\s+/).filter(Boolean);
  while (words.length && NOT_A_NAME.has(words[words.length - 1])) words.pop();
  if (!words.length || NOT_A_NAME.has(words[0])) return null;
  return words.map((w) => (/^\d/.test(w) ? w.replace(/-.*$/, '') : stem(w))).join(' ');
}

function houseKey(house: string | undefined): string | null {
  if (!house) return null;
  return normalize(house).replace(/[\s\\]/g, '').replace(/\\/g, '/');
}

const labelOf = (match: string) => match.replace(/^[^А-ЯЁа-яё0-9]+/, '').replace(/[,\s]+$/, '');

/** Every street (with a house when one is named) the text mentions, in order. */
export function placesIn(text: string): Place[] {
  const plain = stripHtml(text).replace(/\s+/g, ' ');
  const result: Place[] = [];
  for (const m of plain.matchAll(HOUSE_FIRST)) {
    const street = streetKey(m[2]);
    if (street) result.push({ street, house: houseKey(m[1]), label: labelOf(m[0]) });
  }
  for (const m of plain.matchAll(WITH_TYPE)) {
    const street = streetKey(m[1]);
    if (street && !result.some((p) => p.street === street && p.house)) result.push({ street, house: houseKey(m[2]), label: labelOf(m[0]) });
  }
  return result;
}

/**
 * The place of an appeal: from the address field when it names a street, otherwise the first street of
 * the text. Null when neither names one.
 */
export function placeOf(address: string | null | undefined, text: string): Place | null {
  if (address) {
    const fromAddress = placesIn(address);
    if (fromAddress.length) return fromAddress[0];
    const bare = BARE.exec(stripHtml(address).trim());
    if (bare) {
      const street = streetKey(bare[1]);
      if (street) return { street, house: houseKey(bare[2]), label: labelOf(bare[0]) };
    }
  }
  return placesIn(text)[0] ?? null;
}

/** One place: the same street, and the same house unless one of them names none. */
export function samePlace(a: Pick<Place, 'street' | 'house'> | null, b: Pick<Place, 'street' | 'house'> | null): boolean {
  if (!a || !b || a.street !== b.street) return false;
  return !a.house || !b.house || a.house === b.house;
}
