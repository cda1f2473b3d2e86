import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';

const clock = new ManualClock(new Date('2026-06-15T06:00:00Z'));
let t: TestApp;
let head: Session;
beforeAll(async () => {
  t = await buildTestApp({ clock });
  head = await t.login('beloyarsky.head');
});
afterAll(async () => { await t.close(); });

function upload(session: Session, content: Buffer, filename: string, municipality?: string) {
  const boundary = 'pollsboundary';
  const parts = [
    ...(municipality ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="municipality"\r\n\r\n${municipality}\r\n`)] : []),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  return session.request({ method: 'POST', url: '/api/polls/import', payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

describe('polls and public discussions (§1.3, §4.2)', () => {
  it('are shown on their topic beside the appeals of that topic over the same period', async () => {
    for (const [receivedAt, topic] of [['2026-03-05T05:00:00Z', '0005.0005.0056.1130'], ['2026-03-20T05:00:00Z', '0005.0005.0056.1131'], ['2026-04-05T05:00:00Z', '0005.0005.0056.1130'], ['2026-03-10T05:00:00Z', '0002.0004.0051.0235']]) {
      expect((await head.post('/api/appeals', { channel: 'pos', receivedAt, topic, text: 'Обращение о вывозе мусора', author: { surname: 'Опросов', name: 'Иван' } })).statusCode).toBe(201);
    }
    const res = await head.post('/api/polls', {
      municipality: 'beloyarsky', kind: 'vote', question: 'Где поставить новые контейнеры?', topic: '0005.0005',
      options: [{ label: 'У школы', count: 30 }, { label: 'У рынка', count: 10 }], startsOn: '2026-03-01', endsOn: '2026-03-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const poll = res.json();
    expect(poll).toMatchObject({ total: 40, options: [{ label: 'У школы', count: 30, share: 75 }, { label: 'У рынка', count: 10, share: 25 }], source: 'manual' });
    expect(poll.appeals.count).toBe(2);
    const registry = (await head.get(`/api/${poll.appeals.link.slice(1)}`)).json();
    expect(registry.total).toBe(2);

    // A topic under the poll's, and a section above it, find it; another topic does not.
    expect((await head.get('/api/polls?topic=0005.0005.0056.1130')).json().items.map((p: { id: string }) => p.id)).toEqual([poll.id]);
    expect((await head.get('/api/polls?topic=0005')).json().items.map((p: { id: string }) => p.id)).toEqual([poll.id]);
    expect((await head.get('/api/polls?topic=0002.0004')).json().items).toEqual([]);

    const ekb = await t.login('ekb.head');
    expect((await ekb.get('/api/polls')).json().items).toEqual([]);
    expect((await ekb.get(`/api/polls/${poll.id}`)).statusCode).toBe(404);
    expect((await ekb.del(`/api/polls/${poll.id}`)).statusCode).toBe(404);
    expect((await (await t.login('cur.analyst')).get(`/api/polls/${poll.id}`)).statusCode).toBe(200);
  });

  it('are imported from CSV: bad polls reported by row, the rest written, a repeated import replacing the counts', async () => {
    const csv = [
      'Вид;Вопрос;Код темы;Начало;Окончание;Вариант;Голосов',
      'голосование;Какой двор благоустроить в 2027 году?;0005.0005;01.04.2026;30.04.2026;Мира, 4;120',
      'голосование;Какой двор благоустроить в 2027 году?;0005.0005;01.04.2026;30.04.2026;Ленина, 7;80',
      'обсуждение;Проект правил благоустройства;0003.0009;01.05.2026;20.05.2026;Поддерживаю;15',
      'обсуждение;Проект правил благоустройства;0003.0009;01.05.2026;20.05.2026;Против;много',
      'голосование;Неизвестная тема;9999.1;01.05.2026;20.05.2026;Да;1',
    ].join('\n');
    const res = await upload(head, Buffer.from(csv), 'итоги.csv', 'beloyarsky');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      created: 1, updated: 0,
      rejected: [
        { row: 5, column: 'Голосов', problem: 'Ожидается целое неотрицательное число', value: 'много' },
        { row: 6, column: 'Код темы', problem: 'Нет такой темы в классификаторе', value: '9999.1' },
      ],
    });
    const again = await upload(head, Buffer.from(csv.replace(';120', ';125')), 'итоги.csv', 'beloyarsky');
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    const yard = (await head.get('/api/polls?topic=0005.0005')).json().items.find((p: { question: string }) => p.question.startsWith('Какой двор'));
    expect(yard).toMatchObject({ source: 'import', total: 205, startsOn: '2026-04-01', endsOn: '2026-04-30' });
    expect((await upload(head, Buffer.from('Вопрос;Вариант\nx;y'), 'x.csv', 'beloyarsky')).json().code).toBe('import_column_missing');
    // Rows without a municipality and no municipality chosen are reported, not guessed.
    const orphan = await upload(await t.login('cur.analyst'), Buffer.from(csv), 'итоги.csv');
    expect(orphan.json().rejected[0]).toMatchObject({ row: 2, column: 'Муниципалитет' });
  });

  it('are imported from XLSX naming the municipality in each row; a municipality cannot import into another', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Итоги');
    sheet.addRow(['Муниципалитет', 'Вопрос', 'Код темы', 'Начало', 'Окончание', 'Вариант', 'Голосов']);
    sheet.addRow(['beloyarsky', 'Название нового сквера', '0003.0009', '01.02.2026', '15.02.2026', 'Берёзовый', 40]);
    sheet.addRow(['ekaterinburg', 'Чужой вопрос', '0003.0009', '01.02.2026', '15.02.2026', 'Да', 5]);
    const content = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload(head, content, 'итоги.xlsx');
    expect(res.json()).toMatchObject({ created: 1, rejected: [{ row: 3, column: 'Муниципалитет', value: 'ekaterinburg' }] });
    expect((await head.get('/api/polls')).json().items.map((p: { question: string }) => p.question)).toContain('Название нового сквера');
  });

  it('refuses bad input on its fields and lets only the staff who keep them enter results', async () => {
    const bad = await head.post('/api/polls', { municipality: 'beloyarsky', kind: 'vote', question: 'Вопрос?', topic: '9999', options: [{ label: 'Да', count: 1 }, { label: 'да', count: 2 }], startsOn: '2026-03-10', endsOn: '2026-03-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['endsOn', 'topic', 'options']);
    const executor = await t.login('beloyarsky.executor');
    expect((await executor.post('/api/polls', { municipality: 'beloyarsky', kind: 'vote', question: 'Вопрос?', topic: '0005', options: [{ label: 'Да', count: 1 }], startsOn: '2026-03-01', endsOn: '2026-03-10' })).statusCode).toBe(403);
  });
});
