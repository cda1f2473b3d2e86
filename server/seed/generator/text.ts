// Assembles the text of one appeal, 1–6 sentences, in the style of its channel: a letter or a
// Gosuslugi form, a clerk's note of a personal reception, a social-network post, a call, a poll answer.
import type { Channel, SubChannel } from './channels';
import type { Person } from './people';
import { initials } from './people';
import { streetCore, type Address } from './places';
import type { Random } from './random';
import type { LocalParts } from './time';
import type { GroupStyle } from './phrases/groups';
import type { PlaceKind, TopicPhrases } from './phrases/types';

export type Kind = 'statement' | 'proposal' | 'complaint';

export interface TextInput {
  random: Random;
  topic: TopicPhrases;
  group: GroupStyle;
  channel: Channel;
  subChannel: SubChannel;
  kind: Kind;
  person: Person;
  anonymous: boolean;
  /** Number of signatories of a collective appeal, otherwise null. */
  signatories: number | null;
  /** The organisation a legal entity writes from, otherwise null. */
  organization: string | null;
  /** «12 марта»: when the appeal this one repeats was sent; null when it is not a repeat. */
  previousDate: string | null;
  address: Address;
  received: LocalParts;
}

const MAX_SENTENCES = 6;

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** «12 марта»: the local date `daysBack` days before the given one. */
export function dayBefore(parts: LocalParts, daysBack: number): string {
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day - daysBack));
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

const capitalize = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);

/** Expands <a|b> (random), [m|f] (the author's gender) and {slot} / {Slot}; see phrases/types.ts. */
export function fill(template: string, vars: Record<string, string>, random: Random, female: boolean): string {
  return template
    .replace(/<([^<>]*)>/g, (_, variants: string) => random.pick(variants.split('|')))
    .replace(/\[([^[\]|]*)\|([^[\]|]*)\]/g, (_, male: string, fem: string) => (female ? fem : male))
    .replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = vars[name] ?? vars[name[0].toLowerCase() + name.slice(1)];
      if (value === undefined) throw new Error(`Unknown slot ${match} in «${template}»`);
      return name[0] === name[0].toUpperCase() ? capitalize(value) : value;
    });
}

const SINCE = [
  'уже неделю', 'уже вторую неделю', 'уже третий день', 'больше месяца', 'несколько дней подряд', 'с {sinceDate}',
  'с начала месяца', 'уже давно', 'несколько месяцев', 'со вчерашнего дня', 'всю последнюю неделю', 'уже почти месяц',
];

const KINDERGARTENS = ['Солнышко', 'Родничок', 'Теремок', 'Ромашка', 'Берёзка', 'Колокольчик', 'Сказка', 'Радуга', 'Светлячок', 'Улыбка'];
const HOUSES_OF_CULTURE = ['Металлург', 'Юность', 'Горняк', 'Современник', 'Строитель', 'Октябрь', 'Химик', 'Маяк'];
const SPORT_CENTRES = ['Олимп', 'Старт', 'Юность', 'Труд', 'Факел', 'Снежинка', 'Уралец', 'Темп'];
const STOPS = ['Школа', 'Магазин', 'Поликлиника', 'Рынок', 'Площадь', 'Больница', 'Стадион', 'Почта', 'Дом культуры', 'Вокзал', 'Микрорайон', 'Комбинат', 'Парк', 'Администрация'];

// A problem that states an event or already says how long it lasts takes no «уже неделю».
function isEvent(problem: string): boolean {
  return problem.startsWith('!') || /(уже|до сих пор|давно|\bлет\b|месяц|недел|полгода|\bгод)/.test(problem);
}

