import { describe, expect, it } from 'vitest';
import { parsePollDate, parsePollKind, readPolls, shares } from '.';

const HEADERS = ['Муниципалитет', 'Вид', 'Вопрос', 'Тема', 'Начало', 'Окончание', 'Вариант', 'Голосов'];
const row = (line: number, ...cells: string[]) => ({ line, cells });

describe('poll table', () => {
  it('makes one poll of the rows of one question, period and municipality', () => {
    const result = readPolls(HEADERS, [
      row(2, 'beloyarsky', 'голосование', 'Какой двор благоустроить?', '0005.0005', '01.03.2026', '31.03.2026', 'Мира, 4', '120'),
      row(3, 'beloyarsky', 'голосование', 'Какой двор благоустроить?', '0005.0005', '01.03.2026', '31.03.2026', 'Ленина, 7', '80'),
      row(4, 'beloyarsky', 'обсуждение', 'Правила благоустройства', '0003.0009', '2026-04-01', '2026-04-20', 'За', '15'),
      row(5, '', '', '', '', '', '', '', ''),
    ]);
    expect(result).toEqual({
      ok: true, rejections: [],
      polls: [
        { municipality: 'beloyarsky', kind: 'vote', question: 'Какой двор благоустроить?', topic: '0005.0005', startsOn: '2026-03-01', endsOn: '2026-03-31', options: [{ label: 'Мира, 4', count: 120 }, { label: 'Ленина, 7', count: 80 }], rows: [2, 3] },
        { municipality: 'beloyarsky', kind: 'discussion', question: 'Правила благоустройства', topic: '0003.0009', startsOn: '2026-04-01', endsOn: '2026-04-20', options: [{ label: 'За', count: 15 }], rows: [4] },
      ],
    });
  });

  it.each([
    ['a count that is no number', ['x', '', 'В', '0005', '01.03.2026', '02.03.2026', 'Да', 'много'], 'Голосов'],
    ['a date that is no date', ['x', '', 'В', '0005', '31.02.2026', '02.03.2026', 'Да', '1'], 'Начало'],
    ['the end before the start', ['x', '', 'В', '0005', '05.03.2026', '02.03.2026', 'Да', '1'], 'Окончание'],
    ['a topic that is no code', ['x', '', 'В', 'ЖКХ', '01.03.2026', '02.03.2026', 'Да', '1'], 'Код темы'],
    ['an unknown kind', ['x', 'референдум', 'В', '0005', '01.03.2026', '02.03.2026', 'Да', '1'], 'Вид'],
  ])('rejects the whole poll for %s', (_name, cells, column) => {
    const second = [...cells.slice(0, 6), 'Нет', '2'];
    const result = readPolls(HEADERS, [row(2, ...cells), row(3, ...second), row(4, 'x', '', 'Другой', '0005', '01.03.2026', '02.03.2026', 'Да', '3')]);
    if (!result.ok) throw new Error('headers');
    expect(result.polls.map((p) => p.question)).toEqual(['Другой']);
    expect(result.rejections.map((r) => [r.row, r.column])).toContainEqual([2, column]);
  });

  it('names the missing required columns', () => {
    expect(readPolls(['Вопрос', 'Вариант'], [])).toEqual({ ok: false, missing: ['Код темы', 'Начало', 'Окончание', 'Голосов'] });
  });
});

describe('values', () => {
  it.each([['15.03.2026', '2026-03-15'], ['2026-03-15', '2026-03-15'], ['1.3.2026', '2026-03-01'], ['29.02.2026', null], ['март', null]])('date %s → %s', (v, e) => {
    expect(parsePollDate(v)).toBe(e);
  });
  it.each([['', 'vote'], ['Голосование', 'vote'], ['Общественное обсуждение', 'discussion'], ['публичные слушания', 'discussion'], ['иное', null]])('kind %s → %s', (v, e) => {
    expect(parsePollKind(v)).toBe(e);
  });
  it('shares of the votes', () => {
    expect(shares([{ count: 1 }, { count: 2 }])).toEqual([33.3, 66.7]);
    expect(shares([{ count: 0 }])).toEqual([0]);
  });
});
