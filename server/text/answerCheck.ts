// The «отписка» check: before the head approves an answer, its draft is read against the appeal.
// A formal reply promises nothing a citizen can hold anyone to: no action done or planned, no date
// or term, no one responsible, only citations of law and stock phrases, the subject not addressed.
// Returns whether the draft reads as formal, a score 0..1 and the reasons, each with a Russian message.
import { stem } from './stem';
import { terms } from './features';
import { normalize, stripHtml } from './normalize';

export type AnswerCheckCode = 'no_action' | 'no_term' | 'no_responsible' | 'law_only' | 'stock_phrases' | 'subject_missed';

export interface AnswerCheckReason {
  code: AnswerCheckCode;
  message: string;
}

export interface AnswerCheck {
  formal: boolean;
  score: number;
  reasons: AnswerCheckReason[];
}

/** A draft scoring this much or more is formal. */
export const FORMAL_AT = 0.5;

// Stems of what was done or will be done. Participles and past forms of the verbs a municipal
// service uses when it reports work («выполнен», «заменены», «вывезено», «будет установлена»).
const ACTION_STEMS = [
  'выполн', 'провед', 'произвед', 'отремонтирова', 'устран', 'замен', 'вывез', 'установл', 'установ', 'организова',
  'восстановл', 'очищ', 'очист', 'демонтирова', 'подключ', 'засыпа', 'спил', 'убра', 'прочищ', 'промыт', 'промыв',
  'нанес', 'огорож', 'оборудова', 'эвакуирова', 'отловл', 'перечисл', 'запущ', 'включ', 'начнет', 'возобновл',
  'отремонтир', 'сброш', 'опорожн', 'обеспеч', 'грейдирова', 'распил', 'заварен', 'выдан', 'составл', 'выставл',
  'взят', 'направлен требован', 'направлен претенз', 'подготовл', 'принят в эксплуатац', 'заключ', 'увелич', 'перерасчет',
];

const DEED_ENDING = /(н|на|но|ны|ен|ена|ено|ены|т|та|то|ты|л|ла|ло|ли|ет|ит|ут|ят|ат|ил|ыл)$/;

// Verbs that only promise to look at the matter; they are not an action.
const VAGUE = /будет (рассмотрен|проработан|учтен)|рассмотрим|проработа(ть|н)|по мере (возможност|поступлен|выделен)|при наличии (финансирован|потребност)|при формировании бюджета|в пределах (выделенных|бюджетных)/;

const STOCK_PHRASES: { pattern: RegExp; text: string }[] = [
  { pattern: /рассмотрен[а-я]* в установленн[а-я]* (законодательством )?порядке/, text: 'рассмотрено в установленном порядке' },
  { pattern: /принят[а-я]* к сведению/, text: 'информация принята к сведению' },
  { pattern: /(находится|держим|взят[а-я]*) на контроле/, text: 'вопрос находится на контроле' },
  { pattern: /будет (учтен|рассмотрен|проработан|использован)[а-я]*/, text: 'будет учтено / рассмотрено' },
  { pattern: /по мере (поступления|выделения) (финансирования|средств)|по мере возможности|при наличии (финансирования|потребности)/, text: 'по мере финансирования' },
  { pattern: /в пределах (выделенных средств|бюджетных ассигнований|компетенции)|в рамках (своей |ее |его )?компетенции/, text: 'в пределах компетенции / средств' },
  { pattern: /не относ[а-я]* к (компетенции|полномочиям)|находятся в ведении/, text: 'не относится к компетенции' },
  { pattern: /в соответствии с (действующим|требованиями) законодательств[а-я]*/, text: 'в соответствии с действующим законодательством' },
  { pattern: /благодарим за (активную гражданскую позицию|обращение)|ваше мнение (очень )?важно/, text: 'благодарность вместо ответа' },
  { pattern: /рекомендуем обратиться|информация (передана|направлена)|направлен[а-я]* в (управляющую|ресурсоснабжающую)/, text: 'переадресация без результата' },
  { pattern: /при формировании (бюджета|плана)/, text: 'при формировании бюджета' },
  { pattern: /(установлен|определен|предусмотрен|регулиру[а-я]*)[а-я]* (федеральн[а-я]* закон|закон|стать|постановлени|правилам|[а-я]+ кодекс)[а-я]*/, text: 'порядок установлен законом' },
];

const LAW = /федеральн[а-я]* закон|\d+-фз|\d+-оз|кодекс[а-я]* рф|жилищн[а-я]* кодекс|гражданск[а-я]* кодекс|градостроительн[а-я]* кодекс|стать[а-я]* \d+|ст\. ?\d+|пункт[а-я]* \d+|п\. ?\d+|постановлени[а-я]* правительства|санпин|правила[а-я]*,? утвержден/g;

const MONTHS = 'январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр';
// `\b` knows only Latin letters and digits, so the start of a Russian word is written out.
const EDGE = '(?<![а-яё])';
const TERM = new RegExp(
  [
    `\\b\\d{1,2}\\.\\d{1,2}(\\.\\d{2,4})?\\b`,
    `\\b\\d{1,2} (${MONTHS})`,
    `${EDGE}(до|к|с|в|по) (конца |начала )?(${MONTHS})`,
    `${EDGE}(в|до|на) \\d{4}\\s*(год|г\\.)`,
    `\\b(i|ii|iii|iv|[1-4])\\s*(-м\\s*)?квартал`,
    `в течение \\d+|\\d{1,2}:\\d{2}|ежедневн|еженедельн|дважды в|по (субботам|воскресеньям|графику)|с \\d{1,2}:\\d{2}`,
  ].join('|'),
);
// Dates of the appeal itself («обращение от 12.03.2026 № 123») are not a term of anything.
const APPEAL_DATE = new RegExp(`(обращени[а-я]*|письм[а-я]*|запрос[а-я]*)( гражданина)? от \\d{1,2}(\\.\\d{1,2}\\.\\d{2,4}| (${MONTHS})[а-я]* \\d{4}( года)?)( № ?[0-9а-я/-]+)?`, 'g');