function placePhrase(kind: PlaceKind, v: Record<string, string>, address: Address, random: Random, institution: string): string {
  const { street, house } = address;
  const village = address.locality.village === true;
  const phrase = (() => {
    switch (kind) {
      case 'street':
        return random.pick([
          `на ${street} у дома № ${house}`, `на ${street} в районе дома № ${house}`, `на ${street}, напротив дома № ${house}`,
          `на участке ${street} от дома № ${house} до дома № ${v.house2}`, `у дома № ${house} по ${street}`,
          `в районе дома № ${house} по ${street}, на пересечении с ${address.crossStreet}`,
        ]);
      case 'yard':
        return random.pick([
          `во дворе дома № ${house} по ${street}`, `возле дома № ${house} по ${street}`, `у дома № ${house} на ${street}`,
          village ? `возле дома по адресу ${street}, д. ${house}` : `на придомовой территории дома № ${house} по ${street}`,
          `во дворе дома по адресу ${street}, д. ${house}`,
        ]);
      case 'house':
      case 'entrance':
        if (kind === 'entrance' && !village) {
          return random.pick([`в подъезде № ${v.entrance} дома № ${house} по ${street}`, `в ${v.entrance}-м подъезде дома № ${house} по ${street}`]);
        }
        return random.pick([
          `в доме № ${house} по ${street}`, `в нашем доме (${street}, д. ${house})`, `в доме ${street}, ${house}`,
          village ? `в доме по адресу ${street}, д. ${house}` : `в многоквартирном доме по адресу ${street}, д. ${house}`,
        ]);
      case 'stop':
        return random.pick([
          `на остановке «${v.stop}» (${street}, ${house})`, `на остановке «${v.stop}» у дома № ${house} по ${street}`,
          `на остановке у дома № ${house} по ${street}`,
        ]);
      case 'institution':
        return random.pick([`${institution} на ${street}, ${house}`, `${institution} (${street}, д. ${house})`, `${institution} по адресу ${street}, д. ${house}`]);
      case 'area':
      case 'resident':
        return random.pick([
          `в районе дома № ${house} по ${street}`, `рядом с домом № ${house} по ${street}`, `за домом № ${house} по ${street}`,
          `недалеко от дома № ${house} по ${street}`, `у дома № ${house} по ${street}`,
        ]);
    }
  })();
  const withLocality = random.chance(village ? 0.7 : 0.3);
  return withLocality ? `${phrase} в ${address.locality.name}` : phrase;
}

// How people write a place in a post: «на Ленина 5», «в подъезде на Ленина, 5».
function socialPlace(kind: PlaceKind, address: Address, random: Random, institution: string): string {
  const at = `${streetCore(address.street)}${random.pick([' ', ', '])}${address.house}`;
  switch (kind) {
    case 'yard': return random.pick([`во дворе на ${at}`, `у дома на ${at}`, `на ${at}`]);
    case 'house': return random.pick([`в доме на ${at}`, `у нас на ${at}`]);
    case 'entrance': return random.pick([`в подъезде на ${at}`, `у нас в доме на ${at}`]);
    case 'stop': return random.pick([`на остановке у ${at}`, `на остановке на ${at}`]);
    case 'institution': return `${institution.replace(/ № \d+/, '')} на ${at}`;
    default: return random.pick([`на ${at}`, `у дома ${at}`, `возле ${at}`]);
  }
}

/** One sentence, or several in order. */
type Frame = { template: string | string[]; state?: boolean; noInstitution?: boolean };

const LOCATIVE_FRAMES: Frame[] = [
  { template: '{Place} {problem}.' },
  { template: '{Place} {problem} {since}.', state: true },
  { template: '{Since} {place} {problem}.', state: true },
  { template: 'Обращаюсь по поводу того, что {place} {problem}.' },
  { template: 'Сообщаю, что {place} {problem}.' },
  { template: '<Хочу сообщить|Довожу до вашего сведения|Ставлю вас в известность>, что {place} {problem}.' },
  { template: 'Прошу обратить внимание: {place} {problem}.' },
  { template: 'По адресу {addr} {problem}.', noInstitution: true },
  { template: ['Я проживаю по адресу {addrFull}.', '{Problem} {since}.'], state: true, noInstitution: true },
  { template: 'Пишу вам, потому что {place} {problem}.' },
  { template: '<Давняя|Серьёзная|Наболевшая> проблема: {place} {problem}.' },
  { template: '{Place} {problem}, и никто не принимает мер.' },
];

