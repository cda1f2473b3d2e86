import { describe, expect, it } from 'vitest';
import permMapping from '../../data/topics/perm-mapping.json' with { type: 'json' };
import {
  DEFAULT_CLASSIFIER, findGroup, findTopic, formatTopicPath, suggestGroup, suggestTopics, topicPath, topicsByGroup,
  topicsByTheme, validateClassifier, type TopicClassifier,
} from './index';

const clone = (): TopicClassifier => JSON.parse(JSON.stringify(DEFAULT_CLASSIFIER)) as TopicClassifier;

describe('the default classifier', () => {
  it('is valid', () => {
    expect(validateClassifier(DEFAULT_CLASSIFIER)).toEqual([]);
  });

  it('has the five ТОТК sections', () => {
    expect(DEFAULT_CLASSIFIER.sections).toEqual([
      { code: '0001', title: 'Государство, общество, политика' },
      { code: '0002', title: 'Социальная сфера' },
      { code: '0003', title: 'Экономика' },
      { code: '0004', title: 'Оборона, безопасность, законность' },
      { code: '0005', title: 'Жилищно-коммунальная сфера' },
    ]);
  });

  it('covers what municipalities receive, each topic routed to a group that has keywords', () => {
    expect(DEFAULT_CLASSIFIER.topics.length).toBeGreaterThanOrEqual(80);
    for (const group of DEFAULT_CLASSIFIER.groups) expect(topicsByGroup(group.code).length, group.code).toBeGreaterThan(0);
    for (const topic of DEFAULT_CLASSIFIER.topics) expect(topic.keywords.length, topic.code).toBeGreaterThan(0);
    for (const code of ['roads', 'housing', 'utilities', 'waste', 'transport', 'landscaping', 'lighting', 'healthcare', 'education', 'social', 'construction', 'ecology', 'safety', 'culture', 'sport', 'trade', 'animals']) {
      expect(findGroup(code), code).toBeDefined();
    }
  });

  it('keeps the ТОТК codes seen in published use', () => {
    expect(findTopic('0005.0005.0056.1156')?.title).toBe('Перебои в теплоснабжении');
    expect(findTopic('0005.0005.0056.1160')?.group).toBe('waste');
    expect(findTopic('0003.0009.0097.0689')?.title).toBe('Комплексное благоустройство');
    expect(findTopic('0003.0009.0099.0733')?.group).toBe('transport');
  });
});

describe('lookups', () => {
  it('finds a topic and its path', () => {
    expect(topicPath('0005.0005.0056.1156')).toEqual(['Жилищно-коммунальная сфера', 'Жилище', 'Перебои в теплоснабжении']);
    expect(formatTopicPath('0005.0005.0056.1156')).toBe('Жилищно-коммунальная сфера › Жилище › Перебои в теплоснабжении');
  });

  it('gives the path of a theme or a section, and nothing for an unknown code', () => {
    expect(topicPath('0002.0013')).toEqual(['Социальная сфера', 'Образование. Наука. Культура']);
    expect(topicPath('0004')).toEqual(['Оборона, безопасность, законность']);
    expect(topicPath('9999.9999.9999')).toEqual([]);
    expect(findTopic('9999.9999.9999')).toBeUndefined();
  });

  it('lists topics by group and by theme', () => {
    const roads = topicsByGroup('roads');
    expect(roads.length).toBeGreaterThan(5);
    expect(roads.every((topic) => topic.group === 'roads')).toBe(true);
    expect(topicsByTheme('0005.0005').every((topic) => topic.code.startsWith('0005.0005.'))).toBe(true);
    expect(topicsByGroup('no-such-group')).toEqual([]);
  });

  it('works on an edited classifier', () => {
    const edited = clone();
    edited.topics.push({ code: '0003.0009.0097.0999', themeCode: '0003.0009', title: 'Новогодние ёлки', group: 'landscaping', keywords: ['ёлк'] });
    expect(validateClassifier(edited)).toEqual([]);
    expect(findTopic('0003.0009.0097.0999', edited)?.title).toBe('Новогодние ёлки');
    expect(findTopic('0003.0009.0097.0999')).toBeUndefined();
  });
});

