// What the text pipeline marks at intake, seen through the API: repeated appeals and re-sends, problem
// clusters, obscene words, threats and tone, and the «отписка» warning the head approves past.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { and, asc, eq } from 'drizzle-orm';
import { ManualClock } from '../../platform/clock';
import { auditLog } from '../../db/schema';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let contact: Session;
let head: Session;
let executor: Session;
let analyst: Session;
let ekb: Session;

const at = (iso: string) => ({ receivedAt: iso, registeredAt: iso });

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [contact, head, executor, analyst, ekb] = await Promise.all(['beloyarsky.contact', 'beloyarsky.head', 'beloyarsky.executor', 'cur.analyst', 'ekb.contact'].map((l) => t.login(l)));
});
afterAll(async () => { await t.close(); });

async function auditOf(entityId: string, action: string) {
  return t.database.db.select({ before: auditLog.before, after: auditLog.after }).from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action))).orderBy(asc(auditLog.id));
}

describe('repeated appeals (59-ФЗ)', () => {
  const author = { surname: 'Ёлкина', name: 'Вера', patronymic: 'Павловна', phone: '+7 (922) 555-12-34' };

  it('marks the same author on the same question as repeated, shows the earlier one, and counts it in the quarterly report', async () => {
    const before = (await head.post('/api/reports', { year: 2026, quarter: 1 })).json().figures.repeated.value;
    const first = (await contact.post('/api/appeals', {
      channel: 'fz59', ...at('2026-01-12T05:00:00Z'), author,
      text: 'Третью неделю нет горячей воды в доме 14 по улице Строителей. Управляющая компания не отвечает.',
    })).json();
    expect(first).toMatchObject({ repeated: false, repeatOf: null });
    // Another month, the phone written another way, the same question in other words.
    const second = (await contact.post('/api/appeals', {
      channel: 'fz59', ...at('2026-02-20T05:00:00Z'), author: { surname: 'ЕЛКИНА', name: 'вера', phone: '8 922 5551234' },
      text: 'Повторно прошу разобраться: горячей воды в доме 14 на ул. Строителей так и нет, ответа я не получила.',
    })).json();
    expect(second).toMatchObject({ repeated: true, repeatOf: { id: first.id, number: first.number }, resendOf: null });
    const card = (await head.get(`/api/appeals/${second.id}`)).json();
    expect(card.repeatOf).toEqual({ id: first.id, number: first.number });
    // Another question of the same author is not repeated.
    const other = (await contact.post('/api/appeals', {
      channel: 'fz59', ...at('2026-02-21T05:00:00Z'), author, text: 'Прошу установить скамейки в сквере у школы № 3.',
    })).json();
    expect(other).toMatchObject({ repeated: false, repeatOf: null });
    const after = (await head.post('/api/reports', { year: 2026, quarter: 1 })).json().figures.repeated.value;
    expect(after).toBe(before + 1);
    const listed = (await head.get('/api/appeals?repeated=true&limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(listed).toContain(second.id);
  });

  it('a person unsets «repeated», and the audit keeps who and what', async () => {
    const first = (await contact.post('/api/appeals', {
      channel: 'fz59', ...at('2026-02-02T05:00:00Z'), author: { surname: 'Зайцев', name: 'Олег', email: 'zaitsev@example.ru' },
      text: 'Не вывозят мусор с контейнерной площадки на ул. Гагарина, 3.',
    })).json();
    const second = (await contact.post('/api/appeals', {
      channel: 'fz59', ...at('2026-02-25T05:00:00Z'), author: { surname: 'Зайцев', name: 'Олег', email: 'ZAITSEV@example.ru' },
      text: 'Мусор на контейнерной площадке ул. Гагарина, 3 снова не вывезен, баки переполнены.',
    })).json();
    expect(second.repeatOf?.id).toBe(first.id);
    const unset = await contact.patch(`/api/appeals/${second.id}`, { repeated: false });
    expect(unset.statusCode).toBe(200);
    expect(unset.json()).toMatchObject({ repeated: false, repeatOf: null });
    const audit = await auditOf(second.id, 'appeal.update');
    expect(audit.at(-1)).toMatchObject({ before: { repeated: true, repeatOfId: first.id }, after: { repeated: false, repeatOfId: null } });
  });

  it('the window is configurable by the ЦУР administrator: past it, the same question is not repeated', async () => {
    const admin = await t.login('cur.admin');
    expect((await contact.request({ method: 'PUT', url: '/api/settings/text-detection', payload: { repeatWindowDays: 10, resendMinutes: 120, clusterWindowDays: 30 } })).statusCode).toBe(403);
    const set = await admin.request({ method: 'PUT', url: '/api/settings/text-detection', payload: { repeatWindowDays: 10, resendMinutes: 120, clusterWindowDays: 30 } });
    expect(set.statusCode).toBe(200);
    expect(set.json().settings.repeatWindowDays).toBe(10);
    const who = { surname: 'Панова', name: 'Ирина', email: 'panova@example.ru' };
    await contact.post('/api/appeals', { channel: 'fz59', ...at('2026-01-05T05:00:00Z'), author: who, text: 'Во дворе дома 9 по ул. Лесной огромная яма, машины бьют колёса.' });
    const late = (await contact.post('/api/appeals', { channel: 'fz59', ...at('2026-02-05T05:00:00Z'), author: who, text: 'Яма во дворе дома 9 на ул. Лесной так и не засыпана.' })).json();
    expect(late).toMatchObject({ repeated: false, repeatOf: null });
    const bad = await admin.request({ method: 'PUT', url: '/api/settings/text-detection', payload: { repeatWindowDays: 0, resendMinutes: 120, clusterWindowDays: 30 } });
    expect(bad.statusCode).toBe(400);
    await admin.request({ method: 'PUT', url: '/api/settings/text-detection', payload: { repeatWindowDays: 365, resendMinutes: 120, clusterWindowDays: 30 } });
  });

  it('an obvious re-send (same author, the same text minutes apart) is offered for merging, not counted as repeated', async () => {
    const body = {
      channel: 'pos', author: { surname: 'Носов', name: 'Илья', email: 'nosov@example.ru' },
      text: 'На улице Мира возле дома 8 уже месяц не горят фонари, вечером идти страшно.',
    };
    const first = (await contact.post('/api/appeals', { ...body, ...at('2026-03-03T05:00:00Z') })).json();
    const again = (await contact.post('/api/appeals', { ...body, ...at('2026-03-03T05:07:00Z'), text: `${body.text} ` })).json();
    expect(again).toMatchObject({ repeated: false, resendOf: { id: first.id, number: first.number } });
    expect(again.actions).toContain('merge');
    const merged = await contact.post(`/api/appeals/${again.id}/actions/merge`, { duplicateOf: first.number });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().status).toBe('merged');
  });
});

describe('problem clusters', () => {
  const place = 'г. Белоярский, ул. Молодёжная, д. 21';
  let ids: string[] = [];

  it('groups appeals of different authors about one problem at one place, not another problem there or the same problem elsewhere', async () => {
    const texts = [
      { author: { surname: 'Орлова', name: 'Анна' }, text: 'В квартире холодно, батареи едва тёплые. Температура 16 градусов, у нас маленький ребёнок.', address: place },
      { author: { surname: 'Белов', name: 'Кирилл', email: 'belov@example.ru' }, text: 'Не включили отопление в доме 21 по улице Молодёжной, хотя по всему городу уже дали тепло.' },
      { author: { surname: 'Ким', name: 'Марина', phone: '+79120000011' }, text: 'Радиаторы холодные вторую неделю на ул. Молодёжная, 21. Никто не приходит.' },
    ];
    for (const [i, x] of texts.entries()) {
      const res = await contact.post('/api/appeals', { channel: 'pos', ...at(`2026-03-0${4 + i}T05:00:00Z`), ...x });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const card = (await head.get(`/api/appeals/${ids[2]}`)).json();
    expect(card.cluster).toMatchObject({ size: 3 });
    expect(card.cluster.title).toContain('отоплени');
    // The same house, another problem; the same problem in another town.
    const lift = (await contact.post('/api/appeals', { channel: 'pos', ...at('2026-03-07T05:00:00Z'), author: { surname: 'Лисин', name: 'Юрий' }, text: 'Не работает лифт в доме 21 по улице Молодёжной.' })).json();
    expect(lift.cluster).toBeNull();
    const elsewhere = (await ekb.post('/api/appeals', { channel: 'pos', ...at('2026-03-07T05:00:00Z'), author: { surname: 'Титов', name: 'Олег' }, text: 'Батареи холодные на ул. Молодёжная, 21, отопления нет.' })).json();
    expect(elsewhere.cluster).toBeNull();
  });

  it('lists clusters by size with their appeals: a municipality its own, ЦУР the region; the registry filters by cluster', async () => {
    const own = (await head.get('/api/clusters?from=2026-03-01&to=2026-03-31')).json().items;
    const cluster = own.find((c: { appeals: { id: string }[] }) => c.appeals.some((a) => a.id === ids[0]));
    expect(cluster).toMatchObject({ municipality: 'beloyarsky', size: 3 });
    expect(cluster.appeals.map((a: { id: string }) => a.id).sort()).toEqual([...ids].sort());
    expect((await ekb.get('/api/clusters')).json().items.map((c: { id: string }) => c.id)).not.toContain(cluster.id);
    expect((await ekb.get('/api/clusters?municipality=beloyarsky')).statusCode).toBe(404);
    const region = (await analyst.get('/api/clusters?sort=growth')).json().items;
    expect(region.map((c: { id: string }) => c.id)).toContain(cluster.id);
    const listed = (await head.get(`/api/appeals?cluster=${cluster.id}`)).json();
    expect(listed.total).toBe(3);
  });

  it('splits and merges by hand, audited; another municipality cannot touch them and an executor may not', async () => {
    const cluster = (await head.get('/api/clusters')).json().items.find((c: { appeals: { id: string }[] }) => c.appeals.some((a) => a.id === ids[0]));
    expect((await ekb.post(`/api/clusters/${cluster.id}/split`, { appealIds: [ids[0]] })).statusCode).toBe(404);
    expect((await executor.post(`/api/clusters/${cluster.id}/split`, { appealIds: [ids[0]] })).statusCode).toBe(403);
    const bad = await head.post(`/api/clusters/${cluster.id}/split`, { appealIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(bad.statusCode).toBe(400);
    const split = await head.post(`/api/clusters/${cluster.id}/split`, { appealIds: [ids[0]] });
    expect(split.statusCode).toBe(200);
    expect(split.json().items).toHaveLength(1);
    expect(split.json().items[0]).toMatchObject({ id: cluster.id, size: 2 });
    expect((await head.get(`/api/appeals/${ids[0]}`)).json().cluster).toBeNull();
    expect(await auditOf(cluster.id, 'cluster.split')).toHaveLength(1);
    // A second cluster at another place, merged into the first.
    const other: string[] = [];
    for (const [i, surname] of ['Гусев', 'Рыбаков'].entries()) {
      other.push((await contact.post('/api/appeals', {
        channel: 'pos', ...at(`2026-03-0${5 + i}T06:00:00Z`), author: { surname, name: 'Пётр' }, text: 'Огромная яма на дороге на ул. Лесная, 2, пробил колесо.',
      })).json().id);
    }
    const second = (await head.get(`/api/appeals/${other[1]}`)).json().cluster;
    expect(second).toMatchObject({ size: 2 });
    const merged = await head.post(`/api/clusters/${second.id}/merge`, { into: cluster.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: cluster.id, size: 4 });
    expect((await head.get(`/api/appeals/${other[0]}`)).json().cluster.id).toBe(cluster.id);
    expect(await auditOf(cluster.id, 'cluster.merge')).toHaveLength(1);
    expect((await head.post(`/api/clusters/${cluster.id}/merge`, { into: cluster.id })).statusCode).toBe(400);
  });
});

describe('clusters follow a change of address or topic', () => {
  const GUARDIANSHIP = '0002.0004.0051.0235';
  const WAGES = '0002.0006.0067.0266';
  const garbage = (surname: string, day: number, address: string) => contact.post('/api/appeals', {
    channel: 'pos', ...at(`2026-03-0${day}T07:00:00Z`), author: { surname, name: 'Нина' }, address,
    text: 'Не вывозят мусор, контейнеры переполнены уже неделю, вокруг бака свалка.',
  }).then((r) => r.json());
  const clusterOf = async (id: string) => (await head.get(`/api/appeals/${id}`)).json().cluster;

  it('an appeal moved to the place of a cluster joins it, moved away leaves it; the cluster lists its topic', async () => {
    const a = await garbage('Зайцева', 3, 'ул. Садовая, д. 7');
    const b = await garbage('Волкова', 4, 'ул. Садовая, 7');
    const c = await garbage('Медведева', 5, 'ул. Парковая, 3');
    expect((await clusterOf(b.id))).toMatchObject({ size: 2 });
    expect(c.cluster).toBeNull();

    const moved = await contact.patch(`/api/appeals/${c.id}`, { address: 'г. Белоярский, ул. Садовая, д. 7' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().cluster).toMatchObject({ size: 3 });
    expect(await clusterOf(a.id)).toMatchObject({ id: moved.json().cluster.id, size: 3 });
    const audit = await auditOf(c.id, 'appeal.update');
    expect(audit.at(-1)?.after).toMatchObject({ clusterId: moved.json().cluster.id });

    const back = await contact.patch(`/api/appeals/${c.id}`, { address: 'ул. Парковая, 3' });
    expect(back.json().cluster).toBeNull();
    expect(await clusterOf(a.id)).toMatchObject({ size: 2 });

    // Another topic is another problem: the two part, and meet again under one topic.
    expect((await contact.patch(`/api/appeals/${a.id}`, { topic: GUARDIANSHIP })).json().cluster).toMatchObject({ size: 2 });
    expect((await contact.patch(`/api/appeals/${b.id}`, { topic: WAGES })).json().cluster).toBeNull();
    expect(await clusterOf(a.id)).toBeNull();
    const again = (await contact.patch(`/api/appeals/${b.id}`, { topic: GUARDIANSHIP })).json().cluster;
    expect(again).toMatchObject({ size: 2 });
    const listed = (await head.get('/api/clusters?from=2026-03-01&to=2026-03-31')).json().items.find((x: { id: string }) => x.id === again.id);
    expect(listed.topic).toMatchObject({ code: GUARDIANSHIP });
    expect(listed.topic.title.length).toBeGreaterThan(0);
  });
});

describe('obscenity, threats and tone', () => {
  it('flags obscene words and threats with the words found, and the registry filters by tone', async () => {
    const rude = (await contact.post('/api/appeals', {
      channel: 'social', ...at('2026-03-09T05:00:00Z'), author: { kind: 'anonymous' },
      text: 'Вы там совсем охренели, бля? Если не уберёте яму, я вам голову оторву.',
    })).json();
    expect(rude.tone).toBe('aggressive');
    expect(rude.language.obscene).toContain('бля');
    expect(rude.language.threats[0]).toContain('голову оторву');
    const angry = (await contact.post('/api/appeals', {
      channel: 'social', ...at('2026-03-09T06:00:00Z'), author: { kind: 'anonymous' },
      text: 'Это безобразие и беспредел! Позор администрации, третий месяц не можете засыпать яму.',
    })).json();
    expect(angry).toMatchObject({ tone: 'negative', language: null });
    const calm = (await contact.post('/api/appeals', {
      channel: 'social', ...at('2026-03-09T07:00:00Z'), author: { kind: 'anonymous' }, text: 'Просим засыпать яму у школы, спасибо.',
    })).json();
    expect(calm.tone).toBe('neutral');
    const conflict = (await head.get('/api/appeals?tone=negative,aggressive&limit=200')).json().items;
    const found = conflict.map((i: { id: string }) => i.id);
    expect(found).toEqual(expect.arrayContaining([rude.id, angry.id]));
    expect(found).not.toContain(calm.id);
    expect(conflict.find((i: { id: string }) => i.id === rude.id).tone).toBe('aggressive');
    expect((await head.get('/api/appeals?offensive=true&limit=200')).json().items.map((i: { id: string }) => i.id)).toEqual([rude.id]);
  });
});

describe('the «отписка» warning before approval', () => {
  it('refuses a formal draft until the head approves despite it; the approval is recorded and countable', async () => {
    const departmentId = (await head.get('/api/departments')).json().items[0].id;
    const appeal = (await contact.post('/api/appeals', {
      channel: 'fz59', ...at('2026-03-02T05:00:00Z'), author: { surname: 'Сидоров', name: 'Павел' }, text: 'Во дворе дома 3 по ул. Школьной не горят фонари.',
    })).json();
    await head.post(`/api/appeals/${appeal.id}/actions/assign`, { departmentId });
    await head.post(`/api/appeals/${appeal.id}/actions/take`);
    await head.post(`/api/appeals/${appeal.id}/actions/submit_answer`, {
      answerText: 'Ваше обращение рассмотрено в установленном порядке. Информация принята к сведению.', resultCode: 'explained',
    });
    const card = (await head.get(`/api/appeals/${appeal.id}`)).json();
    expect(card.answerCheck.formal).toBe(true);
    expect(card.answerCheck.reasons.map((r: { code: string }) => r.code)).toContain('stock_phrases');
    const refused = await head.post(`/api/appeals/${appeal.id}/actions/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('answer_formal');
    expect(refused.json().message).toContain('рассмотрено в установленном порядке');
    const approved = await head.post(`/api/appeals/${appeal.id}/actions/approve`, { despiteWarning: true });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'answered', answer: { approvedDespiteWarning: true }, answerCheck: { formal: true } });
    const audit = await auditOf(appeal.id, 'appeal.approve');
    expect(audit[0].after).toMatchObject({ answerApprovedDespiteWarning: true });
    const counted = (await analyst.get('/api/appeals?approvedDespiteWarning=true')).json();
    expect(counted.items.map((i: { id: string }) => i.id)).toContain(appeal.id);
  });
});

describe('exports without personal data', () => {
  it('masks e-mails, phones, flats and the author\'s names on request, and keeps them otherwise', async () => {
    const a = (await contact.post('/api/appeals', {
      channel: 'fz59', ...at('2026-03-09T08:00:00Z'), author: { surname: 'Веселова', name: 'Дарья', patronymic: 'Олеговна' },
      text: 'Я, Веселова Дарья, кв. 12, прошу перезвонить по тел. 8 (912) 345-67-89 или написать на daria@example.ru: в подъезде нет света.',
    })).json();
    const masked = await head.get(`/api/appeals/export?format=csv&mask=true&q=${encodeURIComponent(a.number)}`);
    expect(masked.statusCode).toBe(200);
    expect(masked.body).toContain('В. Д. О.');
    expect(masked.body).toContain('в подъезде нет света');
    for (const secret of ['Веселова', 'Дарья', '345-67-89', 'daria@example.ru', 'кв. 12']) expect(masked.body).not.toContain(secret);
    const plain = await head.get(`/api/appeals/export?format=csv&q=${encodeURIComponent(a.number)}`);
    expect(plain.body).toContain('daria@example.ru');
  });
});