const COLLECTIVE_FRAMES: Frame[] = [
  { template: 'Мы, жители дома № {house} по {street}, сообщаем, что {problem}.', noInstitution: true },
  { template: 'Жители <нашего дома|нашей улицы|нашего двора|окрестных домов> обращаются к вам, потому что {place} {problem}.' },
  { template: '{Place} {problem} {since}, и жители больше не могут с этим мириться.', state: true },
  { template: 'Мы, жители <микрорайона|улицы|соседних домов>, обращаемся к вам: {place} {problem}.' },
];

const RESIDENT_FRAMES = [
  '{Problem}.', 'Пишу по следующему вопросу: {problem}.', 'Обращаюсь к вам, так как {problem}.', 'Сообщаю, что {problem}.',
  'Ситуация следующая: {problem}.', '[Вынужден|Вынуждена] обратиться к вам: {problem}.',
];

const ADDRESS_SENTENCES = ['Мой адрес: {addrFull}.', 'Проживаю по адресу: {addrFull}.', 'Адрес: {addrFull}.', 'Живу по адресу {addrFull}.'];

const REQUESTS: Record<Kind, { single: string[]; plural: string[] }> = {
  statement: {
    single: [
      'Прошу {ask}.', 'Прошу <в кратчайшие сроки|как можно скорее|в ближайшее время> {ask}.', 'Прошу принять меры и {ask}.',
      'Убедительно прошу {ask}.', 'Очень прошу {ask}.', 'Прошу вас {ask}.', 'Прошу разобраться в ситуации и {ask}.', 'Необходимо {ask}.',
    ],
    plural: ['Просим {ask}.', 'Просим <в кратчайшие сроки|как можно скорее|в ближайшее время> {ask}.', 'Убедительно просим {ask}.', 'Просим принять меры и {ask}.'],
  },
  complaint: {
    single: [
      'Требую {ask}.', 'Прошу проверить работу {who_gen} и {ask}.', 'Считаю бездействие {who_gen} недопустимым и прошу {ask}.',
      'Прошу привлечь виновных к ответственности и {ask}.', 'Надоело писать одно и то же — прошу наконец {ask}.',
      'Прошу дать оценку действиям {who_gen} и {ask}.',
    ],
    plural: ['Требуем {ask}.', 'Просим проверить работу {who_gen} и {ask}.', 'Просим привлечь виновных к ответственности и {ask}.'],
  },
  proposal: {
    single: [
      'Предлагаю {ask}.', 'Прошу рассмотреть предложение: {ask}.', 'Вношу предложение {ask}.', 'Считаю целесообразным {ask}.',
      'Предлагаю в этом году {ask}.', 'Было бы правильно {ask}.',
    ],
    plural: ['Предлагаем {ask}.', 'Жители предлагают {ask}.', 'Просим рассмотреть наше предложение: {ask}.'],
  },
};

const REPEATS = [
  'Повторно обращаюсь по этому вопросу.', 'Обращаюсь повторно: ранее [писал|писала] вам {previousDate}, но проблема не решена.',
  'Это уже не первое моё обращение, предыдущее было {previousDate}.',
  'Ранее я уже [обращался|обращалась] по этому вопросу ({previousDate}), но ничего не изменилось.',
];

const GREETINGS = ['Здравствуйте!', 'Добрый день!', 'Здравствуйте.', 'Добрый день.', 'Уважаемая администрация!', 'Доброго времени суток!', 'Уважаемый глава!'];
const LETTER_GREETINGS = ['Уважаемый глава городского округа!', 'Уважаемые сотрудники администрации!', 'Уважаемый глава!', 'Здравствуйте!'];
const CLOSINGS = [
  'Заранее спасибо.', 'Спасибо.', 'Надеюсь на понимание.', 'Надеюсь на скорое решение.', 'Прошу дать ответ в установленный законом срок.',
  'Фотографии прилагаю.', 'Прошу взять вопрос на контроль.',
];

