// The installation's topic classifier: loaded from the shipped default on an empty database, then edited in place.
import type { Db, Executor } from '../../db';
import * as repo from './repository';
import defaultClassifier from '../../../data/topics/default.json' with { type: 'json' };

interface Classifier {
  sections: { code: string; title: string }[];
  themes: { code: string; sectionCode: string; title: string }[];
  topics: { code: string; themeCode: string; title: string; group: string; keywords?: string[] }[];
  groups: { code: string; title: string }[];
}

export async function seedTopics(db: Executor, classifier: Classifier = defaultClassifier as Classifier): Promise<number> {
  if ((await repo.countTopics(db)) > 0) return 0;
  const values = [
    ...classifier.sections.map((s) => ({ code: s.code, parentCode: null, level: 'section' as const, title: s.title, groupCode: null, keywords: [] })),
    ...classifier.themes.map((t) => ({ code: t.code, parentCode: t.sectionCode, level: 'theme' as const, title: t.title, groupCode: null, keywords: [] })),
    ...classifier.topics.map((t) => ({ code: t.code, parentCode: t.themeCode, level: 'topic' as const, title: t.title, groupCode: t.group, keywords: t.keywords ?? [] })),
  ];
  await repo.insertTopics(db, values);
  return values.length;
}

export function operationalGroups(): { code: string; title: string }[] {
  return (defaultClassifier as Classifier).groups;
}

export async function listTopics(db: Db) {
  return repo.listTopics(db);
}
