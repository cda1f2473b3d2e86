// Whether a publication concerns the municipality: it names the municipality, contains one of the
// source's keywords, or reads as negative or aggressive. Words are compared by their Snowball stems, so
// «в Белоярском округе» names «Белоярский городской округ» and «дороги» matches the keyword «дорога».
import { tokens } from '../../text/normalize';
import { stem } from '../../text/stem';
import { checkLanguage, type Tone } from '../../text/tone';

/** Words of municipality names that say nothing of which municipality it is. */
const GENERIC = new Set(['муниципальн', 'образован', 'город', 'городск', 'округ', 'район', 'муниципальн', 'поселен', 'сельск', 'поселк', 'посел', 'го', 'мо', 'мр', 'администрац', 'рабоч', 'закрыт', 'административн', 'территориальн']);

export interface PublicationMatch {
  mentionsMunicipality: boolean;
  /** The source's keywords found in the text, as the source spells them. */
  keywords: string[];
  tone: Tone;
  /** Whether it goes to the triage queue. */
  relevant: boolean;
}

const stems = (text: string) => tokens(text).map(stem);

/** A phrase's stems are all in the text: the same stem, or a longer word built on a stem of five letters or more. */
function contains(textStems: Set<string>, phrase: string[]): boolean {
  if (!phrase.length) return false;
  return phrase.every((s) => textStems.has(s) || (s.length >= 5 && [...textStems].some((t) => t.startsWith(s))));
}

/** The distinctive stems of each name of the municipality («Белоярский городской округ» → [белоярск]). */
export function municipalityStems(names: string[]): string[][] {
  return names.map((n) => stems(n).filter((s) => !GENERIC.has(s))).filter((s) => s.length > 0);
}

export function matchPublication(text: string, municipality: string[][], keywords: string[]): PublicationMatch {
  const textStems = new Set(stems(text));
  const mentionsMunicipality = municipality.some((name) => contains(textStems, name));
  const found = keywords.filter((k) => contains(textStems, stems(k)));
  const tone = checkLanguage(text).tone;
  return { mentionsMunicipality, keywords: found, tone, relevant: mentionsMunicipality || found.length > 0 || tone !== 'neutral' };
}
