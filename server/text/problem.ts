// What problem an appeal is about, so that appeals of different people about one problem at one place
// are found together: the problems a municipal service knows (a list written for the project, by stems,
// with the words people use for each — «ГВС», «горячей воды нет», «из крана холодная»), and the stems
// of the text itself for what the list does not know.
import { normalize, stripHtml } from './normalize';
import { stem } from './stem';
import { placesIn, placeOf, samePlace, type Place } from './place';

/**
 * Problems and their signs. A sign is a sequence of stem prefixes that must follow one another in the
 * text with at most two words between them («нет» … «вод»); a single prefix is one word.
 */
const PROBLEMS: Record<string, { title: string; signs: string[] }> = {
  hot_water: { title: 'Нет горячей воды', signs: ['горяч вод', 'гвс', 'горячк', 'горяч водоснабж', 'кран холодн', 'теч только холодн', 'вод еле тепл', 'без горяч', 'горяч нет', 'нет горяч'] },
  cold_water: { title: 'Нет холодной воды', signs: ['холодн вод', 'хвс', 'нет вод', 'без вод', 'вод нет', 'отключ вод', 'напор вод', 'ржав вод', 'вод из-под кран', 'мутн вод', 'водоснабж', 'водопровод'] },
  heating: { title: 'Нет отопления', signs: ['отоплен', 'батар', 'радиатор', 'теплоснабж', 'холодн в квартир', 'в квартир холодн', 'мерзн', 'замерза', 'холодин', 'дать тепл', 'дайт тепл', 'нет тепл'] },
  electricity: { title: 'Отключение электричества', signs: ['электричеств', 'электроэнерг', 'электроснабж', 'нет свет', 'отключ свет', 'без свет', 'перепад напряж', 'напряжен', 'свет отключ', 'свет выруба', 'обесточ'] },
  street_lighting: { title: 'Не горят фонари', signs: ['фонар', 'уличн освещ', 'освещен', 'темн на улиц', 'темнот', 'не горит', 'не горят', 'ламп'] },
  gas: { title: 'Проблемы с газом', signs: ['газ', 'газоснабж', 'запах газ'] },
  pothole: { title: 'Ямы на дороге', signs: ['ям', 'выбоин', 'колдобин', 'асфальт', 'дорожн покрыт', 'ремонт дорог', 'разбит дорог', 'дорог разбит', 'провал', 'колеи', 'ухаб'] },
  snow: { title: 'Не убран снег', signs: ['снег', 'сугроб', 'налед', 'гололед', 'гололедиц', 'не чист', 'не расчищ', 'расчист', 'посыпа', 'скольз', 'песк'] },
  icicles: { title: 'Сосульки и снег на крыше', signs: ['сосульк', 'снег с крыш', 'снег на крыш', 'наледь на крыш'] },
  garbage: { title: 'Не вывозится мусор', signs: ['мусор', 'контейнер', 'тко', 'отход', 'свалк', 'мусорк', 'баки', 'бак переполн'] },
  sewer: { title: 'Засор канализации', signs: ['канализац', 'засор', 'сток', 'фекал', 'нечистот', 'вонь из подвал', 'запах из подвал', 'подвал затоп', 'затоп подвал', 'колодц переполн', 'канализацион'] },
  roof: { title: 'Протекает крыша', signs: ['крыш теч', 'протека', 'протечк', 'кровл', 'теч крыш', 'с потолк капа', 'потолок мокр', 'залива квартир'] },
  elevator: { title: 'Не работает лифт', signs: ['лифт'] },
  trees: { title: 'Аварийные деревья', signs: ['дерев', 'тополь', 'тополя', 'ветк', 'спил', 'аварийн дерев', 'сух дерев', 'берез'] },
  dogs: { title: 'Бездомные собаки', signs: ['собак', 'бездомн животн', 'безнадзорн животн', 'стая', 'стаи', 'отлов', 'пес', 'псы'] },
  noise: { title: 'Шум', signs: ['шум', 'громк музык', 'музык', 'ночн тишин', 'тишин', 'крик', 'орут'] },
  bus: { title: 'Общественный транспорт', signs: ['автобус', 'маршрут', 'расписан', 'маршрутк', 'общественн транспорт', 'рейс'] },
  bus_stop: { title: 'Остановка', signs: ['остановк', 'остановочн павильон', 'павильон'] },
  playground: { title: 'Детская площадка', signs: ['детск площадк', 'качел', 'горк', 'песочниц', 'карусел', 'площадк для дет'] },
  parking: { title: 'Парковка', signs: ['парковк', 'паркуют', 'машин на газон', 'автомобил на газон', 'стоянк', 'паркова'] },
  crossing: { title: 'Пешеходный переход и светофор', signs: ['пешеходн переход', 'светофор', 'зебр', 'переход', 'разметк', 'лежач полицейск', 'искусствен неровн'] },
  sidewalk: { title: 'Тротуар', signs: ['тротуар', 'пешеходн дорожк', 'плитк'] },
  flooding: { title: 'Подтопление и лужи', signs: ['луж', 'ливнев', 'подтоплен', 'подтопля', 'талы вод', 'вод стоит', 'стоит вод', 'ливн'] },
  grass: { title: 'Не скошена трава', signs: ['трав', 'покос', 'скос', 'борщевик', 'бурьян', 'амброз'] },
  entrance: { title: 'Подъезд', signs: ['подъезд', 'домофон', 'входн двер'] },
};

