// The topic classifier: ТОТК sections and themes, the topics appeals are filed under, and the
// operational groups a municipality's dispatch routes them by. The default ships as
// data/topics/default.json; an installation edits its own copy and checks it with validateClassifier.
import defaultJson from '../../data/topics/default.json' with { type: 'json' };

export interface TopicSection {
  /** `0005` */
  code: string;
  title: string;
}

export interface TopicTheme {
  /** `0005.0005` */
  code: string;
  sectionCode: string;
  title: string;
}

export interface Topic {
  /** `0005.0005.0056` or, with the question, `0005.0005.0056.1160` */
  code: string;
  themeCode: string;
  title: string;
  /** Code of the operational group the topic is routed to. */
  group: string;
  /** Lower-case Russian words or word stems; see suggestTopics. */
  keywords: string[];
}

export interface OperationalGroup {
  /** Latin slug: `roads`, `housing`, `waste`… */
  code: string;
  title: string;
}

export interface TopicClassifier {
  version: string;
  sections: TopicSection[];
  themes: TopicTheme[];
  topics: Topic[];
  groups: OperationalGroup[];
}

export const DEFAULT_CLASSIFIER: TopicClassifier = defaultJson;

const SECTION_CODE = /^\d{4}$/;
const THEME_CODE = /^\d{4}\.\d{4}$/;
const TOPIC_CODE = /^\d{4}\.\d{4}\.\d{4}(\.\d{4})?$/;
const GROUP_CODE = /^[a-z][a-z0-9_]*$/;

interface Index {
  sections: Map<string, TopicSection>;
  themes: Map<string, TopicTheme>;
  topics: Map<string, Topic>;
  groups: Map<string, OperationalGroup>;
}

// Lookups are by code; classifiers are treated as immutable values, so an index is built once each.
const indexes = new WeakMap<TopicClassifier, Index>();

function indexOf(classifier: TopicClassifier): Index {
  let index = indexes.get(classifier);
  if (!index) {
    index = {
      sections: new Map(classifier.sections.map((s) => [s.code, s])),
      themes: new Map(classifier.themes.map((t) => [t.code, t])),
      topics: new Map(classifier.topics.map((t) => [t.code, t])),
      groups: new Map(classifier.groups.map((g) => [g.code, g])),
    };
    indexes.set(classifier, index);
  }
  return index;
}

export function findTopic(code: string, classifier: TopicClassifier = DEFAULT_CLASSIFIER): Topic | undefined {
  return indexOf(classifier).topics.get(code);
}

export function findTheme(code: string, classifier: TopicClassifier = DEFAULT_CLASSIFIER): TopicTheme | undefined {
  return indexOf(classifier).themes.get(code);
}

export function findSection(code: string, classifier: TopicClassifier = DEFAULT_CLASSIFIER): TopicSection | undefined {
  return indexOf(classifier).sections.get(code);
}

export function findGroup(code: string, classifier: TopicClassifier = DEFAULT_CLASSIFIER): OperationalGroup | undefined {
  return indexOf(classifier).groups.get(code);
}

/**
 * Titles from the section down to the given code (a section, theme or topic code);
 * empty when the code is unknown.
 */
export function topicPath(code: string, classifier: TopicClassifier = DEFAULT_CLASSIFIER): string[] {
  const index = indexOf(classifier);
  const topic = index.topics.get(code);
  const theme = index.themes.get(topic ? topic.themeCode : code);
  const section = index.sections.get(theme ? theme.sectionCode : code);
  if (!topic && !theme && !section) return [];
  return [section?.title, theme?.title, topic?.title].filter((title): title is string => title !== undefined);
}

/** The path as one line: «Жилищно-коммунальная сфера › Жилище › Перебои в теплоснабжении». */
export function formatTopicPath(code: string, classifier: TopicClassifier = DEFAULT_CLASSIFIER): string {
  return topicPath(code, classifier).join(' › ');
}

export function topicsByGroup(group: string, classifier: TopicClassifier = DEFAULT_CLASSIFIER): Topic[] {
  return classifier.topics.filter((topic) => topic.group === group);
}

