// A text classifier that learns from labelled texts: multinomial logistic regression over TF-IDF
// stems and stem pairs, fitted by L-BFGS. Deterministic (no random order, no random start), so the
// same texts always give the same model. Returns ranked labels with probabilities and the words
// of the text that decided.
import { buildVocabulary, DEFAULT_FEATURES, terms, vectorize, type FeatureOptions, type SparseVector, type Term, type Vocabulary } from './features';

export interface TrainOptions {
  features: FeatureOptions;
  /** L2 penalty on the weights (not on the intercepts), per text. */
  l2: number;
  maxIterations: number;
  /**
   * How far a rare label's texts weigh more than a common label's: each text weighs
   * (mean label size / its label's size) to this power; 0 — all texts alike, 1 — labels alike.
   */
  balance: number;
}

export const DEFAULT_TRAINING: TrainOptions = { features: DEFAULT_FEATURES, l2: 1e-5, maxIterations: 50, balance: 0.5 };

export interface Prediction {
  label: string;
  /** Probability of the label under the model, 0..1. */
  probability: number;
  /** Words of the text that speak most for the label, strongest first. */
  words: string[];
}

export interface TextModel {
  labels: string[];
  vocabulary: Vocabulary;
  /** columns × labels: a column's weights for every label lie together, as a text reads them. */
  weights: Float64Array;
  intercepts: Float64Array;
}

/** Fits a model on texts and their labels; any set of two or more labels. */
export function trainClassifier(texts: readonly string[], labels: readonly string[], options: Partial<TrainOptions> = {}): TextModel {
  const settings = { ...DEFAULT_TRAINING, ...options };
  if (texts.length !== labels.length) throw new Error('texts and labels differ in length');
  const labelSet = [...new Set(labels)].sort();
  const tokenized = texts.map((text) => terms(text, settings.features));
  // A term seen in a handful of thousands of texts says little and costs training time: the bar
  // rises with the data (2 texts up to 5,000, then one more per 2,500).
  const minDocs = Math.max(settings.features.minDocs, Math.ceil(texts.length / 2500));
  const vocabulary = buildVocabulary(tokenized, { ...settings.features, minDocs });
  const rows = tokenized.map((text) => vectorize(text, vocabulary));
  const classOf = Int32Array.from(labels, (label) => labelSet.indexOf(label));
  const { weights, intercepts } = fit(rows, classOf, labelSet.length, vocabulary.idf.length, settings);
  return { labels: labelSet, vocabulary, weights, intercepts };
}

/** trainClassifier that lets other work run between iterations: a server trains without stalling requests. */
export async function trainClassifierAsync(texts: readonly string[], labels: readonly string[], options: Partial<TrainOptions> = {}): Promise<TextModel> {
  const settings = { ...DEFAULT_TRAINING, ...options };
  if (texts.length !== labels.length) throw new Error('texts and labels differ in length');
  const labelSet = [...new Set(labels)].sort();
  const tokenized: Term[][] = [];
  for (let i = 0; i < texts.length; i++) {
    tokenized.push(terms(texts[i], settings.features));
    if (i % 500 === 499) await pause();
  }
  const minDocs = Math.max(settings.features.minDocs, Math.ceil(texts.length / 2500));
  const vocabulary = buildVocabulary(tokenized, { ...settings.features, minDocs });
  const rows = tokenized.map((text) => vectorize(text, vocabulary));
  const classOf = Int32Array.from(labels, (label) => labelSet.indexOf(label));
  const steps = fitSteps(rows, classOf, labelSet.length, vocabulary.idf.length, settings);
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  return { labels: labelSet, vocabulary, ...step.value };
}

/** A label below this probability for a text is left out of that text's share of the gradient. */
const NEGLIGIBLE = 1e-6;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Labels of a text, most probable first; at most `limit`, each with its deciding words. */
export function classify(model: TextModel, text: string, limit = 3, wordsPerLabel = 5): Prediction[] {
  const row = vectorize(terms(text, model.vocabulary.options), model.vocabulary);
  const scores = scoreRow(model, row);
  const order = [...scores.keys()].sort((a, b) => scores[b] - scores[a] || a - b).slice(0, limit);
  const means = wordsPerLabel > 0 ? columnMeans(model) : null;
  return order.map((k) => {
    if (!means) return { label: model.labels[k], probability: scores[k], words: [] };
    // A word decides for a label by how much more it weighs there than on average over labels.
    const contributions: { surface: string; value: number }[] = [];
    for (let i = 0; i < row.columns.length; i++) {
      const column = row.columns[i];
      const value = row.values[i] * (model.weights[column * model.labels.length + k] - means[column]);
      if (value > 0) contributions.push({ surface: row.surfaces[i], value });
    }
    contributions.sort((a, b) => b.value - a.value);
    const words: string[] = [];
    for (const { surface } of contributions) {
      const lower = surface.toLowerCase();
      if (!words.some((w) => w.toLowerCase().split(' ').includes(lower) || lower.split(' ').includes(w.toLowerCase()))) words.push(surface);
      if (words.length === wordsPerLabel) break;
    }
    return { label: model.labels[k], probability: scores[k], words };
  });
}

