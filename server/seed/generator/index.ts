// Realistic appeals for demos, load tests and classifier experiments: plain objects, no database,
// the same output for the same seed. generateAppealBatches streams them for large volumes.
import { DEFAULT_CLASSIFIER, findTopic } from '../../../domain/topics';
import { channelChoice, ExternalIds, subChannelChoices, type Channel, type SubChannel } from './channels';
import { formatAddress, formatPostalAddress, localitiesFor, randomAddress, type Address, type Locality } from './places';
import { randomEmail, randomPerson, randomPhone, type Person } from './people';
import { GROUP_STYLES } from './phrases/groups';
import { TOPIC_PHRASES } from './phrases';
import type { TopicPhrases } from './phrases/types';
import { Random, Weighted } from './random';
import { composeText, dayBefore, placeOf, type Kind } from './text';
import { ArrivalModel, AscendingUniforms, localParts, type LocalParts } from './time';

export type { Channel, SubChannel } from './channels';
export type { Kind } from './text';
export type { Locality } from './places';

export interface GeneratorMunicipality {
  slug: string;
  name: string;
  /** IANA zone, e.g. `Asia/Yekaterinburg`. */
  timeZone: string;
  /** Relative volume of appeals; the demo municipalities have defaults, others 1. */
  weight?: number;
  /** Towns, villages and streets; the demo municipalities have their own, others get typical streets. */
  localities?: Locality[];
}

export interface GenerateAppealsOptions {
  count: number;
  seed: number;
  municipalities: GeneratorMunicipality[];
  from: Date;
  to: Date;
}

export type AuthorKind = 'person' | 'anonymous' | 'legal_entity' | 'collective';

export interface GeneratedAuthor {
  kind: AuthorKind;
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  /** The legal entity, when the author writes on its behalf. */
  organization: string | null;
}

export interface GeneratedAppeal {
  /** Municipality slug. */
  municipality: string;
  channel: Channel;
  subChannel: SubChannel;
  /** The source system's identifier (ПОС, Инцидент-менеджмент, social networks), otherwise null. */
  externalId: string | null;
  receivedAt: Date;
  author: GeneratedAuthor;
  kind: Kind;
  topicCode: string;
  text: string;
  /** «г. Асбест, ул. Ленина, д. 5» */
  address: string;
  collective: boolean;
  /** Number of signatories of a collective appeal, otherwise null. */
  signatories: number | null;
  /** The same author wrote about the same problem before. */
  repeated: boolean;
}

/** Relative volumes of the demo region's municipalities, roughly by population. */
const DEFAULT_WEIGHTS: Record<string, number> = {
  ekaterinburg: 10, 'nizhny-tagil': 3, 'kamensk-uralsky': 2, pervouralsk: 1.8, berezovsky: 1, asbest: 0.9, beloyarsky: 0.6,
};

const ORGANIZATIONS = [
  'ТСН «Уют»', 'ТСЖ «Берёзка»', 'ТСЖ «Надежда»', 'СНТ «Рябинка»', 'СНТ «Черёмушки»', 'СНТ «Мичуринец»', 'ТСН «Наш дом»',
  'ТСЖ «Молодёжное»', 'Совет ветеранов микрорайона', 'Общественная организация «Родители района»',
];

/** Groups whose problems neighbours sign petitions about; a clinic's queue or a benefit is personal. */
const COLLECTIVE_GROUPS = new Set([
  'roads', 'landscaping', 'housing', 'utilities', 'waste', 'lighting', 'transport', 'construction', 'ecology', 'safety',
  'power', 'animals', 'trade', 'sport', 'culture', 'communications', 'sanitary', 'funeral',
]);

/** How far back the generator remembers appeals it may repeat. */
const MEMORY = 4000;
const REPEAT_SHARE = 0.07;
/** Another author writing about the same problem at the same place. */
const SAME_PROBLEM_SHARE = 0.06;

interface Remembered {
  municipality: number;
  topicCode: string;
  address: Address;
  person: Person;
  author: GeneratedAuthor;
  channel: Channel;
  subChannel: SubChannel;
  received: LocalParts;
}

interface PreparedTopic {
  code: string;
  phrases: TopicPhrases;
  group: string;
}

function prepareTopics(): { topics: Map<string, PreparedTopic>; byMonth: Weighted<PreparedTopic>[] } {
  const topics = new Map<string, PreparedTopic>();
  const groupTotals = new Map<string, number>();
  for (const [code, phrases] of Object.entries(TOPIC_PHRASES)) {
    const topic = findTopic(code, DEFAULT_CLASSIFIER);
    if (!topic) throw new Error(`The generator has phrases for ${code}, which the default classifier does not have`);
    if (!GROUP_STYLES[topic.group]) throw new Error(`No generator style for group ${topic.group}`);
    topics.set(code, { code, phrases, group: topic.group });
    groupTotals.set(topic.group, (groupTotals.get(topic.group) ?? 0) + (phrases.weight ?? 1));
  }
  const byMonth = Array.from({ length: 12 }, (_, m) => new Weighted([...topics.values()].map((topic) => {
    const share = (topic.phrases.weight ?? 1) / groupTotals.get(topic.group)!;
    const season = topic.phrases.season;
    const factor = !season || season.months.includes(m + 1) ? 1 : season.off ?? 0.15;
    return [topic, GROUP_STYLES[topic.group].weight * share * factor] as const;
  })));
  return { topics, byMonth };
}