describe('validateClassifier', () => {
  it('rejects what is not a classifier', () => {
    expect(validateClassifier(null)).toEqual(['Классификатор должен быть объектом JSON.']);
    expect(validateClassifier({ version: '1' })).toEqual(expect.arrayContaining([expect.stringContaining('Нет списка тем (topics)')]));
  });

  it('reports each broken rule in Russian', () => {
    const broken = clone();
    broken.topics.push({ ...broken.topics[0] });
    broken.topics.push({ code: '0005.0005.0056.9001', themeCode: '0005.0009', title: 'Тема без тематики', group: 'housing', keywords: [] });
    broken.topics.push({ code: '0005.0005.0056.9002', themeCode: '0003.0009', title: 'Чужой код', group: 'housing', keywords: [] });
    broken.topics.push({ code: '0005.0005.0056.9003', themeCode: '0005.0005', title: 'Без группы', group: 'nowhere', keywords: ['Заглавные'] });
    broken.topics.push({ code: '5.5.56', themeCode: '0005.0005', title: 'Плохой код', group: 'housing', keywords: [] });
    broken.themes.push({ code: '0009.0001', sectionCode: '0009', title: 'Без раздела' });
    broken.groups.push({ code: 'Roads', title: 'Заглавная буква в коде' });
    broken.sections.push({ code: '0006', title: '' });

    const problems = validateClassifier(broken);
    const expected = [
      `Тема ${broken.topics[0].code}: код повторяется.`,
      'Тема 0005.0005.0056.9001: тематика "0005.0009" не найдена.',
      'Тема 0005.0005.0056.9002: код не начинается с кода тематики 0003.0009.',
      'Тема 0005.0005.0056.9003: оперативная группа "nowhere" не найдена.',
      'Тема 0005.0005.0056.9003: ключевые слова должны быть непустыми строками в нижнем регистре: "Заглавные".',
      'Тема № ',
      'Тематика 0009.0001: раздел "0009" не найден.',
      'Оперативная группа № ',
      'Раздел 0006: нет наименования.',
    ];
    for (const text of expected) expect(problems.some((problem) => problem.startsWith(text)), text).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });
});

describe('keyword hints', () => {
  it('suggests the topic a text is about', () => {
    expect(suggestTopics('Во дворе не горят фонари уже неделю', DEFAULT_CLASSIFIER)[0]?.group).toBe('lighting');
    expect(suggestGroup('Мусор не вывозят третий день, контейнеры переполнены', DEFAULT_CLASSIFIER)).toBe('waste');
    expect(suggestGroup('В квартире холодно, батареи еле тёплые', DEFAULT_CLASSIFIER)).toBe('utilities');
    expect(suggestGroup('Невозможно записаться к терапевту в поликлинике', DEFAULT_CLASSIFIER)).toBe('healthcare');
    expect(suggestGroup('Ничего не понятно', DEFAULT_CLASSIFIER)).toBeNull();
  });

  it('matches a short abbreviation only as a whole word', () => {
    const matched = (text: string) => suggestTopics(text, DEFAULT_CLASSIFIER, 200).flatMap((s) => s.matched);
    expect(matched('УК не отвечает')).toContain('ук');
    expect(matched('Укладка плитки')).not.toContain('ук');
  });

  it('reads a short stem inside a phrase as the start of a word, but not a preposition', () => {
    const matched = (text: string) => suggestTopics(text, DEFAULT_CLASSIFIER, 200).flatMap((s) => s.matched);
    expect(matched('Опять нет газа')).toContain('нет газ');
    expect(matched('Просим установить новые фонари у школы')).toContain('нов фонар');
    expect(matched('Вода в подвале дома')).toContain('вода в подвал');
    expect(matched('Вода вокруг подвала')).not.toContain('вода в подвал');
    expect(matched('Пожар в лесу')).toContain('пожар в лес');
  });

  it('reports which keywords it found, each word counted once per topic', () => {
    const [top] = suggestTopics('Уборка снега во дворе не ведётся', DEFAULT_CLASSIFIER);
    expect(top.group).toBe('landscaping');
    // The phrase takes the words, so «снег во двор» inside it does not count again.
    expect(top.matched).toEqual(['уборк снег во двор']);
  });
});

describe('the mapping of the Perm taxonomy', () => {
  it('sends each of its 195 themes to a topic of the classifier', () => {
    expect(permMapping.classifierVersion).toBe(DEFAULT_CLASSIFIER.version);
    expect(new Set(permMapping.themes.map((row) => row.theme)).size).toBe(195);
    expect(new Set(permMapping.themes.map((row) => row.group)).size).toBe(26);
    for (const row of permMapping.themes) expect(findTopic(row.topicCode), row.theme).toBeDefined();
  });
});
