// How well a text classifier does on labelled texts it was not trained on: k-fold cross-validation
// or a fixed train/test split, with the figures `otklik text eval` prints.
import { classify, trainClassifier, type TextModel, type TrainOptions } from './classifier';

export interface LabelFigures {
  n: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  /** Texts evaluated (each once). */
  n: number;
  labels: number;
  accuracy: number;
  top3: number;
  macroF1: number;
  /** Share of texts given any label with probability at least `confidentAt`. */
  coverage: number;
  perLabel: Record<string, LabelFigures>;
  trainSeconds: number;
  textsPerSecond: number;
}

export interface LabelledText {
  text: string;
  label: string;
}

/** A prediction counts towards coverage when the model is at least this sure of its first label. */
export const CONFIDENT_AT = 0.5;

interface Outcome {
  label: string;
  ranked: string[];
  probability: number;
}

/** Stratified folds: each label's texts are dealt out in a fixed shuffled order, so folds keep its share. */
export function assignFolds(labels: readonly string[], folds: number, seed = 1): Int32Array {
  const random = mulberry32(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = byLabel.get(label);
    if (list) list.push(i);
    else byLabel.set(label, [i]);
  });
  const fold = new Int32Array(labels.length);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const indices = byLabel.get(label)!;
    for (let i = indices.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indices[i], indices[j]] = [indices[j], indices[i]];
    }
    // Continue dealing where the previous label stopped, so small labels do not all land in fold 0.
    for (const index of indices) fold[index] = next++ % folds;
  }
  return fold;
}

export function crossValidate(data: readonly LabelledText[], folds = 5, options: Partial<TrainOptions> = {}): Evaluation {
  const fold = assignFolds(data.map((d) => d.label), folds);
  const outcomes: Outcome[] = [];
  let trainMs = 0;
  let classifyMs = 0;
  for (let f = 0; f < folds; f++) {
    const train = data.filter((_, i) => fold[i] !== f);
    const test = data.filter((_, i) => fold[i] === f);
    if (test.length === 0) continue;
    const run = trainAndTest(train, test, options);
    trainMs += run.trainMs;
    classifyMs += run.classifyMs;
    outcomes.push(...run.outcomes);
  }
  return figures(outcomes, data.map((d) => d.label), trainMs / folds, classifyMs);
}

export function trainTestSplit(train: readonly LabelledText[], test: readonly LabelledText[], options: Partial<TrainOptions> = {}): Evaluation {
  const run = trainAndTest(train, test, options);
  return figures(run.outcomes, [...train, ...test].map((d) => d.label), run.trainMs, run.classifyMs);
}

function trainAndTest(train: readonly LabelledText[], test: readonly LabelledText[], options: Partial<TrainOptions>) {
  let started = performance.now();
  const model: TextModel = trainClassifier(train.map((d) => d.text), train.map((d) => d.label), options);
  const trainMs = performance.now() - started;
  started = performance.now();
  const outcomes = test.map((d) => {
    const predictions = classify(model, d.text, 3, 0);
    return { label: d.label, ranked: predictions.map((p) => p.label), probability: predictions[0]?.probability ?? 0 };
  });
  return { outcomes, trainMs, classifyMs: performance.now() - started };
}

function figures(outcomes: Outcome[], allLabels: string[], trainMs: number, classifyMs: number): Evaluation {
  const labels = [...new Set(allLabels)].sort();
  const perLabel: Record<string, LabelFigures> = {};
  let correct = 0;
  let top3 = 0;
  let covered = 0;
  const truePositive = new Map<string, number>();
  const predicted = new Map<string, number>();
  const actual = new Map<string, number>();
  for (const o of outcomes) {
    const first = o.ranked[0];
    actual.set(o.label, (actual.get(o.label) ?? 0) + 1);
    if (first !== undefined) predicted.set(first, (predicted.get(first) ?? 0) + 1);
    if (first === o.label) {
      correct++;
      truePositive.set(o.label, (truePositive.get(o.label) ?? 0) + 1);
    }
    if (o.ranked.includes(o.label)) top3++;
    if (o.probability >= CONFIDENT_AT) covered++;
  }
  let f1Sum = 0;
  let f1Count = 0;
  for (const label of labels) {
    const tp = truePositive.get(label) ?? 0;
    const n = actual.get(label) ?? 0;
    const p = predicted.get(label) ?? 0;
    const precision = p ? tp / p : 0;
    const recall = n ? tp / n : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[label] = { n, precision: round(precision), recall: round(recall), f1: round(f1) };
    if (n > 0) {
      f1Sum += f1;
      f1Count++;
    }
  }
  const n = outcomes.length;
  return {
    n,
    labels: labels.length,
    accuracy: round(n ? correct / n : 0),
    top3: round(n ? top3 / n : 0),
    macroF1: round(f1Count ? f1Sum / f1Count : 0),
    coverage: round(n ? covered / n : 0),
    perLabel,
    trainSeconds: round(trainMs / 1000, 3),
    textsPerSecond: Math.round(classifyMs > 0 ? (n / classifyMs) * 1000 : 0),
  };
}

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
