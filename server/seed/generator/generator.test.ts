import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFIER, findTopic } from '../../../domain/topics';
import { CHANNEL_SHARES, SUB_CHANNEL_SHARES, channelChoice, subChannelChoices } from './channels';
import { generateAppealBatches, generateAppeals, type GeneratedAppeal, type GenerateAppealsOptions } from './index';
import { FEMALE_NAMES, MALE_NAMES, PATRONYMICS, SURNAMES, feminineSurname, randomPerson } from './people';
import { localitiesFor, randomAddress, streetCore } from './places';
import { TOPIC_PHRASES } from './phrases';
import { GROUP_STYLES } from './phrases/groups';
import { Random } from './random';
import { composeText, placeOf, type Kind } from './text';
import { localParts } from './time';

const ZONE = 'Asia/Yekaterinburg';
const MUNICIPALITIES = [
  { slug: 'ekaterinburg', name: 'Муниципальное образование «город Екатеринбург»', timeZone: ZONE },
  { slug: 'nizhny-tagil', name: 'Город Нижний Тагил', timeZone: ZONE },
  { slug: 'asbest', name: 'Асбестовский городской округ', timeZone: ZONE },
  { slug: 'beloyarsky', name: 'Белоярский городской округ', timeZone: ZONE },
  { slug: 'rezh', name: 'Городской округ Реж', timeZone: ZONE },
];
const OPTIONS: GenerateAppealsOptions = {
  count: 10_000,
  seed: 20_240_603,
  municipalities: MUNICIPALITIES,
  from: new Date('2025-01-01T00:00:00+05:00'),
  to: new Date('2026-01-01T00:00:00+05:00'),
};
// Generated once: the checks below read the same 10 000 appeals.
const appeals = generateAppeals(OPTIONS);

const share = (predicate: (appeal: GeneratedAppeal) => boolean) => appeals.filter(predicate).length / appeals.length;

