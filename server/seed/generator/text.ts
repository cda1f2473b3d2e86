// Assembles the text of one appeal, 1–6 sentences, in the style of its channel: a letter or a
// Gosuslugi form, a clerk's note of a personal reception, a social-network post, a call, a poll answer.
import type { Channel, SubChannel } from './channels';
import type { Person } from './people';
import { initials } from './people';
import { streetCore, type Address } from './places';
import type { Random } from './random';
import type { LocalParts } from './time';
import type { GroupStyle } from './phrases/groups';
import type { Kind, PlaceKind, TopicPhrases } from './phrases/types';
import {
  ADDRESS_SENTENCES, CLOSINGS, COLLECTIVE_FRAMES, GREETINGS, HOUSES_OF_CULTURE, KINDERGARTENS, LETTER_GREETINGS, LOCATIVE_FRAMES,
  REPEATS, REQUESTS, RESIDENT_FRAMES, SINCE, SOCIAL_CORE, SOCIAL_EXTRAS, SOCIAL_REQUESTS, SPORT_CENTRES, STOPS,
} from './phrases/frames';

export type { Kind } from './phrases/types';

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
  // Gender first: its «|» must not be taken for a separator of <a|b> variants.
  return template
    .replace(/\[([^[\]|]*)\|([^[\]|]*)\]/g, (_, male: string, fem: string) => (female ? fem : male))
    .replace(/<([^<>]*)>/g, (_, variants: string) => random.pick(variants.split('|')))
    .replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = vars[name] ?? vars[name[0].toLowerCase() + name.slice(1)];
      if (value === undefined) throw new Error(`Unknown slot ${match} in «${template}»`);
      return name[0] === name[0].toUpperCase() ? capitalize(value) : value;
    });
}

const FIRST_PERSON = /(^|[\s(])(я|мне|меня|мой|моя|моё|мои|моего|моей|моих|моим|мы|нам|нас|наш|наша|наше|наши|нашего|нашей|нашу|наших|нашим)(?=[\s,.)]|$)/i;