/** How many of the text's terms the model knows: with none, its ranking is only the labels' prior. */
export function knownTerms(model: TextModel, text: string): number {
  return vectorize(terms(text, model.vocabulary.options), model.vocabulary).columns.length;
}

const means = new WeakMap<TextModel, Float64Array>();

/** Each column's weight averaged over the labels, computed once per model. */
function columnMeans(model: TextModel): Float64Array {
  let result = means.get(model);
  if (!result) {
    const labelCount = model.labels.length;
    result = new Float64Array(model.vocabulary.idf.length);
    for (let j = 0; j < result.length; j++) {
      for (let k = 0; k < labelCount; k++) result[j] += model.weights[j * labelCount + k] / labelCount;
    }
    means.set(model, result);
  }
  return result;
}

/** Softmax probabilities of every label for one row. */
function scoreRow(model: TextModel, row: SparseVector): Float64Array {
  const labelCount = model.labels.length;
  const scores = model.intercepts.slice();
  for (let i = 0; i < row.columns.length; i++) {
    const offset = row.columns[i] * labelCount;
    const value = row.values[i];
    for (let k = 0; k < labelCount; k++) scores[k] += model.weights[offset + k] * value;
  }
  softmaxInPlace(scores);
  return scores;
}

function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp(scores[k] - max);
    sum += scores[k];
  }
  for (let k = 0; k < scores.length; k++) scores[k] /= sum;
}