const RESPONSIBLE = /(?<![а-яё])(ооо|оао|ао|пао|муп|мбу|мку|мау|гауз|гбу|ип|тсж|снт)(?![а-яё])|«[^»]{2,40}»|ответственн[а-я]*|подрядчик[а-я]*|подрядн[а-я]* организац|бригад[а-я]*|мастер[а-я]*|специалист[а-я]*|инженер[а-я]*|директор[а-я]*|начальник[а-я]*|заместител[а-я]*|участков[а-я]* уполномоченн|главн[а-я]* врач|заведующ[а-я]*|тел\.|телефон[а-я]*|(?<![а-яё])[а-я]+ [а-я]\.\s?[а-я]\.|отдел[а-я]*|управлени[а-я]* [а-я]+|застройщик[а-я]*|перевозчик[а-я]*|оператор[а-я]*|лаборатор[а-я]*|комисси[а-я]*/;

const MESSAGES: Record<AnswerCheckCode, string> = {
  no_action: 'Не сказано, что сделано или будет сделано',
  no_term: 'Нет даты или срока',
  no_responsible: 'Не назван исполнитель или ответственный',
  law_only: 'Вместо ответа — ссылки на законы',
  stock_phrases: 'Шаблонные фразы',
  subject_missed: 'Ответ не касается предмета обращения',
};

// How much each finding says that a reply is formal; tuned on the shipped fixture of answers.
const WEIGHTS: Record<AnswerCheckCode, number> = {
  no_action: 0.35,
  no_term: 0.2,
  no_responsible: 0.1,
  law_only: 0.2,
  stock_phrases: 0.2,
  subject_missed: 0.25,
};

export function checkAnswer(appealText: string, answerText: string): AnswerCheck {
  const answer = normalize(stripHtml(answerText)).replace(/\s+/g, ' ');
  const withoutAppealDates = answer.replace(APPEAL_DATE, ' ');
  const answerStems = (answer.match(/[а-яa-z]+/g) ?? []).map(stem);
  // Actions are looked for outside the stock phrases («в установленном порядке» establishes nothing).
  const plain = STOCK_PHRASES.reduce((text, p) => text.replace(new RegExp(p.pattern.source, 'g'), ' '), answer);
  const plainStems = (plain.match(/[а-яa-z]+/g) ?? []).map(stem);
  const stemText = ` ${plainStems.join(' ')} `;
  const vague = VAGUE.test(answer);
  const plainWords = plain.match(/[а-яa-z]+/g) ?? [];
  // A verb or participle («заменены», «выполнит», «будет установлена»), not a noun of the same root
  // («обеспечение», «установке», «устанавливается» as a general rule).
  const isDeed = (word: string) => DEED_ENDING.test(word);
  const hasAction = ACTION_STEMS.some((s) =>
    s.includes(' ') ? stemText.includes(` ${s}`) : plainStems.some((w, i) => w.startsWith(s) && isDeed(plainWords[i])),
  );
  const hasTerm = TERM.test(withoutAppealDates);
  const hasResponsible = RESPONSIBLE.test(answer);
  const laws = answer.match(LAW)?.length ?? 0;
  const stock = STOCK_PHRASES.filter((p) => p.pattern.test(answer));

  // The subject: content stems of the appeal found in the answer.
  const appealStems = [...new Set(terms(appealText, { bigrams: false, minDocs: 1, keywordGroups: false }).map((t) => t.key).filter((s) => s.length >= 4))];
  const answerSet = new Set(answerStems);
  const covered = appealStems.filter((s) => answerSet.has(s)).length;
  const subjectShare = appealStems.length ? covered / appealStems.length : 1;

  const found: { code: AnswerCheckCode; weight: number; detail?: string }[] = [];
  if (!hasAction) found.push({ code: 'no_action', weight: WEIGHTS.no_action });
  if (!hasTerm) found.push({ code: 'no_term', weight: WEIGHTS.no_term });
  if (!hasResponsible) found.push({ code: 'no_responsible', weight: WEIGHTS.no_responsible });
  if (laws > 0 && !hasAction) found.push({ code: 'law_only', weight: WEIGHTS.law_only });
  if (stock.length > 0) {
    found.push({
      code: 'stock_phrases',
      weight: Math.min(2, stock.length) * WEIGHTS.stock_phrases * (hasAction && !vague ? 0.5 : 1),
      detail: stock.map((p) => `«${p.text}»`).join(', '),
    });
  }
  if (subjectShare < 0.2) found.push({ code: 'subject_missed', weight: WEIGHTS.subject_missed });

  const score = Math.min(1, found.reduce((sum, f) => sum + f.weight, 0));
  return {
    formal: score >= FORMAL_AT,
    score: Math.round(score * 100) / 100,
    reasons: found.map((f) => ({ code: f.code, message: f.detail ? `${MESSAGES[f.code]}: ${f.detail}` : MESSAGES[f.code] })),
  };
}