// A problem that states an event or already says how long it lasts takes no «уже неделю».
function isEvent(problem: string): boolean {
  // \b knows only Latin letters, hence the explicit word edges.
  return problem.startsWith('!') || /(уже|до сих пор|давно|месяц|недел|полгода|(^|\s)(лет|год[ау]?)(?=[\s,.]|$))/.test(problem);
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
          `в доме № ${house} по ${street}`, `в нашем доме (${street}, д. ${house})`, `в доме по ${street}, ${house}`,
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


/** Where a topic's problems are: its own setting, an institution when it names some, or its group's. */
export function placeOf(topic: TopicPhrases, group: GroupStyle): PlaceKind {
  return topic.place ?? (topic.institutions ? 'institution' : group.place);
}

/** Everything the channel styles below share. */
interface Context {
  input: TextInput;
  random: Random;
  place: PlaceKind;
  /** The problem is a lasting state, so «уже неделю» may follow it. */
  state: boolean;
  /** The problem is told in the first person. */
  firstPerson: boolean;
  vars: Record<string, string>;
  f: (template: string) => string;
}

/** The sentences of the appeal's text, in order. */
export function composeText(input: TextInput): string[] {
  const { random, topic, group, address, person } = input;
  const declared = placeOf(topic, group);
  // Villages have private houses: no stairwells.
  const place: PlaceKind = address.locality.village && declared === 'entrance' ? 'house' : declared;
  const who = random.pick(group.who);
  const flat = address.flat !== null && (place === 'resident' || place === 'house' || place === 'entrance') ? `, кв. ${address.flat}` : '';
  const vars: Record<string, string> = {
    house: address.house,
    house2: String(parseInt(address.house, 10) + random.int(4, 30)),
    street: address.street,
    addr: `${address.street}, д. ${address.house}`,
    addrFull: `${address.locality.name}, ${address.street}, д. ${address.house}${flat}`,
    at: `${streetCore(address.street)} ${address.house}`,
    sinceDate: dayBefore(input.received, random.int(2, 45)),
    pastDate: dayBefore(input.received, random.int(5, 60)),
    previousDate: input.previousDate ?? '',
    who: who[0],
    who_gen: who[1],
    who_to: who[2],
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
  const f = (template: string) => fill(template, vars, random, person.gender === 'female');
  vars.since = f(random.pick(SINCE));
  // Asks are listed in the order of the problems they answer; now and then an author asks for another remedy.
  const index = random.int(0, topic.problems.length - 1);
  const rawProblem = topic.problems[index];
  vars.problem = f(rawProblem.replace(/^!/, ''));
  vars.ask = f(index < topic.asks.length && random.chance(0.8) ? topic.asks[index] : random.pick(topic.asks));
  const institution = topic.institutions ? f(random.pick(topic.institutions)) : '';
  vars.place = placePhrase(place, vars, address, random, institution);
  vars.spot = socialPlace(place, address, random, institution);
  const firstPerson = FIRST_PERSON.test(vars.problem);
  // How a clerk retells it: «…, что на ул. Ленина не горят фонари» or, in the author's words, «…: «Мне отказали…»».
  vars.report = firstPerson ? `: «${capitalize(place === 'resident' ? vars.problem : `${vars.place} ${vars.problem}`)}»` : `, что ${place === 'resident' ? '' : `${vars.place} `}${vars.problem}`;

  const context: Context = { input, random, place, state: !isEvent(rawProblem), firstPerson, vars, f };
  switch (input.channel) {
    case 'social':
      return socialText(context);
    case 'voice':
    case 'survey':
      return shortText(context);
    case 'other':
      return input.subChannel === 'phone' ? shortText(context) : formalText(context);
    default:
      return input.subChannel === 'personal_reception' ? receptionText(context) : formalText(context);
  }
}

const sentencesOf = (frame: string | string[], f: Context['f']): string[] => (Array.isArray(frame) ? frame : [frame]).map(f);

function formalText({ input, random, place, state, firstPerson, vars, f }: Context): string[] {
  const { subChannel } = input;
  const collective = input.signatories !== null;
  const plural = collective || input.organization !== null;
  const head: string[] = [];
  const letter = subChannel === 'letter';
  const greeted = random.chance(letter ? 0.85 : subChannel === 'email' ? 0.6 : subChannel === 'e_reception' ? 0.45 : 0.35);
  if (greeted) head.push(random.pick(letter ? LETTER_GREETINGS : GREETINGS));
  if (input.organization) head.push(f('{Organization} <обращается|направляет обращение> по вопросу, который волнует <жителей|членов товарищества|собственников>.'));
  if (input.previousDate) head.push(f(plural ? 'Обращаемся повторно, предыдущее обращение было {previousDate}.' : random.pick(REPEATS)));

  const core: string[] = [];
  if (place === 'resident') {
    const withAddress = random.chance(0.3);
    core.push(...sentencesOf(withAddress ? ['Я проживаю по адресу {addrFull}.', '{Problem}.'] : random.pick(RESIDENT_FRAMES), f));
    if (!withAddress) {
      const addressSentence = f(random.pick(ADDRESS_SENTENCES));
      if (random.chance(0.3)) core.unshift(addressSentence);
      else core.push(addressSentence);
    }
  } else {
    const frames = (collective && !firstPerson ? COLLECTIVE_FRAMES : LOCATIVE_FRAMES)
      .filter((frame) => (state || !frame.state) && ((place !== 'institution' && place !== 'stop') || !frame.noInstitution));
    core.push(...sentencesOf(random.pick(frames).template, f));
  }

  // «Прошу проверить работу УК и проверить…» reads badly: skip such pairs.
  const requests = (plural ? REQUESTS[input.kind].plural : REQUESTS[input.kind].single)
    .filter((template) => !(/проверить|привлечь/.test(template) && /^(проверить|провести проверку|привлечь)/.test(vars.ask)));
  const request = random.chance(0.92) ? [f(random.pick(requests))] : [];
  const tail: string[] = [];
  if (collective) tail.push(f(random.pick(['Подписей под обращением: {signatories}.', 'Обращение подписали жители, всего подписей: {signatories}.'])));
  else if (input.organization) tail.push(`Председатель правления ${initials(input.person)}`);
  else if (random.chance(0.4)) {
    const closings = [...CLOSINGS];
    if (subChannel === 'email' || subChannel === 'e_reception') closings.push('Ответ прошу направить на электронную почту.');
    if (letter) closings.push('Ответ прошу направить по почте.');
    if (!input.anonymous && (letter || subChannel === 'email')) closings.push(`С уважением, ${initials(input.person)}`);
    tail.push(random.pick(closings));
  }

  const room = Math.max(0, MAX_SENTENCES - head.length - core.length - request.length - tail.length);
  const contexts = random.sample(input.group.context, Math.min(room, random.pick([0, 0, 1, 1, 1, 2]))).map(f);
  return trim([...head, ...core, ...contexts, ...request, ...tail], greeted ? 1 : 0);
}

// Drops the greeting first, then sentences from the end, until the text fits the limit.
function trim(sentences: string[], greetings: number): string[] {
  const result = [...sentences];
  let droppable = greetings;
  while (result.length > MAX_SENTENCES && droppable > 0) {
    result.shift();
    droppable--;
  }
  return result.slice(0, MAX_SENTENCES);
}

function receptionText({ input, random, place, f }: Context): string[] {
  const sentences: string[] = [];
  if (input.previousDate) sentences.push(f('Обращается повторно, предыдущее обращение — {previousDate}.'));
  sentences.push(f(random.pick([
    'Заявител[ь|ьница] сообщает{report}.', '[Гражданин|Гражданка] {fio} на личном приёме [сообщил|сообщила]{report}.',
    'На личном приёме [заявитель сообщил|заявительница сообщила]{report}.', '[Обратился|Обратилась] на личный приём и [сообщил|сообщила]{report}.',
  ])));
  if (place === 'resident') sentences.push(f('Адрес заявителя: {addrFull}.'));
  if (input.signatories !== null) sentences.push(f('Обращается от имени жителей, подписей под обращением: {signatories}.'));
  sentences.push(f(random.pick(
    input.kind === 'complaint' ? ['Жалуется на бездействие {who_gen}, просит {ask}.', 'Просит разобраться и {ask}.']
      : input.kind === 'proposal' ? ['Предлагает {ask}.', 'Вносит предложение {ask}.']
        : ['Просит {ask}.', 'Заявител[ь|ьница] просит {ask}.'],
  )));
  return sentences;
}

function shortText({ input, random, place, f }: Context): string[] {
  const resident = place === 'resident';
  if (input.channel === 'survey') {
    return sentencesOf(random.pick(resident
      ? [['{Problem}.', 'Предлагаю {ask}.', 'Адрес: {addrFull}.'], ['По итогам опроса житель[|ница] предлагает {ask}.', 'Адрес: {addrFull}.']]
      : ['Ответ в анкете: {place} {problem}, нужно {ask}.', ['По итогам опроса житель[|ница] предлагает {ask}.', 'Адрес: {addr}.'],
        'Предложение, поступившее в ходе опроса: {ask} ({addrFull}).', ['{Place} {problem}.', 'Предлагаю {ask}.']],
    ), f);
  }
  const sentences = [f(random.pick(input.channel === 'voice'
    ? ['В голосовом сообщении житель[|ница] [сообщил|сообщила]{report}.', 'Житель[|ница] сообщает{report}.']
    : ['На горячую линию [позвонил житель и сообщил|позвонила жительница и сообщила]{report}.', 'По телефону житель[|ница] [сообщил|сообщила]{report}.']))];
  if (resident) sentences.push(f('Адрес: {addrFull}.'));
  if (random.chance(0.75)) sentences.push(f(input.kind === 'proposal' ? 'Предлагает {ask}.' : 'Просит {ask}.'));
  return sentences;
}

function socialText({ input, random, place, state, f }: Context): string[] {
  const sentences: string[] = [];
  if (!input.anonymous && random.chance(0.2)) sentences.push(random.pick(['Здравствуйте!', 'Добрый день!', 'Добрый вечер!']));
  if (input.previousDate) sentences.push(random.pick(['Пишу уже не в первый раз!', 'Опять пишу про то же самое.', 'Уже обращались, ничего не изменилось.']));
  if (place === 'resident') {
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