describe('generateAppeals', () => {
  it('gives the same appeals for the same seed and others for another seed', () => {
    const options = { ...OPTIONS, count: 300 };
    expect(generateAppeals(options)).toEqual(generateAppeals(options));
    const other = generateAppeals({ ...options, seed: 7 });
    expect(other.map((a) => a.text)).not.toEqual(generateAppeals(options).map((a) => a.text));
  });

  it('streams the same appeals in batches', () => {
    const options = { ...OPTIONS, count: 2_500 };
    const batches = [...generateAppealBatches({ ...options, batchSize: 1_000 })];
    expect(batches.map((batch) => batch.length)).toEqual([1_000, 1_000, 500]);
    expect(batches.flat()).toEqual(generateAppeals(options));
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateAppeals({ ...OPTIONS, count: -1 })).toThrow(RangeError);
    expect(() => generateAppeals({ ...OPTIONS, municipalities: [] })).toThrow(RangeError);
    expect(() => generateAppeals({ ...OPTIONS, to: OPTIONS.from })).toThrow(RangeError);
    expect(() => [...generateAppealBatches({ ...OPTIONS, batchSize: 0 })]).toThrow(RangeError);
    expect(generateAppeals({ ...OPTIONS, count: 0 })).toEqual([]);
  });

  it('spreads appeals over channels in the usual shares', () => {
    for (const [channel, expected] of Object.entries(CHANNEL_SHARES)) {
      expect(share((a) => a.channel === channel), channel).toBeCloseTo(expected, 1);
    }
    expect(share((a) => a.channel === 'pos')).toBeGreaterThan(0.42);
    expect(share((a) => a.channel === 'pos')).toBeLessThan(0.48);
    expect(share((a) => a.channel === 'fz59')).toBeGreaterThan(0.32);
    expect(share((a) => a.channel === 'fz59')).toBeLessThan(0.38);
    expect(share((a) => a.channel === 'social')).toBeGreaterThan(0.13);
    expect(share((a) => a.channel === 'social')).toBeLessThan(0.17);
  });

  it('keeps the sub-channel consistent with the channel, and external ids for ПОС and social networks only', () => {
    const ids = new Set<string>();
    for (const appeal of appeals) {
      expect(Object.keys(SUB_CHANNEL_SHARES[appeal.channel])).toContain(appeal.subChannel);
      if (appeal.channel === 'pos' || appeal.channel === 'social') {
        expect(appeal.externalId).toEqual(expect.any(String));
        expect(ids.has(appeal.externalId!)).toBe(false);
        ids.add(appeal.externalId!);
      } else {
        expect(appeal.externalId).toBeNull();
      }
    }
    expect(appeals.find((a) => a.subChannel === 'pos')!.externalId).toMatch(/^\d{10}$/);
    expect(appeals.find((a) => a.subChannel === 'vk')!.externalId).toMatch(/^wall-\d+_\d+/);
  });

  it('receives appeals within the range, in order, mostly on weekdays and in local daytime', () => {
    let previous = 0;
    for (const appeal of appeals) {
      const t = appeal.receivedAt.getTime();
      expect(t).toBeGreaterThanOrEqual(OPTIONS.from.getTime());
      expect(t).toBeLessThan(OPTIONS.to.getTime());
      expect(t).toBeGreaterThanOrEqual(previous);
      previous = t;
    }
    const local = appeals.map((a) => localParts(a.receivedAt.getTime(), 300));
    const perWeekday = local.filter((p) => p.weekday <= 5).length / 5;
    const perWeekendDay = local.filter((p) => p.weekday > 5).length / 2;
    expect(perWeekday).toBeGreaterThan(perWeekendDay * 1.5);
    expect(local.filter((p) => p.hour >= 8 && p.hour < 21).length / local.length).toBeGreaterThan(0.75);
    expect(local.filter((p) => p.hour < 6).length / local.length).toBeLessThan(0.05);
  });

  it('files every appeal under a topic of the default classifier, from every municipality', () => {
    for (const appeal of appeals) expect(findTopic(appeal.topicCode), appeal.topicCode).toBeDefined();
    expect(new Set(appeals.map((a) => a.municipality))).toEqual(new Set(MUNICIPALITIES.map((m) => m.slug)));
    expect(share((a) => a.municipality === 'ekaterinburg')).toBeGreaterThan(share((a) => a.municipality === 'asbest'));
    expect(new Set(appeals.map((a) => findTopic(a.topicCode)!.group)).size).toBe(DEFAULT_CLASSIFIER.groups.length);
  });

  it('gives authors names whose surname and patronymic agree with the gender', () => {
    const masculine = new Set(SURNAMES);
    const feminine = new Set(SURNAMES.map(feminineSurname));
    let checked = 0;
    for (const { author } of appeals) {
      if (author.patronymic === null) continue;
      const male = /ич$/.test(author.patronymic);
      expect(male || /(вна|чна)$/.test(author.patronymic), author.patronymic).toBe(true);
      if (author.name !== null) expect(male ? MALE_NAMES : FEMALE_NAMES, `${author.name} ${author.patronymic}`).toContain(author.name);
      if (author.surname !== null) {
        expect((male ? masculine : feminine).has(author.surname), `${author.surname} ${author.patronymic}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    expect(feminineSurname('Иванов')).toBe('Иванова');
    expect(feminineSurname('Островский')).toBe('Островская');
    expect(feminineSurname('Черных')).toBe('Черных');
    expect(feminineSurname('Шевченко')).toBe('Шевченко');
  });

  it('leaves some social-network authors anonymous, and 59-ФЗ letters with a postal address', () => {
    const social = appeals.filter((a) => a.channel === 'social');
    const anonymous = social.filter((a) => a.author.kind === 'anonymous').length / social.length;
    expect(anonymous).toBeGreaterThan(0.2);
    expect(anonymous).toBeLessThan(0.5);
    for (const a of appeals.filter((x) => x.subChannel === 'letter')) expect(a.author.postalAddress).toMatch(/^\d{6}, /);
    for (const a of appeals.filter((x) => x.subChannel === 'e_reception')) expect(a.author.email).toMatch(/^[a-z0-9._]+@[a-z.]+$/);
    for (const a of appeals.filter((x) => x.author.phone !== null)) expect(a.author.phone).toMatch(/^\+7 \(\d{3}\) \d{3}-\d{2}-\d{2}$/);
  });

  it('writes Russian texts that name the address', () => {
    for (const appeal of appeals) {
      expect(appeal.text).toMatch(/[а-яё]{3,}/i);
      const parts = appeal.address.split(', ');
      const house = parts[parts.length - 1].replace(/^д\. /, '');
      const street = streetCore(parts[parts.length - 2]);
      expect(appeal.text, appeal.address).toContain(street);
      expect(appeal.text, appeal.address).toContain(house);
      // No template syntax may leak into a text.
      expect(appeal.text).not.toMatch(/[<>[\]{}]|\s{2}|\s[.,]/);
    }
  });

  it('makes texts that are not copies of each other', () => {
    expect(new Set(appeals.map((a) => a.text)).size / appeals.length).toBeGreaterThan(0.9);
    // Without the addresses the wording alone still varies widely.
    const wording = new Set(appeals.map((a) => a.text.replace(/\d+[а-я]?(\/\d+)?/g, '#').replace(/(ул|пр|пер|б-р)\. [А-ЯЁ0-9][^,.\s]*( [А-ЯЁ][^,.\s]*)*/g, '@')));
    expect(wording.size / appeals.length).toBeGreaterThan(0.5);
  });

  it('marks some appeals collective, with signatories, and some repeated, after the appeal they repeat', () => {
    const collective = appeals.filter((a) => a.collective);
    expect(collective.length / appeals.length).toBeGreaterThan(0.01);
    for (const a of collective) {
      expect(a.signatories).toBeGreaterThanOrEqual(2);
      expect(a.author.kind).toBe('collective');
    }
    expect(appeals.filter((a) => !a.collective).every((a) => a.signatories === null)).toBe(true);

    const repeated = appeals.filter((a) => a.repeated);
    expect(repeated.length / appeals.length).toBeGreaterThan(0.03);
    expect(repeated.length / appeals.length).toBeLessThan(0.1);
    for (const a of repeated.slice(0, 50)) {
      // A repeat through a channel that carries no surname (a call, a post) keeps the person, not the field.
      const earlier = appeals.find((b) => b !== a && b.address === a.address && b.topicCode === a.topicCode && b.receivedAt < a.receivedAt
        && (b.author.surname === a.author.surname || b.author.surname === null || a.author.surname === null));
      expect(earlier, a.text).toBeDefined();
    }
  });

  it('uses every kind of appeal, mostly statements', () => {
    expect(share((a) => a.kind === 'statement')).toBeGreaterThan(0.5);
    expect(share((a) => a.kind === 'complaint')).toBeGreaterThan(0.2);
    expect(share((a) => a.kind === 'proposal')).toBeGreaterThan(0.05);
  });
});

describe('the phrase tables', () => {
  it('cover every topic of the default classifier, with enough variety', () => {
    for (const topic of DEFAULT_CLASSIFIER.topics) {
      const phrases = TOPIC_PHRASES[topic.code];
      expect(phrases, topic.code).toBeDefined();
      expect(phrases.problems.length, topic.code).toBeGreaterThanOrEqual(4);
      expect(phrases.asks.length, topic.code).toBeGreaterThanOrEqual(4);
      if (placeOf(phrases, GROUP_STYLES[topic.group]) === 'institution') expect(phrases.institutions, topic.code).toBeDefined();
    }
    expect(Object.keys(TOPIC_PHRASES).length).toBe(DEFAULT_CLASSIFIER.topics.length);
  });

  it('give every operational group at least eight templates of its own', () => {
    for (const group of DEFAULT_CLASSIFIER.groups) {
      expect(GROUP_STYLES[group.code], group.code).toBeDefined();
      expect(new Set(GROUP_STYLES[group.code].context).size, group.code).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('composeText', () => {
  it('writes one to six whole sentences for any mix of channel, kind and flags', () => {
    const random = new Random(99);
    const codes = Object.keys(TOPIC_PHRASES);
    const localities = localitiesFor('berezovsky', 'Берёзовский городской округ');
    const kinds: Kind[] = ['statement', 'proposal', 'complaint'];
    for (let i = 0; i < 5_000; i++) {
      const code = codes[i % codes.length];
      const channel = channelChoice.pick(random);
      const sentences = composeText({
        random,
        topic: TOPIC_PHRASES[code],
        group: GROUP_STYLES[findTopic(code)!.group],
        channel,
        subChannel: subChannelChoices[channel].pick(random),
        kind: random.pick(kinds),
        person: randomPerson(random),
        anonymous: random.chance(0.2),
        signatories: random.chance(0.3) ? random.int(2, 50) : null,
        organization: random.chance(0.2) ? 'ТСН «Уют»' : null,
        previousDate: random.chance(0.3) ? '3 марта' : null,
        address: randomAddress(random, localities),
        received: { year: 2025, month: random.int(1, 12), day: 15, hour: 10, weekday: 3 },
      });
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(6);
      for (const sentence of sentences) {
        expect(sentence, sentences.join(' | ')).toMatch(/^[«А-ЯЁа-яё].*[.!?»](\s#\S+)?$/);
        expect(sentence, sentences.join(' | ')).not.toMatch(/[<>[\]{}]/);
      }
    }
  });
});