function validate(options: GenerateAppealsOptions): void {
  if (!Number.isInteger(options.count) || options.count < 0) throw new RangeError('count must be a non-negative integer');
  if (options.municipalities.length === 0) throw new RangeError('At least one municipality is needed');
  if (!(options.to.getTime() > options.from.getTime())) throw new RangeError('`to` must come after `from`');
}

function signatories(random: Random): number {
  const roll = random.next();
  if (roll < 0.6) return random.int(2, 15);
  if (roll < 0.9) return random.int(16, 80);
  return random.int(81, 400);
}

function chooseKind(random: Random, phrases: TopicPhrases, groupProposals: number, channel: Channel, repeated: boolean): Kind {
  const proposals = channel === 'survey' ? 0.7 : phrases.proposals ?? groupProposals;
  const complaints = phrases.proposals === 0 ? 0 : repeated ? 0.55 : channel === 'social' ? 0.4 : 0.28;
  const roll = random.next();
  if (roll < proposals) return 'proposal';
  if (roll < proposals + complaints) return 'complaint';
  return 'statement';
}

/** Who writes, and which contacts the channel carries. */
function makeAuthor(random: Random, person: Person, subChannel: SubChannel, address: Address): GeneratedAuthor {
  const full = { surname: person.surname, name: person.name, patronymic: person.patronymic };
  const none = { surname: null, name: null, patronymic: null };
  const postal = () => formatPostalAddress(random, address);
  const maybe = <T>(probability: number, value: () => T): T | null => (random.chance(probability) ? value() : null);
  const author = (names: Pick<GeneratedAuthor, 'surname' | 'name' | 'patronymic'>, email: string | null, phone: string | null, postalAddress: string | null): GeneratedAuthor => ({
    kind: names.surname === null && names.name === null ? 'anonymous' : 'person', ...names, email, phone, postalAddress, organization: null,
  });
  let result: GeneratedAuthor;
  switch (subChannel) {
    case 'letter':
      result = author(random.chance(0.015) ? none : full, maybe(0.2, () => randomEmail(random, person)), maybe(0.4, () => randomPhone(random)), postal());
      break;
    case 'email':
      result = author(random.chance(0.02) ? none : full, randomEmail(random, person), maybe(0.3, () => randomPhone(random)), maybe(0.5, postal));
      break;
    case 'e_reception':
      result = author(full, randomEmail(random, person), maybe(0.5, () => randomPhone(random)), maybe(0.6, postal));
      break;
    case 'personal_reception':
      result = author(full, maybe(0.2, () => randomEmail(random, person)), maybe(0.7, () => randomPhone(random)), maybe(0.8, postal));
      break;
    case 'pos':
      // ПОС passes on what the Gosuslugi account holds.
      result = author(full, maybe(0.85, () => randomEmail(random, person)), maybe(0.85, () => randomPhone(random)), null);
      break;
    case 'vk':
    case 'ok':
    case 'telegram':
    case 'incident_management':
      result = author(random.chance(subChannel === 'telegram' ? 0.6 : 0.3) ? none : { surname: person.surname, name: person.name, patronymic: null }, null, null, null);
      break;
    case 'voice_system':
      result = author(random.chance(0.6) ? none : { surname: null, name: person.name, patronymic: person.patronymic }, null, randomPhone(random), null);
      break;
    case 'survey':
      result = author(random.chance(0.7) ? none : { surname: null, name: person.name, patronymic: null }, maybe(0.3, () => randomEmail(random, person)), null, null);
      break;
    case 'phone':
      result = author({ surname: maybe(0.6, () => person.surname), name: person.name, patronymic: maybe(0.7, () => person.patronymic) }, null, randomPhone(random), null);
      break;
    default:
      result = author(full, maybe(0.5, () => randomEmail(random, person)), maybe(0.5, () => randomPhone(random)), maybe(0.5, postal));
  }
  return result;
}

