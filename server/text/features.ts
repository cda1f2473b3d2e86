// A text as a sparse vector: stems of its words and pairs of neighbouring stems, weighed by TF-IDF
// over the texts a model is trained on. Pairs tell «горячая вода» from «вода в подвале».
import { DEFAULT_CLASSIFIER, suggestTopics } from '../../domain/topics';
import { tokensWithSurface } from './normalize';
import { stem } from './stem';

// Words that occur in every kind of appeal and say nothing of its topic. Shipped with the project,
// not learnt from anyone's texts.
const STOP_WORDS = new Set(`
а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до
его ее ей ему если есть еще же за здесь и из или им их к как какой когда кто ли либо между меня мне
много может можно мой мы на над надо наш не него нее нет ни них но ну о об однако он она они оно от
очень по под после потому почему при про с сам свой себя со так также такой там те тем то того тоже
той только том ты у уже хотя чем через что чтобы чье эта эти это этого этой этом этот я
просим прошу пожалуйста здравствуйте добрый день уважаемые уважаемый спасибо
`.split(/\s+/).filter(Boolean));

export interface Term {
  /** A stem, or two stems joined by a space. */
  key: string;
  /** The words of the text it came from, as written. */
  surface: string;
}

export interface FeatureOptions {
  /** Pairs of neighbouring stems besides single stems. */
  bigrams: boolean;
  /** Terms found in fewer training texts are not features. */
  minDocs: number;
  /**
   * The operational groups whose shipped keywords occur in the text, one term per keyword found: the
   * model learns how much the keywords say about its own labels, whatever the label set.
   */
  keywordGroups: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = { bigrams: true, minDocs: 2, keywordGroups: true };

/** The terms of a text in order, repeats included. */
export function terms(text: string, options: FeatureOptions = DEFAULT_FEATURES): Term[] {
  const result: Term[] = [];
  let previous: Term | null = null;
  for (const { word, surface } of tokensWithSurface(text)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    const term: Term = { key: stem(word), surface };
    result.push(term);
    if (options.bigrams && previous) result.push({ key: `${previous.key} ${term.key}`, surface: `${previous.surface} ${term.surface}` });
    previous = term;
  }
  if (options.keywordGroups) {
    for (const suggestion of suggestTopics(text, DEFAULT_CLASSIFIER, Number.POSITIVE_INFINITY)) {
      for (const keyword of suggestion.matched) result.push({ key: `#${suggestion.group}`, surface: keyword });
    }
  }
  return result;
}

export interface Vocabulary {
  options: FeatureOptions;
  /** Term → column. */
  index: Map<string, number>;
  /** Inverse document frequency of each column. */
  idf: Float64Array;
}

/** Columns for the terms that occur in at least `minDocs` texts, in a fixed order. */
export function buildVocabulary(texts: readonly Term[][], options: FeatureOptions = DEFAULT_FEATURES): Vocabulary {
  const docs = new Map<string, number>();
  for (const text of texts) {
    for (const key of new Set(text.map((t) => t.key))) docs.set(key, (docs.get(key) ?? 0) + 1);
  }
  const kept = [...docs].filter(([, n]) => n >= options.minDocs).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const index = new Map<string, number>();
  const idf = new Float64Array(kept.length);
  kept.forEach(([key, n], column) => {
    index.set(key, column);
    idf[column] = Math.log((1 + texts.length) / (1 + n)) + 1;
  });
  return { options, index, idf };
}

/** A sparse row: columns in ascending order and their weights; `surfaces` name each column's words. */
export interface SparseVector {
  columns: Int32Array;
  values: Float64Array;
  surfaces: string[];
}

/** Sublinear TF-IDF, scaled to unit length; terms outside the vocabulary are dropped. */
export function vectorize(text: readonly Term[], vocabulary: Vocabulary): SparseVector {
  const counts = new Map<number, { count: number; surface: string }>();
  for (const term of text) {
    const column = vocabulary.index.get(term.key);
    if (column === undefined) continue;
    const entry = counts.get(column);
    if (entry) entry.count++;
    else counts.set(column, { count: 1, surface: term.surface });
  }
  const sorted = [...counts].sort((a, b) => a[0] - b[0]);
  const columns = new Int32Array(sorted.length);
  const values = new Float64Array(sorted.length);
  const surfaces: string[] = [];
  let norm = 0;
  sorted.forEach(([column, { count, surface }], i) => {
    columns[i] = column;
    values[i] = (1 + Math.log(count)) * vocabulary.idf[column];
    norm += values[i] * values[i];
    surfaces.push(surface);
  });
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < values.length; i++) values[i] /= norm;
  return { columns, values, surfaces };
}
