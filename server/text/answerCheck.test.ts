import { describe, expect, it } from 'vitest';
import answers from './fixtures/answers.json' with { type: 'json' };
import { checkAnswer } from './answerCheck';

describe('the «отписка» check', () => {
  it('finds formal answers in the fixture with precision ≥ 0.9 and recall ≥ 0.8', () => {
    expect(answers.length).toBeGreaterThanOrEqual(100);
    expect(answers.filter((a) => a.formal).length).toBeGreaterThanOrEqual(40);
    expect(answers.filter((a) => !a.formal).length).toBeGreaterThanOrEqual(40);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    for (const { appeal, answer, formal } of answers) {
      const result = checkAnswer(appeal, answer);
      if (result.formal && formal) tp++;
      if (result.formal && !formal) fp++;
      if (!result.formal && formal) fn++;
      if (result.formal !== formal) wrong.push(`${formal ? 'missed' : 'false alarm'} ${result.score}: ${answer}`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect({ precision: precision >= 0.9, recall: recall >= 0.8, wrong }).toMatchObject({ precision: true, recall: true });
  });

  it('names its reasons', () => {
    const result = checkAnswer('Во дворе яма', 'Ваше обращение рассмотрено в установленном порядке. Информация принята к сведению.');
    expect(result.formal).toBe(true);
    expect(result.reasons.map((r) => r.code)).toEqual(['no_action', 'no_term', 'no_responsible', 'stock_phrases', 'subject_missed']);
    expect(result.reasons.find((r) => r.code === 'stock_phrases')?.message).toMatch(/«рассмотрено в установленном порядке», «информация принята к сведению»/);
    const good = checkAnswer('Во дворе дома 5 яма', 'Яма во дворе дома № 5 засыпана 3 мая бригадой МБУ «Благоустройство».');
    expect(good).toEqual({ formal: false, score: 0, reasons: [] });
  });

  it('does not take the date of the appeal for a term', () => {
    const result = checkAnswer('Яма на дороге', 'Ваше обращение от 12.03.2026 № 45 рассмотрено, информация принята к сведению.');
    expect(result.reasons.map((r) => r.code)).toContain('no_term');
  });

  it('reads a term and a body after a space, where word edges are Russian letters', () => {
    const terms = ['Работы включены в план на 2026 год.', 'Работы выполнят до конца мая.', 'Работы выполнят в июне.'];
    for (const answer of terms) expect(checkAnswer('Яма на дороге', answer).reasons.map((r) => r.code), answer).not.toContain('no_term');
    expect(checkAnswer('Яма на дороге', 'Работы выполнят в течение лета.').reasons.map((r) => r.code)).toContain('no_term');
    expect(checkAnswer('Яма на дороге', 'Яму засыплет МУП до 1 июня.').reasons.map((r) => r.code)).not.toContain('no_responsible');
    expect(checkAnswer('Яма на дороге', 'Яму засыплют до 1 июня, контроль — Петров И. И.').reasons.map((r) => r.code)).not.toContain('no_responsible');
  });
});
