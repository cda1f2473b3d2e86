// Topic suggestions of the installation: the stored model and the classifier's keywords, kept in
// memory and re-read when a newer model is stored; the job that trains the model on the topics
// people set; the settings of automatic filing.
import type { FastifyBaseLogger } from 'fastify';
import type { TopicClassifier } from '../../../domain/topics';
import type { Db, Executor } from '../../db';
import type { Job } from '../../platform/jobs';
import { trainClassifierAsync, type TextModel } from '../../text/classifier';
import { deserializeModel, MODEL_FORMAT, serializeModel } from '../../text/model';
import { suggestTopicsFor, type TopicSuggestion } from '../../text/suggest';
import { departmentsOfGroups } from '../departments/service';
import type { GroupDepartment } from '../departments/schema';
import * as repo from './repository';
import { cached } from '../../platform/cache';

export const TOPIC_MODEL = 'topics';
export const TOPIC_MODEL_JOB = 'topic-model';
export const TOPIC_SUGGESTION_KEY = 'topic_suggestion';

export interface TopicSuggestionSettings {
  /** An import files the topic by itself when the first suggestion is at least this sure; null — never. */
  autoFileThreshold: number | null;
  /** The model is trained again once people have set this many topics since the last training. */
  retrainEvery: number;
}

export const DEFAULT_TOPIC_SUGGESTION: TopicSuggestionSettings = { autoFileThreshold: null, retrainEvery: 50 };

/** At most this many latest person-set topics are learnt from. */
export const TRAINING_LIMIT = 10_000;
/** A first model needs at least this many person-set topics. */
const FIRST_MODEL_AT = 5;
/** How often a process checks whether another one stored a newer model. */
const RECHECK_MS = 30_000;

/** The settings, held in memory for a few seconds (every registration without a topic reads them). */
export function loadTopicSuggestionSettings(db: Executor): Promise<TopicSuggestionSettings> {
  return cached(db, TOPIC_SUGGESTION_KEY, async () => {
    const value = (await repo.readSetting(db, TOPIC_SUGGESTION_KEY)) as Partial<TopicSuggestionSettings> | null;
    return { ...DEFAULT_TOPIC_SUGGESTION, ...(value ?? {}) };
  });
}

interface Loaded {
  classifier: TopicClassifier;
  model: { model: TextModel; texts: number } | null;
  trainedAt: number | null;
  checkedAt: number;
}

const cache = new WeakMap<object, Loaded>();

async function loadClassifier(db: Executor): Promise<TopicClassifier> {
  const rows = await repo.activeTopics(db);
  return {
    version: 'installation', sections: [], themes: [], groups: [],
    topics: rows.filter((r) => r.group).map((r) => ({ code: r.code, themeCode: r.parentCode ?? '', title: r.title, group: r.group!, keywords: r.keywords })),
  };
}

async function sources(db: Db): Promise<Loaded> {
  const now = Date.now();
  const held = cache.get(db);
  if (held && now - held.checkedAt < RECHECK_MS) return held;
  const info = await repo.modelInfo(db, TOPIC_MODEL);
  const trainedAt = info?.trainedAt.getTime() ?? null;
  if (held && held.trainedAt === trainedAt) {
    held.checkedAt = now;
    return held;
  }
  const stored = info ? await repo.loadModel(db, TOPIC_MODEL) : null;
  const model = stored ? deserializeModel(stored.model) : null;
  const loaded: Loaded = {
    classifier: await loadClassifier(db),
    model: model && stored ? { model, texts: stored.texts } : null,
    trainedAt,
    checkedAt: now,
  };
  cache.set(db, loaded);
  return loaded;
}

/** Forgets what this process holds, so the next suggestion reads the stored model and topics again. */
export function forgetTopicModel(db: Db): void {
  cache.delete(db);
}

export type SuggestionWithDepartment = TopicSuggestion & { department: GroupDepartment | null };

/**
 * The three most likely topics of a text, each with its group, confidence, the words that decided and,
 * for a municipality, the department its group goes to there.
 */
export async function suggestionsFor(db: Db, text: string, organizationId: string | null = null): Promise<SuggestionWithDepartment[]> {
  const suggestions = suggestTopicsFor(text, await sources(db), 3);
  const departments = organizationId ? await departmentsOfGroups(db, organizationId, suggestions.map((s) => s.group)) : new Map<string, GroupDepartment>();
  return suggestions.map((s) => ({ ...s, department: departments.get(s.group) ?? null }));
}

/**
 * Trains the topic model when people have set enough topics since the last training (or there is no
 * model of the current format yet); returns whether it trained.
 */
export async function trainTopicModel(db: Db, now: Date, log?: FastifyBaseLogger): Promise<boolean> {
  const info = await repo.modelInfo(db, TOPIC_MODEL);
  const current = info && info.format === MODEL_FORMAT;
  const fresh = await repo.countPersonMarks(db, current ? info.learntUntil : null);
  const { retrainEvery } = await loadTopicSuggestionSettings(db);
  if (current ? fresh < retrainEvery : fresh < FIRST_MODEL_AT) return false;
  const rows = await repo.trainingSet(db, TRAINING_LIMIT);
  const labels = new Set(rows.map((r) => r.topic));
  if (labels.size < 2) return false;
  const started = performance.now();
  const model = await trainClassifierAsync(rows.map((r) => r.text), rows.map((r) => r.topic));
  await repo.saveModel(db, {
    name: TOPIC_MODEL, format: MODEL_FORMAT, model: serializeModel(model), texts: rows.length, labels: labels.size,
    learntUntil: rows[0].at, trainedAt: now,
  });
  forgetTopicModel(db);
  log?.info({ texts: rows.length, labels: labels.size, seconds: Math.round(performance.now() - started) / 1000 }, 'модель тем обучена');
  return true;
}

export function topicModelJob(db: Db, log?: FastifyBaseLogger): Job {
  return { name: TOPIC_MODEL_JOB, everyMs: 10 * 60_000, run: (now) => trainTopicModel(db, now, log) };
}

export { markTopic as recordTopic } from './repository';

/** The topic an import files by itself: the first suggestion when it is at least as sure as the administrator set; otherwise null. */
export async function autoTopic(db: Db, text: string): Promise<string | null> {
  const { autoFileThreshold } = await loadTopicSuggestionSettings(db);
  if (autoFileThreshold === null) return null;
  const [first] = await suggestionsFor(db, text);
  return first && first.confidence >= autoFileThreshold ? first.topic : null;
}
