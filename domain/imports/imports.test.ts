import { describe, expect, it } from 'vitest';
import { matchHeaders, POS_COLUMNS, INCIDENT_COLUMNS } from './columns';
import { parseImportDate, platformOf, ratingOf, readPosRow, resultOf, statusOf } from './values';

const TZ = 'Asia/Yekaterinburg';

describe('headers', () => {
  it('finds columns by name in any order, in any case, among others', () => {
    const match = matchHeaders(POS_COLUMNS, ['Служебное', ' дата  поступления ', 'ФАКТ', '\uFEFFНомер', 'Оценка ответа заявителем']);
    expect(match).toEqual({ ok: true, index: { receivedAt: 1, text: 2, number: 3, rating: 4 } });
  });
  it('names every missing required column', () => {
    expect(matchHeaders(POS_COLUMNS, ['Номер', 'Статус'])).toEqual({ ok: false, missing: ['Факт', 'Дата поступления'] });
    expect(matchHeaders(INCIDENT_COLUMNS, ['Текст', 'Дата'])).toEqual({ ok: false, missing: ['ID инцидента'] });
  });
});

describe('values', () => {
  it.each([
    ['15.03.2026 10:22', '2026-03-15T05:22:00.000Z'],
    ['15.03.2026', '2026-03-14T19:00:00.000Z'],
    ['2026-03-15 10:22:30', '2026-03-15T05:22:30.000Z'],
    ['2026-03-15T10:22:00+03:00', '2026-03-15T07:22:00.000Z'],
  ])('reads the date %s in the municipality\'s zone', (value, iso) => {
    expect(parseImportDate(value, TZ)?.toISOString()).toBe(iso);
  });
  it.each(['31.02.2026', 'вчера', '15.13.2026', '2026-03-15 25:00', ''])('refuses %j', (value) => {
    expect(parseImportDate(value, TZ)).toBeNull();
  });
  it.each([
    ['Новое', 'registered'], ['В работе', 'in_progress'], ['Ответ подготовлен', 'on_approval'], ['Решено', 'answered'],
    ['Закрыто', 'closed'], ['Перенаправлено', 'forwarded'], ['Отклонено', 'left_without_answer'], ['Отвечен', 'answered'], ['что-то новое?', null],
  ])('status %s → %s', (value, status) => {
    expect(statusOf(value)).toBe(status);
  });
  it('ratings, results and platforms', () => {
    expect([ratingOf('4'), ratingOf(''), ratingOf('Отрицательная'), ratingOf('7')]).toEqual([4, null, 1, 'invalid']);
    expect([resultOf('Разъяснено'), resultOf('Не поддержано'), resultOf('')]).toEqual(['explained', 'not_supported', null]);
    expect([platformOf('ВКонтакте', ''), platformOf('', 'https://t.me/x/1'), platformOf('Форум', '')]).toEqual(['vk', 'telegram', null]);
  });
});

describe('a ПОС row', () => {
  const match = matchHeaders(POS_COLUMNS, ['Номер', 'Факт', 'Дата поступления', 'Статус', 'Оценка ответа заявителем', 'Дата фактического завершения']);
  const index = match.ok ? match.index : {};
  const now = new Date('2026-04-01T00:00:00Z');
  it('becomes the appeal\'s fields', () => {
    const read = readPosRow(index, ['77', 'Яма у дома', '01.03.2026 09:00', 'Закрыто', '5', '05.03.2026 12:00'], 2, TZ, now);
    expect(read).toMatchObject({ record: { externalId: '77', status: 'closed', ratingScore: 5, receivedAt: new Date('2026-03-01T04:00:00Z'), closedAt: new Date('2026-03-05T07:00:00Z') } });
  });
  it('is rejected with every problem: row, column, problem, value', () => {
    const read = readPosRow(index, ['', 'Яма у дома', '01.04.2027', 'Непонятно', '9', ''], 7, TZ, now);
    expect(read).toEqual({ problems: [
      { row: 7, column: 'Номер', problem: 'Не заполнено обязательное значение', value: '' },
      { row: 7, column: 'Дата поступления', problem: 'Дата поступления в будущем', value: '01.04.2027' },
      { row: 7, column: 'Статус', problem: 'Неизвестный статус', value: 'Непонятно' },
      { row: 7, column: 'Оценка ответа заявителем', problem: 'Оценка должна быть числом от 1 до 5', value: '9' },
    ] });
  });
});