const SOCIAL_CORE: Frame[] = [
  { template: '{Spot} {problem}!' },
  { template: '{Spot} {problem}, сколько можно?' },
  { template: ['Когда наконец что-то сделают?', '{Spot} {problem}.'] },
  { template: 'Администрация, обратите внимание: {spot} {problem}.' },
  { template: '{Problem} — {spot}.' },
  { template: 'Опять {spot} {problem}.' },
  { template: '{Spot} {problem} {since}.', state: true },
  { template: ['Подскажите, куда жаловаться?', '{Spot} {problem}.'] },
];
const SOCIAL_EXTRAS = [
  'Сколько можно?', 'Жители уже устали жаловаться.', 'Фото в комментариях.', 'Никому нет дела.', 'Надеюсь, хоть здесь услышат.',
  'Это просто безобразие.', 'Уже писали, толку ноль.', 'Разберитесь, пожалуйста.',
];
const SOCIAL_REQUESTS = ['Просьба {ask}.', 'Надо срочно {ask}!', 'Прошу {ask}.', 'Давно пора {ask}.', 'Помогите, пожалуйста, {ask}.'];

/** The sentences of the appeal's text, in order. */
export function composeText(input: TextInput): string[] {
  const { random, topic, group, address, person } = input;
  const female = person.gender === 'female';
  const declared = topic.place ?? group.place;
  // Villages have private houses: no stairwells.
  const placeKind: PlaceKind = address.locality.village && declared === 'entrance' ? 'house' : declared;
  const who = random.pick(group.who);
  const vars: Record<string, string> = {
    house: address.house,
    house2: String(parseInt(address.house, 10) + random.int(4, 30)),
    street: address.street,
    addr: `${address.street}, д. ${address.house}`,
    addrFull: `${address.locality.name}, ${address.street}, д. ${address.house}${address.flat !== null && (placeKind === 'resident' || placeKind === 'house' || placeKind === 'entrance') ? `, кв. ${address.flat}` : ''}`,
    at: `${streetCore(address.street)} ${address.house}`,
    sinceDate: dayBefore(input.received, random.int(2, 45)),
    pastDate: dayBefore(input.received, random.int(5, 60)),
    previousDate: input.previousDate ?? '',
    who: who[0],
    who_gen: who[1],
    who_acc: who[2],
    route: String(random.int(1, 120)),
    n: String(random.int(1, 40)),
    entrance: String(random.int(1, 8)),
    stop: random.pick(STOPS),
    kindergarten: random.pick(KINDERGARTENS),
    dk: random.pick(HOUSES_OF_CULTURE),
    sport: random.pick(SPORT_CENTRES),
    signatories: String(input.signatories ?? ''),
    organization: input.organization ?? '',
    fio: `${person.surname} ${person.name[0]}. ${person.patronymic[0]}.`,
  };
  const f = (template: string) => fill(template, vars, random, female);
  vars.since = f(random.pick(SINCE));
  const rawProblem = random.pick(topic.problems);
  const state = !isEvent(rawProblem);
  vars.problem = f(rawProblem.replace(/^!/, ''));
  vars.ask = f(random.pick(topic.asks));
  const institution = topic.institutions ? f(random.pick(topic.institutions)) : '';
  vars.place = placePhrase(placeKind, vars, address, random, institution);
  vars.spot = socialPlace(placeKind, address, random, institution);

  switch (input.channel) {
    case 'social':
      return socialText(input, placeKind, state, f);
    case 'voice':
    case 'survey':
      return shortText(input, placeKind, f);
    case 'other':
      return input.subChannel === 'phone' ? shortText(input, placeKind, f) : formalText(input, placeKind, state, f);
    default:
      return input.subChannel === 'personal_reception' ? receptionText(input, placeKind, f) : formalText(input, placeKind, state, f);
  }
}

type Fill = (template: string) => string;

const sentencesOf = (frame: string | string[], f: Fill): string[] => (Array.isArray(frame) ? frame : [frame]).map(f);

