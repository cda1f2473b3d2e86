// Who wrote an appeal, as keys that survive the ways people write themselves: «Иванова Ольга» and
// «ИВАНОВА ольга», «+7 (922) 123-45-67» and «8 922 1234567», «ул. Мира, д. 5, кв. 3» and «Мира 5-3».
// Repeated appeals (59-ФЗ: the same person on the same question) are found by these keys.
import { normalize } from './normalize';

export interface AuthorFields {
  surname?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
}

/** A phone as its last ten digits (a Russian number without +7 or 8), or null when too short to tell. */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 10 ? digits.slice(-10) : null;
}

export function emailKey(email: string | null | undefined): string | null {
  const e = (email ?? '').trim().toLowerCase();
  return e.includes('@') ? e : null;
}

/** Surname and first name, lower case, «ё» as «е»; null without a surname. */
export function nameKey(surname: string | null | undefined, name: string | null | undefined): string | null {
  const s = normalize(surname ?? '').replace(/[^a-zа-я-]/g, '');
  if (!s) return null;
  const n = normalize(name ?? '').replace(/[^a-zа-я-]/g, '');
  return n ? `${s} ${n}` : s;
}

// Words of a postal address that say nothing of where it is.
const ADDRESS_NOISE = new Set([
  'г', 'город', 'гор', 'пос', 'поселок', 'п', 'пгт', 'с', 'село', 'д', 'дом', 'кв', 'квартира', 'ул', 'улица', 'пр', 'пр-т', 'проспект',
  'пер', 'переулок', 'б-р', 'бульвар', 'ш', 'шоссе', 'обл', 'область', 'р-н', 'район', 'россия', 'рф', 'корп', 'корпус', 'стр', 'строение',
  'мкр', 'микрорайон', 'пл', 'площадь', 'проезд', 'наб', 'набережная', 'округ', 'ао', 'хмао', 'югра', 'свердловская',
]);

/** A postal address as its meaningful words and numbers in order, without the postcode. */
export function addressKey(address: string | null | undefined): string | null {
  const words = (normalize(address ?? '').match(/[a-zа-я]+|\d+[а-я]?/g) ?? [])
    .filter((w) => !ADDRESS_NOISE.has(w) && !/^\d{6}$/.test(w));
  return words.length >= 2 ? words.join(' ') : null;
}

/**
 * The keys of an author: `e:` e-mail, `p:` phone, `na:` name with postal address, `n:` name alone.
 * Two appeals share an author when they share an e-mail, a phone or a name with an address; a name
 * alone is enough only when nothing else contradicts it (see sameAuthor).
 */
export function authorKeys(a: AuthorFields): string[] {
  const keys: string[] = [];
  const e = emailKey(a.email);
  const p = phoneKey(a.phone);
  const n = nameKey(a.surname, a.name);
  const addr = addressKey(a.postalAddress);
  if (e) keys.push(`e:${e}`);
  if (p) keys.push(`p:${p}`);
  if (n && addr) keys.push(`na:${n}|${addr}`);
  if (n && n.includes(' ')) keys.push(`n:${n}`);
  return keys;
}

/** Whether two sets of author keys name the same person. */
export function sameAuthor(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  const strong = a.some((k) => !k.startsWith('n:') && set.has(k));
  if (strong) return true;
  if (!a.some((k) => k.startsWith('n:') && set.has(k))) return false;
  // The same name with a different e-mail, phone or address is another person of that name.
  const conflict = (prefix: string) => {
    const x = a.filter((k) => k.startsWith(prefix));
    const y = b.filter((k) => k.startsWith(prefix));
    return x.length > 0 && y.length > 0 && !x.some((k) => set.has(k));
  };
  return !conflict('e:') && !conflict('p:') && !conflict('na:');
}
