// Topic suggestions for an appeal: the installation's learnt model blended with the keyword hints of
// its classifier. A new installation has no model, and the keywords alone serve it; the more topics
// people have set, the more the model weighs.
import { suggestTopics, type TopicClassifier } from '../../domain/topics';
import { classify, knownTerms, type TextModel } from './classifier';

export interface TopicSuggestion {
  topic: string;
  topicTitle: string;
  group: string;
  /** 0..1: the blended probability that the topic is right. */
  confidence: number;
  /** Words of the text that decided, strongest first. */
  words: string[];
}

export interface SuggestionSources {
  classifier: TopicClassifier;
  /** The learnt model and the number of person-set topics it learnt from; null before the first training. */
  model: { model: TextModel; texts: number } | null;
}

/** Keyword evidence as probabilities: a topic's share of the evidence, with room left for «none of these». */
const KEYWORD_DOUBT = 2;
/** Person-set topics at which the model and the keywords weigh the same. */
const MODEL_HALF_WEIGHT_AT = 200;
const MODEL_MAX_WEIGHT = 0.85;

export function suggestTopicsFor(text: string, sources: SuggestionSources, limit = 3): TopicSuggestion[] {
  const topics = new Map(sources.classifier.topics.map((t) => [t.code, t]));
  const keyword = new Map<string, { p: number; words: string[] }>();
  const found = suggestTopics(text, sources.classifier, Number.POSITIVE_INFINITY);
  const evidence = found.reduce((sum, s) => sum + s.score, 0);
  for (const s of found) keyword.set(s.code, { p: s.score / (evidence + KEYWORD_DOUBT), words: s.matched });

  const learnt = new Map<string, { p: number; words: string[] }>();
  let weight = 0;
  if (sources.model && knownTerms(sources.model.model, text) > 0) {
    weight = Math.min(MODEL_MAX_WEIGHT, sources.model.texts / (sources.model.texts + MODEL_HALF_WEIGHT_AT));
    for (const p of classify(sources.model.model, text, Math.max(limit * 3, 10), 5)) {
      if (topics.has(p.label)) learnt.set(p.label, { p: p.probability, words: p.words.filter((w) => !w.startsWith('#')) });
    }
  }
  // Without keyword evidence the model speaks alone, and without a model the keywords do.
  if (keyword.size === 0) weight = 1;
  if (learnt.size === 0) weight = 0;

  const blended: TopicSuggestion[] = [];
  for (const code of new Set([...learnt.keys(), ...keyword.keys()])) {
    const topic = topics.get(code);
    if (!topic) continue;
    const m = learnt.get(code);
    const k = keyword.get(code);
    const confidence = weight * (m?.p ?? 0) + (1 - weight) * (k?.p ?? 0);
    if (confidence <= 0) continue;
    const words = [...new Set([...(weight >= 0.5 ? [m?.words ?? [], k?.words ?? []] : [k?.words ?? [], m?.words ?? []]).flat()])].slice(0, 5);
    blended.push({ topic: code, topicTitle: topic.title, group: topic.group, confidence: Math.round(confidence * 1000) / 1000, words });
  }
  blended.sort((a, b) => b.confidence - a.confidence || a.topic.localeCompare(b.topic));
  return blended.slice(0, limit);
}