function formalText(input: TextInput, kind: PlaceKind, state: boolean, f: Fill): string[] {
  const { random, subChannel } = input;
  const collective = input.signatories !== null && kind !== 'resident';
  const plural = collective || input.organization !== null;
  const head: string[] = [];
  const letter = subChannel === 'letter';
  const greeted = random.chance(letter ? 0.85 : subChannel === 'email' ? 0.6 : subChannel === 'e_reception' ? 0.45 : 0.35);
  if (greeted) head.push(random.pick(letter ? LETTER_GREETINGS : GREETINGS));
  if (input.organization) head.push(f(`{Organization} <обращается|направляет обращение> по вопросу, который волнует <жителей|членов товарищества|собственников>.`));
  if (input.previousDate) head.push(f(plural ? 'Обращаемся повторно, предыдущее обращение было {previousDate}.' : random.pick(REPEATS)));

  const core: string[] = [];
  if (kind === 'resident') {
    const withAddress = random.chance(0.3);
    core.push(...sentencesOf(withAddress ? ['Я проживаю по адресу {addrFull}.', '{Problem}.'] : random.pick(RESIDENT_FRAMES), f));
    if (!withAddress) {
      const addressSentence = f(random.pick(ADDRESS_SENTENCES));
      if (random.chance(0.3)) core.unshift(addressSentence);
      else core.push(addressSentence);
    }
  } else {
    const frames = (collective ? COLLECTIVE_FRAMES : LOCATIVE_FRAMES)
      .filter((frame) => (state || !frame.state) && (kind !== 'institution' && kind !== 'stop' || !frame.noInstitution));
    core.push(...sentencesOf(random.pick(frames).template, f));
  }

  const request = random.chance(0.92) ? [f(random.pick(plural ? REQUESTS[input.kind].plural : REQUESTS[input.kind].single))] : [];
  const tail: string[] = [];
  if (collective) tail.push(f(random.pick(['Подписей под обращением: {signatories}.', 'Обращение подписали жители, всего подписей: {signatories}.'])));
  else if (input.organization) tail.push(`Председатель правления ${initials(input.person)}`);
  else if (random.chance(0.4)) {
    const closings = [...CLOSINGS];
    if (subChannel === 'email' || subChannel === 'e_reception') closings.push('Ответ прошу направить на электронную почту.');
    if (letter) closings.push('Ответ прошу направить по почте.');
    if (!input.anonymous && (letter || subChannel === 'email')) closings.push(`С уважением, ${initials(input.person)}`);
    tail.push(random.pick(closings).replace(/([^.!?])$/, '$1.'));
  }

  const fixed = head.length + core.length + request.length + tail.length;
  const room = Math.max(0, MAX_SENTENCES - fixed);
  const contextCount = Math.min(room, random.pick([0, 0, 1, 1, 1, 2]));
  const context = random.sample(input.group.context, contextCount).map(f);
  return trim([...head, ...core, ...context, ...request, ...tail], greeted ? 1 : 0);
}

// Drops greeting sentences first, then closing ones, until the text fits the limit.
function trim(sentences: string[], greetings: number): string[] {
  const result = [...sentences];
  let droppable = greetings;
  while (result.length > MAX_SENTENCES && droppable > 0) {
    result.shift();
    droppable--;
  }
  while (result.length > MAX_SENTENCES) result.pop();
  return result;
}

