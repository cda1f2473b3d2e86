// Obscene or threatening wording (59-ФЗ ст.11 ч.3: the official may leave such an appeal without an answer
// on its merits — a person decides, this only points at the words) and the tone of an appeal: negative or
// aggressive wording is a signal of a conflict situation. The word lists are written for the project.
import { normalize, stripHtml } from './normalize';

export type Tone = 'neutral' | 'negative' | 'aggressive';
export const TONES: readonly Tone[] = ['neutral', 'negative', 'aggressive'];

export interface LanguageCheck {
  /** Obscene words as written in the text. */
  obscene: string[];
  /** Threatening phrases as written in the text. */
  threats: string[];
  tone: Tone;
}

// Roots of Russian obscene vocabulary (мат). A word is obscene when it contains a root and is not one of
// the ordinary words that happen to contain it («страхуй» is obscene, «страховка» is not).
const OBSCENE_ROOTS = [/х[уy][йяеёию]/, /п[иеі]зд/, /^(за|по|на|вы|у|от|отъ|рас|раз|разъ|при|до|пере|недо|с|съ|въ|подъ|объ|изъ)?[её]б(а|у|ы|л|и|ен|ан|ну|ет|ёт|ись|ищ)/, /бл[яе]д/, /^бля/, /муд[аио]к/, /залуп/, /манд[ау]/, /ебл/, /ебуч/, /сук[аиеу]?$/, /сучк/, /гандон/, /пидор/, /пидар/, /шлюх/];
const NOT_OBSCENE = /^(хуже|худ|страх|иху|хулиган|хутор|бледн|блед|сукон|сукн|мандарин|мандат|манд[ао]лин|мандраж|потребл|употребл|скипидар)/;

// Threats: to kill, burn, blow up, beat up, «you will regret it». Each is a pattern of the normalised text.
// (`\\b` knows only Latin letters, so word edges are written out.)
const THREATS: RegExp[] = [
  '(убью|убьем|убить вас|прибью|пристрелю|застрелю|зарежу|порешу|закопаю|придушу|задушу)',
  '(подожгу|сожгу|спалю|подпалю|взорву|взорвем|подорву)',
  '(оторву|сверну|проломлю|разобью|набью|набьем) (вам |тебе |ему |ей )?(голов|башк|морд|лиц|шею)[а-я]*',
  '(голов|башк|морд|шею|ноги|руки)[а-я]* (вам |тебе |ему |ей )?(оторву|сверну|проломлю|разобью|набью|переломаю)',
  '(вам|тебе|ему|им) (не жить|конец|крышка|не поздоровится)',
  '(пожалеете|пожалеешь)',
  '(приду|придем) (с ружьем|с топором|с ножом|разбираться)',
  '(возьму|возьмем) (ружье|топор|обрез)',
  'кровью умоетесь',
].map((p) => new RegExp(`(?<![а-яa-z])${p}(?![а-яa-z])`));

// Insults and words of anger at the administration.
const AGGRESSIVE = /^(идиот|дебил|дурак|дура$|кретин|урод|твар|скотин|сволоч|мраз|подонк|подонок|негодя|козл|быдл|ублюд|тупиц|тупые|тупо[рй]|ворюг|ворье|воры$|паразит|бездельник|бездар|лодыр|дармоед|нахлебник|упыр|гад$|гады$|свиньи|зажрал|заелись)/;
const NEGATIVE = /^(безобрази|беспредел|издевательств|позор|отвратительн|ужасн|кошмар|бардак|хамств|хамск|наплеват|плевать|бесполезн|безответственн|возмутительн|возмущ|надоел|достал[аои]?$|сколько можно|обман|наглост|нагл[оы]|бездейств|бесит|беспомощн|разруха|халатн|равнодуш|невыносим|отписк|безнаказанн)/;

const WORD = /[a-zа-яё]+(?:-[a-zа-яё]+)*/gi;

/** Obscene words, threats and the tone of a text. */
export function checkLanguage(text: string): LanguageCheck {
  const plain = stripHtml(text);
  const surfaces = plain.match(WORD) ?? [];
  const obscene: string[] = [];
  let aggressive = 0;
  let negative = 0;
  for (const surface of surfaces) {
    const w = normalize(surface);
    if (w.length >= 3 && !NOT_OBSCENE.test(w) && OBSCENE_ROOTS.some((r) => r.test(w)) && !obscene.includes(surface.toLowerCase())) obscene.push(surface.toLowerCase());
    if (AGGRESSIVE.test(w)) aggressive++;
    else if (NEGATIVE.test(w)) negative++;
  }
  const normal = normalize(plain).replace(/\s+/g, ' ');
  const threats: string[] = [];
  for (const pattern of THREATS) {
    const m = pattern.exec(normal);
    if (m) threats.push(m[0]);
  }
  // Shouting: a long stretch of capitals or a row of exclamation marks.
  const letters = plain.replace(/[^А-ЯЁа-яёA-Za-z]/g, '');
  const capitals = plain.replace(/[^А-ЯЁA-Z]/g, '').length;
  const shouting = (letters.length >= 40 && capitals / letters.length > 0.6) || /!{3,}/.test(plain);
  let tone: Tone = 'neutral';
  if (obscene.length || threats.length || aggressive >= 1) tone = 'aggressive';
  else if (negative >= 2 || (negative >= 1 && shouting) || shouting) tone = 'negative';
  return { obscene, threats, tone };
}