export function topicsByTheme(themeCode: string, classifier: TopicClassifier = DEFAULT_CLASSIFIER): Topic[] {
  return classifier.topics.filter((topic) => topic.themeCode === themeCode);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Checks a classifier an installation wants to load. Returns the problems found, in Russian,
 * one sentence each; an empty list means the classifier can be used.
 */
export function validateClassifier(value: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(value)) return ['Классификатор должен быть объектом JSON.'];
  if (!isText(value.version)) problems.push('Не указана версия классификатора (version).');

  const list = (key: string, label: string): Record<string, unknown>[] => {
    const items = value[key];
    if (!Array.isArray(items)) {
      problems.push(`Нет списка ${label} (${key}).`);
      return [];
    }
    return items.filter((item, i) => {
      if (isRecord(item)) return true;
      problems.push(`Элемент ${i + 1} списка ${label} (${key}) не является объектом.`);
      return false;
    });
  };
  const sections = list('sections', 'разделов');
  const themes = list('themes', 'тематик');
  const topics = list('topics', 'тем');
  const groups = list('groups', 'оперативных групп');

  const allCodes = new Set<string>();
  const checkCode = (code: unknown, label: string, pattern: RegExp, example: string, position: number): code is string => {
    if (typeof code !== 'string' || !pattern.test(code)) {
      problems.push(`${label} № ${position}: код ${JSON.stringify(code ?? null)} не соответствует формату ${example}.`);
      return false;
    }
    if (allCodes.has(code)) {
      problems.push(`${label} ${code}: код повторяется.`);
      return false;
    }
    allCodes.add(code);
    return true;
  };
  const checkTitle = (title: unknown, label: string) => {
    if (!isText(title)) problems.push(`${label}: нет наименования.`);
  };

  const sectionCodes = new Set<string>();
  sections.forEach((section, i) => {
    if (!checkCode(section.code, 'Раздел', SECTION_CODE, '0000', i + 1)) return;
    sectionCodes.add(section.code);
    checkTitle(section.title, `Раздел ${section.code}`);
  });

  const themeCodes = new Set<string>();
  themes.forEach((theme, i) => {
    if (!checkCode(theme.code, 'Тематика', THEME_CODE, '0000.0000', i + 1)) return;
    themeCodes.add(theme.code);
    checkTitle(theme.title, `Тематика ${theme.code}`);
    if (typeof theme.sectionCode !== 'string' || !sectionCodes.has(theme.sectionCode)) {
      problems.push(`Тематика ${theme.code}: раздел ${JSON.stringify(theme.sectionCode ?? null)} не найден.`);
    } else if (!theme.code.startsWith(`${theme.sectionCode}.`)) {
      problems.push(`Тематика ${theme.code}: код не начинается с кода раздела ${theme.sectionCode}.`);
    }
  });

  const groupCodes = new Set<string>();
  groups.forEach((group, i) => {
    const code = group.code;
    if (typeof code !== 'string' || !GROUP_CODE.test(code)) {
      problems.push(`Оперативная группа № ${i + 1}: код ${JSON.stringify(code ?? null)} должен состоять из строчных латинских букв, цифр и «_».`);
      return;
    }
    if (groupCodes.has(code)) {
      problems.push(`Оперативная группа ${code}: код повторяется.`);
      return;
    }
    groupCodes.add(code);
    checkTitle(group.title, `Оперативная группа ${code}`);
  });

  topics.forEach((topic, i) => {
    if (!checkCode(topic.code, 'Тема', TOPIC_CODE, '0000.0000.0000 или 0000.0000.0000.0000', i + 1)) return;
    const code = topic.code;
    checkTitle(topic.title, `Тема ${code}`);
    if (typeof topic.themeCode !== 'string' || !themeCodes.has(topic.themeCode)) {
      problems.push(`Тема ${code}: тематика ${JSON.stringify(topic.themeCode ?? null)} не найдена.`);
    } else if (!code.startsWith(`${topic.themeCode}.`)) {
      problems.push(`Тема ${code}: код не начинается с кода тематики ${topic.themeCode}.`);
    }
    if (typeof topic.group !== 'string' || !groupCodes.has(topic.group)) {
      problems.push(`Тема ${code}: оперативная группа ${JSON.stringify(topic.group ?? null)} не найдена.`);
    }
    if (!Array.isArray(topic.keywords)) {
      problems.push(`Тема ${code}: ключевые слова (keywords) должны быть списком.`);
    } else {
      const bad = topic.keywords.filter((k) => !isText(k) || k !== k.toLowerCase() || k !== k.trim());
      if (bad.length > 0) problems.push(`Тема ${code}: ключевые слова должны быть непустыми строками в нижнем регистре: ${bad.map((k) => JSON.stringify(k)).join(', ')}.`);
    }
  });

  return problems;
}

export { suggestTopics, suggestGroup, type TopicSuggestion } from './suggest';