function receptionText(input: TextInput, kind: PlaceKind, f: Fill): string[] {
  const { random } = input;
  const sentences: string[] = [];
  if (input.previousDate) sentences.push(f('Обращается повторно, предыдущее обращение — {previousDate}.'));
  if (kind === 'resident') {
    sentences.push(f(random.pick(['Заявител[ь|ьница] сообщает, что {problem}.', '[Гражданин|Гражданка] {fio} на личном приёме [сообщил|сообщила], что {problem}.'])));
    sentences.push(f('Адрес заявителя: {addrFull}.'));
  } else {
    sentences.push(f(random.pick([
      'Заявител[ь|ьница] сообщает, что {place} {problem}.', '[Гражданин|Гражданка] {fio} на личном приёме [сообщил|сообщила], что {place} {problem}.',
      'На личном приёме [заявитель сообщил|заявительница сообщила], что {place} {problem}.', '[Обратился|Обратилась] на личный приём: {place} {problem}.',
    ])));
  }
  if (input.signatories !== null && kind !== 'resident') sentences.push(f('Обращается от имени жителей, подписей под обращением: {signatories}.'));
  sentences.push(f(random.pick(
    input.kind === 'complaint' ? ['Жалуется на бездействие {who_gen}, просит {ask}.', 'Просит проверить работу {who_gen} и {ask}.']
      : input.kind === 'proposal' ? ['Предлагает {ask}.', 'Вносит предложение {ask}.']
        : ['Просит {ask}.', 'Заявител[ь|ьница] просит {ask}.'],
  )));
  return sentences;
}

function shortText(input: TextInput, kind: PlaceKind, f: Fill): string[] {
  const { random } = input;
  const resident = kind === 'resident';
  if (input.channel === 'survey') {
    return sentencesOf(random.pick(resident
      ? [['{Problem}.', 'Предлагаю {ask}.', 'Адрес: {addrFull}.'], ['По итогам опроса житель[|ница] предлагает {ask}.', 'Адрес: {addrFull}.']]
      : ['Ответ в анкете: {place} {problem}, нужно {ask}.', ['По итогам опроса житель[|ница] предлагает {ask}.', 'Адрес: {addr}.'],
        'Предложение, поступившее в ходе опроса: {ask} ({addrFull}).', ['{Place} {problem}.', 'Предлагаю {ask}.']],
    ), f);
  }
  const intro = input.channel === 'voice'
    ? ['Голосовое сообщение: ', 'Житель[|ница] сообщает: ', '']
    : ['Звонок на горячую линию: ', 'По телефону житель[|ница] [сообщил|сообщила], что ', 'Звонок: '];
  const sentences = [f(`${random.pick(intro)}${resident ? '{problem}' : '{place} {problem}'}.`).replace(/^[а-яё]/, (c) => c.toUpperCase())];
  if (resident) sentences.push(f('Адрес: {addrFull}.'));
  if (random.chance(0.75)) sentences.push(f(input.kind === 'proposal' ? 'Предлагает {ask}.' : 'Просит {ask}.'));
  return sentences;
}

function socialText(input: TextInput, kind: PlaceKind, state: boolean, f: Fill): string[] {
  const { random } = input;
  const sentences: string[] = [];
  if (!input.anonymous && random.chance(0.2)) sentences.push(random.pick(['Здравствуйте!', 'Добрый день!', 'Добрый вечер!']));
  if (input.previousDate) sentences.push(random.pick(['Пишу уже не в первый раз!', 'Опять пишу про то же самое.', 'Уже обращались, ничего не изменилось.']));
  if (kind === 'resident') {
    sentences.push(f('{Problem}.'));
    sentences.push(f(random.pick(['Живу на {at}.', 'Адрес: {addr}.', 'Мой адрес — {addrFull}.'])));
  } else {
    sentences.push(...sentencesOf(random.pick(SOCIAL_CORE.filter((frame) => state || !frame.state)).template, f));
  }
  if (random.chance(0.4)) sentences.push(random.pick(SOCIAL_EXTRAS));
  if (random.chance(0.6)) sentences.push(f(random.pick(SOCIAL_REQUESTS)));
  const result = sentences.slice(0, MAX_SENTENCES);
  if (random.chance(0.3)) {
    const tag = input.address.locality.name.replace(/^(г\.|пос\.|с\.|пгт)\s+/, '').replace(/[\s-]+/g, '');
    result[result.length - 1] = `${result[result.length - 1]} #${tag}`;
  }
  // People often start a post in lower case.
  if (random.chance(0.1)) result[0] = result[0][0].toLowerCase() + result[0].slice(1);
  return result;
}