/** Appeals in batches of `batchSize`, in order of receipt; only the current batch is held in memory. */
export function* generateAppealBatches(options: GenerateAppealsOptions & { batchSize?: number }): Generator<GeneratedAppeal[], void, undefined> {
  validate(options);
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const random = new Random(options.seed);
  const { topics, byMonth } = prepareTopics();
  const municipalities = options.municipalities.map((m) => ({
    ...m,
    weight: m.weight ?? DEFAULT_WEIGHTS[m.slug] ?? 1,
    localities: m.localities ?? localitiesFor(m.slug, m.name),
  }));
  const zoneShares = new Map<string, number>();
  for (const m of municipalities) zoneShares.set(m.timeZone, (zoneShares.get(m.timeZone) ?? 0) + m.weight);
  const arrivals = new ArrivalModel(options.from, options.to, zoneShares);
  const zoneOf = municipalities.map((m) => arrivals.zones.indexOf(m.timeZone));
  const uniforms = new AscendingUniforms(options.count);
  const ids = new ExternalIds(random);
  const memory = new Memory();

  let batch: GeneratedAppeal[] = [];
  for (let i = 0; i < options.count; i++) {
    const { instant, bucket } = arrivals.at(uniforms.next(random));
    const municipalityIndex = pickMunicipality(random, municipalities.map((m, j) => m.weight * arrivals.weight(zoneOf[j], bucket)));
    const municipality = municipalities[municipalityIndex];
    const received = localParts(instant, arrivals.offset(zoneOf[municipalityIndex], bucket));

    // A repeat needs an earlier appeal of the same municipality, at least two days older.
    const roll = random.next();
    const earlier = roll < REPEAT_SHARE + SAME_PROBLEM_SHARE ? memory.recall(random, municipalityIndex, received) : undefined;
    const repeatOf = earlier && roll < REPEAT_SHARE ? earlier : undefined;
    const sameProblem = earlier && !repeatOf ? earlier : undefined;

    let channel: Channel = channelChoice.pick(random);
    let subChannel: SubChannel = subChannelChoices[channel].pick(random);
    if (repeatOf && random.chance(0.7)) ({ channel, subChannel } = repeatOf);

    const topic = earlier ? topics.get(earlier.topicCode)! : byMonth[received.month - 1].pick(random);
    const style = GROUP_STYLES[topic.group];
    const address = earlier ? earlier.address : randomAddress(random, municipality.localities);
    const kind = chooseKind(random, topic.phrases, style.proposals, channel, repeatOf !== undefined);

    const person = repeatOf ? repeatOf.person : randomPerson(random);
    // A repeat through the same channel carries the same contacts; through another, that channel's.
    const baseAuthor = repeatOf && repeatOf.subChannel === subChannel ? repeatOf.author : makeAuthor(random, person, subChannel, address);
    const anonymous = baseAuthor.kind === 'anonymous';
    let author = baseAuthor;
    const personal = placeOf(topic.phrases, style) === 'resident' || !COLLECTIVE_GROUPS.has(topic.group);
    const collective = !personal && !anonymous && (channel === 'fz59' || channel === 'pos') ? random.chance(0.05) : false;
    const organization = !personal && !collective && !anonymous && (subChannel === 'letter' || subChannel === 'email') && random.chance(0.05) ? random.pick(ORGANIZATIONS) : null;
    const signatoryCount = collective ? signatories(random) : null;
    if (collective) author = { ...author, kind: 'collective' };
    if (organization) author = { ...author, kind: 'legal_entity', organization };

    const sentences = composeText({
      random, topic: topic.phrases, group: style, channel, subChannel, kind, person, anonymous,
      signatories: signatoryCount, organization, address, received,
      previousDate: repeatOf ? dayBefore(repeatOf.received, 0) : null,
    });

    const appeal: GeneratedAppeal = {
      municipality: municipality.slug,
      channel,
      subChannel,
      externalId: ids.next(subChannel, municipality.slug),
      receivedAt: new Date(instant),
      author,
      kind,
      topicCode: topic.code,
      text: sentences.join(' '),
      address: formatAddress(address),
      collective,
      signatories: signatoryCount,
      repeated: repeatOf !== undefined,
    };
    if (!sameProblem) memory.add({ municipality: municipalityIndex, topicCode: topic.code, address, person, author: baseAuthor, channel, subChannel, received });
    batch.push(appeal);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** All appeals at once; for large counts prefer generateAppealBatches. */
export function generateAppeals(options: GenerateAppealsOptions): GeneratedAppeal[] {
  const all: GeneratedAppeal[] = [];
  for (const batch of generateAppealBatches(options)) all.push(...batch);
  return all;
}

function pickMunicipality(random: Random, weights: number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let roll = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i];
    if (roll < 0) return i;
  }
  return weights.length - 1;
}

function daysBetween(a: LocalParts, b: LocalParts): number {
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
}

/** The last MEMORY appeals, oldest overwritten first. */
class Memory {
  private readonly items: Remembered[] = [];
  private next = 0;

  add(item: Remembered): void {
    if (this.items.length < MEMORY) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % MEMORY;
  }

  // A few random looks; most of the time one of them fits.
  recall(random: Random, municipality: number, received: LocalParts): Remembered | undefined {
    if (this.items.length === 0) return undefined;
    for (let attempt = 0; attempt < 6; attempt++) {
      const candidate = this.items[random.int(0, this.items.length - 1)];
      if (candidate.municipality === municipality && daysBetween(candidate.received, received) >= 2) return candidate;
    }
    return undefined;
  }
}
