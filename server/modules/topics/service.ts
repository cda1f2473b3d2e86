// The installation's topic classifier: loaded from the shipped default on an empty database, then edited in
// place by the ЦУР administrator. Every edit is checked whole by validateClassifier; nothing is deleted, since
// appeals refer to the codes: an entry is retired (no longer offered) and may be restored.
import type { Db, Executor } from '../../db';
import type { RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db-errors';
import { conflict, notFound, validationFailed } from '../../platform/errors';
import { authorize } from '../../platform/policy';
import { validateClassifier, type TopicClassifier } from '../../../domain/topics';
import { findSetting, saveSetting } from '../settings/repository';
import * as repo from './repository';
import type { CreateTopic, Topic, UpdateTopic } from './schema';
import defaultClassifier from '../../../data/topics/default.json' with { type: 'json' };

interface Classifier {
  sections: { code: string; title: string }[];
  themes: { code: string; sectionCode: string; title: string }[];
  topics: { code: string; themeCode: string; title: string; group: string; keywords?: string[] }[];
  groups: { code: string; title: string }[];
}

/** The operational groups as the administrator has them; the shipped ones until the first edit. */
export const TOPIC_GROUPS_KEY = 'topics.groups';

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

export async function operationalGroups(db: Executor): Promise<{ code: string; title: string }[]> {
  const stored = await findSetting(db, TOPIC_GROUPS_KEY) as { code: string; title: string }[] | undefined;
  return stored ?? (defaultClassifier as Classifier).groups;
}

export function presentTopic(row: repo.TopicRow): Topic {
  return { code: row.code, parentCode: row.parentCode, level: row.level, title: row.title, groupCode: row.groupCode, active: row.active, keywords: row.level === 'topic' ? row.keywords : [] };
}

export async function listTopics(db: Db) {
  const [rows, groups] = await Promise.all([repo.listTopics(db), operationalGroups(db)]);
  return { items: rows.map(presentTopic), groups };
}

/** The classifier as stored, in the shape validateClassifier reads; retired entries stay in it (appeals keep their codes). */
async function storedClassifier(db: Executor): Promise<TopicClassifier> {
  const [rows, groups] = await Promise.all([repo.listTopics(db), operationalGroups(db)]);
  return {
    version: 'installation',
    sections: rows.filter((r) => r.level === 'section').map((r) => ({ code: r.code, title: r.title })),
    themes: rows.filter((r) => r.level === 'theme').map((r) => ({ code: r.code, sectionCode: r.parentCode ?? '', title: r.title })),
    topics: rows.filter((r) => r.level === 'topic').map((r) => ({ code: r.code, themeCode: r.parentCode ?? '', title: r.title, group: r.groupCode ?? '', keywords: r.keywords })),
    groups,
  };
}

/** Refuses the change (rolling it back) with the validator's sentences when the classifier would not be usable. */
async function checkWhole(db: Executor): Promise<void> {
  const problems = validateClassifier(await storedClassifier(db));
  if (problems.length) throw validationFailed(problems.map((message) => ({ field: 'classifier', message })), problems.join(' '));
}

const cleanKeywords = (keywords: string[] | undefined) => keywords?.map((k) => k.trim().toLowerCase()).filter(Boolean);

export async function createTopic(db: Db, ctx: RequestContext, input: CreateTopic): Promise<Topic> {
  authorize(ctx.actor, 'settings.manage');
  try {
    return await audited(db, ctx, async (tx) => {
      const row = await repo.insertTopic(tx, {
        code: input.code, level: input.level, parentCode: input.level === 'section' ? null : input.parentCode ?? null, title: input.title.trim(),
        groupCode: input.level === 'topic' ? input.group ?? null : null, keywords: input.level === 'topic' ? cleanKeywords(input.keywords) ?? [] : [],
      });
      await checkWhole(tx);
      const after = presentTopic(row);
      return { result: after, audit: { action: 'topic.create', entityType: 'topic', entityId: row.code, organizationId: ctx.actor.organizationId, after } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('topic_exists');
    throw error;
  }
}

export async function updateTopic(db: Db, ctx: RequestContext, code: string, input: UpdateTopic): Promise<Topic> {
  authorize(ctx.actor, 'settings.manage');
  return audited(db, ctx, async (tx) => {
    const current = await repo.findTopicRow(tx, code);
    if (!current) throw notFound('topic_not_found');
    const values: Parameters<typeof repo.updateTopic>[2] = {};
    if (input.title !== undefined) values.title = input.title.trim();
    if (input.active !== undefined) values.active = input.active;
    if (current.level === 'topic') {
      if (input.group !== undefined) values.groupCode = input.group;
      if (input.keywords !== undefined) values.keywords = cleanKeywords(input.keywords);
    } else if (input.group !== undefined || input.keywords !== undefined) {
      throw validationFailed([{ field: input.group !== undefined ? 'group' : 'keywords', message: 'Группа и ключевые слова задаются только у темы' }]);
    }
    const row = await repo.updateTopic(tx, code, values);
    await checkWhole(tx);
    const action = input.active === false && current.active ? 'topic.retire' : input.active === true && !current.active ? 'topic.restore' : 'topic.update';
    return { result: presentTopic(row), audit: { action, entityType: 'topic', entityId: code, organizationId: ctx.actor.organizationId, before: presentTopic(current), after: presentTopic(row) } };
  });
}

/** Adds a group or renames one; groups are not removed while topics are routed to them (the validator says so). */
export async function saveGroup(db: Db, ctx: RequestContext, code: string, title: string, now: Date) {
  authorize(ctx.actor, 'settings.manage');
  return audited(db, ctx, async (tx) => {
    const groups = await operationalGroups(tx);
    const before = groups.find((g) => g.code === code) ?? null;
    const next = before ? groups.map((g) => (g.code === code ? { code, title: title.trim() } : g)) : [...groups, { code, title: title.trim() }];
    await saveSetting(tx, TOPIC_GROUPS_KEY, next, now);
    await checkWhole(tx);
    return { result: { groups: next }, audit: { action: 'topic_group.save', entityType: 'topic_group', entityId: code, organizationId: ctx.actor.organizationId, before, after: { code, title } } };
  });
}