const PROBLEM_CODES = Object.keys(PROBLEMS);
export type ProblemCode = keyof typeof PROBLEMS;

const compiled = PROBLEM_CODES.map((code) => ({ code, signs: PROBLEMS[code].signs.map((s) => s.split(' ')) }));

/** The title of a problem code, for a cluster's name. */
export function problemTitle(code: string): string | null {
  return PROBLEMS[code]?.title ?? null;
}

const WORD = /[a-zа-я0-9]+(?:-[a-zа-я]+)*/g;

function words(text: string): string[] {
  return normalize(stripHtml(text)).match(WORD) ?? [];
}

/** The problems a text names, each with how many times its signs occur, most named first. */
export function problemsOf(text: string): { code: string; hits: number }[] {
  const w = words(text);
  const result: { code: string; hits: number }[] = [];
  for (const { code, signs } of compiled) {
    let hits = 0;
    for (const sign of signs) {
      for (let i = 0; i < w.length; i++) {
        if (!w[i].startsWith(sign[0])) continue;
        // A sign of one short stem («ям», «газ», «пес») is a whole word or the word with an ending.
        if (sign.length === 1 && sign[0].length <= 3 && stem(w[i]) !== sign[0] && w[i] !== sign[0]) continue;
        let at = i;
        let ok = true;
        for (let k = 1; k < sign.length && ok; k++) {
          let found = -1;
          for (let j = at + 1; j <= Math.min(at + 3, w.length - 1); j++) if (w[j].startsWith(sign[k])) { found = j; break; }
          if (found < 0) ok = false; else at = found;
        }
        if (ok) hits++;
      }
    }
    if (hits) result.push({ code, hits });
  }
  return result.sort((a, b) => b.hits - a.hits || PROBLEM_CODES.indexOf(a.code) - PROBLEM_CODES.indexOf(b.code));
}

// Words of every appeal that say nothing of its problem.
const COMMON = new Set(`
а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее ей ему если есть еще же за
здесь и из или им их к как какой когда кто ли либо между меня мне много может можно мой мы на над надо наш наша нашем нашего не него
нее нет ни них но ну о об однако он она они оно от очень по под после потому почему при про с сам свой себя со так также такой там те
тем то того тоже той только том ты у уже хотя чем через что чтобы эта эти это этого этой этом этот я просим прошу пожалуйста
здравствуйте добрый день уважаемые уважаемый спасибо администрация администрации город города городе улица улице ул дом дома доме
домом д жители жителей житель мы наш просьба принять меры примите меры разобраться уже который которая которые неделю недели дней
месяц месяца раз снова опять до сих пор сколько можно когда будет вопрос обращение обращаюсь помогите срочно давно
`.split(/\s+/).filter(Boolean));

/** The stems of a text without common words and without the names of its streets. */
export function problemStems(text: string): Set<string> {
  const streetStems = new Set(placesIn(text).flatMap((p) => p.street.split(' ')));
  const result = new Set<string>();
  for (const w of words(text)) {
    if (w.length < 3 || /^\d/.test(w) || COMMON.has(w)) continue;
    const s = stem(w);
    if (!streetStems.has(s)) result.add(s);
  }
  return result;
}

/** What the pair decision reads of one appeal; computed once per appeal. */
export interface ProblemSignature {
  problems: string[];
  stems: Set<string>;
}

export function signatureOf(text: string): ProblemSignature {
  return { problems: problemsOf(text).map((p) => p.code), stems: problemStems(text) };
}

/** Overlap of two stem sets (Dice coefficient), 0..1. */
export function stemOverlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const s of a) if (b.has(s)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * How likely two texts describe one problem, 0..1. Both name a known problem: the main problem of one is
 * among the problems of the other. Otherwise the stems they share decide.
 */
export function problemSimilarity(a: ProblemSignature, b: ProblemSignature): number {
  const overlap = stemOverlap(a.stems, b.stems);
  if (a.problems.length && b.problems.length) {
    const mainShared = b.problems.includes(a.problems[0]) || a.problems.includes(b.problems[0]);
    if (mainShared) return Math.min(1, 0.6 + overlap);
    const anyShared = a.problems.some((p) => b.problems.includes(p));
    return anyShared ? Math.min(1, 0.3 + overlap) : overlap / 2;
  }
  return overlap;
}

/** Two appeals of one problem cluster need this much similarity. */
export const SAME_PROBLEM_AT = 0.55;

export interface PairInput {
  organization: string;
  text: string;
  address?: string | null;
  receivedAt: Date;
}

/** The decision for a pair of appeals: one municipality, one place, close in time, one problem. */
export function sameProblem(a: PairInput, b: PairInput, windowDays = 30): boolean {
  if (a.organization !== b.organization) return false;
  if (Math.abs(a.receivedAt.getTime() - b.receivedAt.getTime()) > windowDays * 86_400_000) return false;
  const pa: Place | null = placeOf(a.address, a.text);
  const pb: Place | null = placeOf(b.address, b.text);
  if (!samePlace(pa, pb)) return false;
  return problemSimilarity(signatureOf(a.text), signatureOf(b.text)) >= SAME_PROBLEM_AT;
}
