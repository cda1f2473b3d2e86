import { describe, expect, it } from 'vitest';
import { normalize, stripHtml, tokens } from './normalize';
import { stem } from './stem';
import { DEFAULT_FEATURES, terms } from './features';
import { classify, lbfgs, trainClassifier } from './classifier';
import { assignFolds, crossValidate } from './evaluate';

describe('normalize', () => {
  it('strips tags, comments and entities and keeps line breaks', () => {
    expect(stripHtml('<p>Яма&nbsp;на <b>дороге</b></p><!-- x --><br>ул.&#160;Ленина &laquo;15&raquo;')).toBe('\nЯма на  дороге \n \nул. Ленина «15»');
    expect(stripHtml('a <script>alert(1)</script> b')).toBe('a   b');
  });
  it('lower-cases, reads ё as е and keeps letters only', () => {
    expect(normalize('ЁЛКА Ёж')).toBe('елка еж');
    expect(tokens('Во дворе д. 5 — ЁЛКИ, из-за <i>снега</i> 2024')).toEqual(['во', 'дворе', 'д', 'елки', 'из-за', 'снега']);
  });
});

describe('stem', () => {
  it('gives the Snowball Russian stems', () => {
    expect(['дорогах', 'дорога', 'горячей', 'воды', 'фонари'].map(stem)).toEqual(['дорог', 'дорог', 'горяч', 'вод', 'фонар']);
    expect(stem('wifi')).toBe('wifi');
  });
  it('makes stems and pairs of stems without stop words', () => {
    expect(terms('Нет горячей воды в доме', { ...DEFAULT_FEATURES, keywordGroups: false }).map((t) => t.key)).toEqual(['горяч', 'вод', 'горяч вод', 'дом', 'вод дом']);
  });
  it('adds the operational groups whose shipped keywords occur in the text, one term per keyword', () => {
    const groupTerms = terms('Нет горячей воды в доме').filter((t) => t.key.startsWith('#'));
    expect(groupTerms.map((t) => t.key)).toContain('#utilities');
    expect(groupTerms.find((t) => t.key === '#utilities')?.surface).toMatch(/вод/);
  });
});

const TRAINING = [
  ['Нет горячей воды уже неделю', 'utilities'],
  ['Третий день нет горячей воды в квартире', 'utilities'],
  ['Холодные батареи, отопление не работает', 'utilities'],
  ['В подъезде холодно, батареи отопления ледяные', 'utilities'],
  ['Яма на дороге возле остановки', 'roads'],
  ['Разбитая дорога, ямы на проезжей части', 'roads'],
  ['Не чистят дорогу от снега, проезжая часть в колее', 'roads'],
  ['Ямочный ремонт дороги не сделан', 'roads'],
  ['Мусор не вывозят с контейнерной площадки', 'waste'],
  ['Переполнены мусорные контейнеры, свалка во дворе', 'waste'],
  ['Контейнеры для мусора не вывозят неделю', 'waste'],
  ['Стихийная свалка мусора у гаражей', 'waste'],
] as const;

describe('classifier', () => {
  const model = trainClassifier(TRAINING.map(([t]) => t), TRAINING.map(([, l]) => l));

  it('ranks labels with probabilities that sum to at most one and names the deciding words', () => {
    const [first, ...rest] = classify(model, 'Опять нет горячей воды!', 3);
    expect(first.label).toBe('utilities');
    expect(first.words.join(' ').toLowerCase()).toMatch(/горячей|воды/);
    expect(rest).toHaveLength(2);
    const total = [first, ...rest].reduce((s, p) => s + p.probability, 0);
    expect(total).toBeLessThanOrEqual(1 + 1e-9);
    expect(first.probability).toBeGreaterThan(rest[0].probability);
    expect(classify(model, 'Огромная яма на дороге', 1)[0].label).toBe('roads');
    expect(classify(model, 'Не вывозят мусор', 1)[0].label).toBe('waste');
  });

  it('is deterministic', () => {
    const again = trainClassifier(TRAINING.map(([t]) => t), TRAINING.map(([, l]) => l));
    expect(Array.from(again.weights)).toEqual(Array.from(model.weights));
  });

  it('minimises a quadratic', () => {
    const x = lbfgs((v, g) => {
      g[0] = 2 * (v[0] - 3);
      g[1] = 4 * (v[1] + 1);
      return (v[0] - 3) ** 2 + 2 * (v[1] + 1) ** 2;
    }, new Float64Array(2), 100);
    expect(x[0]).toBeCloseTo(3, 4);
    expect(x[1]).toBeCloseTo(-1, 4);
  });
});

describe('evaluate', () => {
  it('deals each label evenly over the folds', () => {
    const folds = assignFolds(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'], 3);
    const count = (f: number) => folds.filter((x) => x === f).length;
    expect([count(0), count(1), count(2)]).toEqual([3, 3, 3]);
  });
  it('cross-validates every text once', () => {
    const result = crossValidate(TRAINING.map(([text, label]) => ({ text, label })), 4);
    expect(result.n).toBe(TRAINING.length);
    expect(result.labels).toBe(3);
    expect(result.accuracy).toBeGreaterThan(0.5);
    expect(result.top3).toBe(1);
    expect(Object.keys(result.perLabel)).toEqual(['roads', 'utilities', 'waste']);
  });
});