// Parameters are one vector: columns × labels weights, then one intercept per label.
function fit(rows: SparseVector[], classOf: Int32Array, labelCount: number, columns: number, options: TrainOptions): { weights: Float64Array; intercepts: Float64Array } {
  const steps = fitSteps(rows, classOf, labelCount, columns, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

function* fitSteps(rows: SparseVector[], classOf: Int32Array, labelCount: number, columns: number, options: TrainOptions): Generator<void, { weights: Float64Array; intercepts: Float64Array }> {
  const size = labelCount * columns + labelCount;
  const n = rows.length;
  // Each text weighs by its label's size (see TrainOptions.balance); the weights sum to n.
  const sizes = new Float64Array(labelCount);
  for (const k of classOf) sizes[k]++;
  const textWeight = new Float64Array(labelCount);
  let total = 0;
  for (let k = 0; k < labelCount; k++) {
    textWeight[k] = sizes[k] ? (n / labelCount / sizes[k]) ** options.balance : 0;
    total += textWeight[k] * sizes[k];
  }
  for (let k = 0; k < labelCount; k++) textWeight[k] *= n / total;
  const scores = new Float64Array(labelCount);
  const deltas = new Float64Array(labelCount);
  const active = new Int32Array(labelCount);
  const objective = (x: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    const biasOffset = labelCount * columns;
    for (let r = 0; r < n; r++) {
      const row = rows[r];
      for (let k = 0; k < labelCount; k++) scores[k] = x[biasOffset + k];
      for (let i = 0; i < row.columns.length; i++) {
        const offset = row.columns[i] * labelCount;
        const value = row.values[i];
        for (let k = 0; k < labelCount; k++) scores[k] += x[offset + k] * value;
      }
      let max = -Infinity;
      for (let k = 0; k < labelCount; k++) if (scores[k] > max) max = scores[k];
      let sum = 0;
      for (let k = 0; k < labelCount; k++) sum += Math.exp(scores[k] - max);
      const logSum = max + Math.log(sum);
      const weight = textWeight[classOf[r]];
      loss += weight * (logSum - scores[classOf[r]]);
      // Labels the text gives almost no probability move the gradient by almost nothing: with many
      // labels most of them, and skipping them keeps the gradient pass to the labels that matter.
      let activeCount = 0;
      for (let k = 0; k < labelCount; k++) {
        const p = Math.exp(scores[k] - logSum);
        deltas[k] = (weight * (p - (k === classOf[r] ? 1 : 0))) / n;
        gradient[biasOffset + k] += deltas[k];
        if (p > NEGLIGIBLE || k === classOf[r]) active[activeCount++] = k;
      }
      if (activeCount * 2 > labelCount) {
        for (let i = 0; i < row.columns.length; i++) {
          const offset = row.columns[i] * labelCount;
          const value = row.values[i];
          for (let k = 0; k < labelCount; k++) gradient[offset + k] += deltas[k] * value;
        }
      } else {
        for (let i = 0; i < row.columns.length; i++) {
          const offset = row.columns[i] * labelCount;
          const value = row.values[i];
          for (let a = 0; a < activeCount; a++) {
            const k = active[a];
            gradient[offset + k] += deltas[k] * value;
          }
        }
      }
    }
    loss /= n;
    let penalty = 0;
    for (let j = 0; j < labelCount * columns; j++) {
      penalty += x[j] * x[j];
      gradient[j] += options.l2 * x[j];
    }
    return loss + (options.l2 / 2) * penalty;
  };
  const x = yield* lbfgsSteps(objective, new Float64Array(size), options.maxIterations);
  return { weights: x.subarray(0, labelCount * columns), intercepts: x.subarray(labelCount * columns) };
}

/** Minimises a smooth convex function by limited-memory BFGS with a backtracking line search. */
export function lbfgs(objective: (x: Float64Array, gradient: Float64Array) => number, start: Float64Array, maxIterations: number, memory = 5, tolerance = 1e-6): Float64Array {
  const steps = lbfgsSteps(objective, start, maxIterations, memory, tolerance);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** lbfgs one iteration at a time: yields after each, returns the minimum. */
function* lbfgsSteps(objective: (x: Float64Array, gradient: Float64Array) => number, start: Float64Array, maxIterations: number, memory = 5, tolerance = 1e-6): Generator<void, Float64Array> {
  const size = start.length;
  let x = start.slice();
  let gradient = new Float64Array(size);
  let value = objective(x, gradient);
  const sHistory: Float64Array[] = [];
  const yHistory: Float64Array[] = [];
  const rhoHistory: number[] = [];
  const direction = new Float64Array(size);
  const alpha = new Float64Array(memory);
  const nextX = new Float64Array(size);
  const nextGradient = new Float64Array(size);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (Math.sqrt(dot(gradient, gradient)) < tolerance) break;
    // Two-loop recursion: direction = −H·gradient.
    direction.set(gradient);
    for (let i = sHistory.length - 1; i >= 0; i--) {
      alpha[i] = rhoHistory[i] * dot(sHistory[i], direction);
      axpy(-alpha[i], yHistory[i], direction);
    }
    if (sHistory.length > 0) {
      const last = sHistory.length - 1;
      scale(direction, dot(sHistory[last], yHistory[last]) / dot(yHistory[last], yHistory[last]));
    } else {
      scale(direction, 1 / Math.max(1, Math.sqrt(dot(gradient, gradient))));
    }
    for (let i = 0; i < sHistory.length; i++) {
      const beta = rhoHistory[i] * dot(yHistory[i], direction);
      axpy(alpha[i] - beta, sHistory[i], direction);
    }
    scale(direction, -1);
    let slope = dot(gradient, direction);
    if (slope >= 0) {
      // Not a descent direction (curvature lost): restart from the gradient.
      sHistory.length = yHistory.length = rhoHistory.length = 0;
      direction.set(gradient);
      scale(direction, -1 / Math.max(1, Math.sqrt(dot(gradient, gradient))));
      slope = dot(gradient, direction);
    }
    let step = 1;
    let nextValue = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < size; j++) nextX[j] = x[j] + step * direction[j];
      nextValue = objective(nextX, nextGradient);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) break;
    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let j = 0; j < size; j++) {
      s[j] = nextX[j] - x[j];
      y[j] = nextGradient[j] - gradient[j];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (sHistory.length === memory) {
        sHistory.shift();
        yHistory.shift();
        rhoHistory.shift();
      }
      sHistory.push(s);
      yHistory.push(y);
      rhoHistory.push(1 / sy);
    }
    const converged = Math.abs(value - nextValue) <= tolerance * Math.max(1, Math.abs(value));
    x = nextX.slice();
    gradient = nextGradient.slice();
    value = nextValue;
    if (converged) break;
    yield;
  }
  return x;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}

function scale(x: Float64Array, a: number): void {
  for (let i = 0; i < x.length; i++) x[i] *= a;
}
