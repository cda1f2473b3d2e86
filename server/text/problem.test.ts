import { describe, expect, it } from 'vitest';
import { clusterPairs, writtenPairs, type LabelledPair } from './fixtures/clusterPairs';
import { problemsOf, sameProblem } from './problem';
import { placeOf, samePlace } from './place';
import { authorKeys, sameAuthor } from './author';

/** Precision, recall and F1 of the pair decision on the labelled pairs. */
function pairScores(pairs: LabelledPair[] = [...clusterPairs(), ...writtenPairs()]) {
  let tp = 0; let fp = 0; let fn = 0;
  const errors: string[] = [];
  for (const p of pairs) {
    const said = sameProblem(p.a, p.b);
    if (said && p.same) tp++;
    else if (said && !p.same) { fp++; errors.push(`FP ${p.kind}: ${p.a.address ?? ''} ${p.a.text} || ${p.b.address ?? ''} ${p.b.text}`); }
    else if (!said && p.same) { fn++; errors.push(`FN ${p.kind}: ${p.a.address ?? ''} ${p.a.text} || ${p.b.address ?? ''} ${p.b.text}`); }
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return { n: pairs.length, positives: pairs.filter((p) => p.same).length, precision, recall, f1: (2 * precision * recall) / (precision + recall), errors };
}

describe('problem clusters: the pair decision', () => {
  it('reaches pair F1 of 0.9 on 300+ labelled pairs with hard negatives', () => {
    const s = pairScores();
    if (process.env.SHOW_PAIR_ERRORS) {
      const written = pairScores(writtenPairs());
      console.log(JSON.stringify({ ...s, errors: undefined }), JSON.stringify({ written: { ...written, errors: undefined } }), '\n' + s.errors.join('\n'));
    }
    expect(s.n).toBeGreaterThanOrEqual(300);
    expect(clusterPairs().filter((p) => p.kind === 'other_problem_same_place').length).toBeGreaterThanOrEqual(50);
    expect(clusterPairs().filter((p) => p.kind === 'same_problem_other_town').length).toBeGreaterThanOrEqual(40);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('reads a street and a house in the forms people write them', () => {
    expect(placeOf(null, 'На улице Мира возле дома 5 нет воды')).toMatchObject({ street: 'мир', house: '5' });
    expect(placeOf('г. Белоярский, Мира 5', '')).toMatchObject({ street: 'мир', house: '5' });
    expect(placeOf(null, 'в доме 12а по улице Молодёжной')).toMatchObject({ street: 'молодежн', house: '12а' });
    expect(placeOf(null, 'УЛ. МОЛОДЁЖНАЯ д 7')?.street).toBe('молодежн');
    expect(placeOf(null, 'Просим улучшить дорогу')).toBeNull();
    expect(samePlace({ street: 'мир', house: '5' }, { street: 'мир', house: null })).toBe(true);
    expect(samePlace({ street: 'мир', house: '5' }, { street: 'мир', house: '7' })).toBe(false);
  });

  it('names the problem of a text', () => {
    expect(problemsOf('Третью неделю нет горячей воды')[0].code).toBe('hot_water');
    expect(problemsOf('огромная яма на дороге')[0].code).toBe('pothole');
    expect(problemsOf('машину поставили на газон').map((p) => p.code)).not.toContain('gas');
  });
});

describe('the author of an appeal', () => {
  it('is the same person by e-mail, phone or name with address, not by a name another contact contradicts', () => {
    const a = authorKeys({ surname: 'Иванова', name: 'Ольга', phone: '+7 (922) 123-45-67' });
    expect(sameAuthor(a, authorKeys({ surname: 'ИВАНОВА', name: 'ольга', phone: '8 922 1234567' }))).toBe(true);
    expect(sameAuthor(a, authorKeys({ surname: 'Петров', name: 'Иван', phone: '89221234567' }))).toBe(true);
    expect(sameAuthor(a, authorKeys({ surname: 'Иванова', name: 'Ольга' }))).toBe(true);
    expect(sameAuthor(a, authorKeys({ surname: 'Иванова', name: 'Ольга', phone: '+79000000000' }))).toBe(false);
    expect(sameAuthor(authorKeys({ surname: 'Ёлкин', name: 'Пётр', postalAddress: '628162, г. Белоярский, ул. Мира, д. 5, кв. 3' }),
      authorKeys({ surname: 'Елкин', name: 'Петр', postalAddress: 'Белоярский, Мира 5 кв 3', email: 'p@example.ru' }))).toBe(true);
  });
});
