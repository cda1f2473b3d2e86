import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import { textModels } from '../../db/schema';
import { TOPIC_MODEL, TOPIC_MODEL_JOB } from './service';
import { topicMark } from './repository';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let contact: Session;
let admin: Session;

const GUARDIANSHIP = '0002.0004.0051.0235';
const WAGES = '0002.0006.0067.0266';
// Words no keyword of the classifier knows: only a model that learnt them can tell these apart.
const FIRST = ['Квакозябра опять шумит за стеной, квакозябра спать не даёт', 'Снова квакозябра: квакозябра завелась у соседей', 'Квакозябра мешает детям, уберите квакозябру'];
const SECOND = ['Бурундучище прибегал вчера вечером, бурундучище всё раскидал', 'Опять бурундучище: бурундучище ходит кругами', 'Бурундучище стучит в окно, бурундучище пугает'];

const appeal = (text: string, over: Record<string, unknown> = {}) => ({ channel: 'fz59', subChannel: 'letter', text, author: { surname: 'Орлов', name: 'Пётр' }, ...over });

async function runJob() {
  clock.advance(60_000);
  return t.app.services.jobs.runOnce(TOPIC_MODEL_JOB);
}

async function storedModel() {
  const [row] = await t.database.db.select({ texts: textModels.texts, labels: textModels.labels, trainedAt: textModels.trainedAt }).from(textModels).where(eq(textModels.name, TOPIC_MODEL));
  return row ?? null;
}

beforeAll(async () => {
  t = await buildTestApp({ clock, logger: { level: 'error' } });
  [contact, admin] = await Promise.all(['beloyarsky.contact', 'cur.admin'].map((l) => t.login(l)));
});
afterAll(async () => { await t.close(); });

describe('topic suggestions', () => {
  it('every appeal carries the three likeliest topics with group, confidence and the deciding words; keywords alone serve a new installation', async () => {
    const res = await contact.post('/api/appeals', appeal('Третью неделю нет горячей воды в доме на улице Мира, 5'));
    expect(res.statusCode).toBe(201);
    const { suggestions } = res.json();
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(Object.keys(suggestions[0]).sort()).toEqual(['confidence', 'department', 'group', 'topic', 'topicTitle', 'words']);
    expect(suggestions[0].group).toBe('utilities');
    expect(suggestions[0].topicTitle).toMatch(/вод/i);
    expect(suggestions[0].words.join(' ')).toMatch(/вод/);
    expect(suggestions[0].confidence).toBeGreaterThan(0);
    expect(suggestions[0].confidence).toBeLessThanOrEqual(1);
    for (let i = 1; i < suggestions.length; i++) expect(suggestions[i].confidence).toBeLessThanOrEqual(suggestions[i - 1].confidence);
    const card = (await contact.get(`/api/appeals/${res.json().id}`)).json();
    expect(card.suggestions).toEqual(suggestions);

    const draft = await contact.post('/api/text/suggest', { text: 'Яма на дороге у школы, машины бьют колёса' });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().suggestions[0].group).toBe('roads');
    expect((await contact.post('/api/text/suggest', { text: '' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/text/suggest', payload: { text: 'яма' } })).statusCode).toBe(401);
  });

  it('learns the topics people set: the job trains a model that changes the suggestions', async () => {
    const probe = 'Квакозябра снова появилась у нас';
    expect((await contact.post('/api/text/suggest', { text: probe })).json().suggestions).toEqual([]);
    expect(await runJob()).toBe(true);
    expect(await storedModel()).toBeNull();

    for (const text of FIRST) {
      const created = await contact.post('/api/appeals', appeal(text));
      // Choosing a topic on the card is a person's decision.
      expect((await contact.patch(`/api/appeals/${created.json().id}`, { topic: GUARDIANSHIP })).statusCode).toBe(200);
    }
    // Choosing it at registration is one too.
    for (const text of SECOND) expect((await contact.post('/api/appeals', appeal(text, { topic: WAGES }))).statusCode).toBe(201);

    await runJob();
    expect(await storedModel()).toMatchObject({ texts: 6, labels: 2 });
    const learnt = (await contact.post('/api/text/suggest', { text: probe })).json().suggestions;
    expect(learnt[0]).toMatchObject({ topic: GUARDIANSHIP, group: 'social' });
    expect(learnt[0].words.join(' ').toLowerCase()).toContain('квакозябра');
    const other = (await contact.post('/api/text/suggest', { text: 'Бурундучище снова пришёл' })).json().suggestions;
    expect(other[0]).toMatchObject({ topic: WAGES, group: 'economy' });

    // Fewer new confirmations than the setting asks for: no new training.
    const before = await storedModel();
    const created = await contact.post('/api/appeals', appeal('Квакозябра и бурундучище подрались', { topic: WAGES }));
    expect(created.statusCode).toBe(201);
    await runJob();
    expect(await storedModel()).toEqual(before);
    // The ЦУР administrator asks for training after every confirmation.
    const put = await admin.request({ method: 'PUT', url: '/api/settings/topic-suggestion', payload: { autoFileThreshold: null, retrainEvery: 1 } });
    expect(put.statusCode).toBe(200);
    await runJob();
    expect(await storedModel()).toMatchObject({ texts: 7 });
  });

  it('an import files the topic by itself only above the threshold, and the model never learns from a topic it filed', async () => {
    const token = (await contact.post('/api/auth/tokens', { name: 'Импорт ПОС', scope: 'intake' })).json().token;
    const viaImport = (text: string, externalId: string) => t.app.inject({
      method: 'POST', url: '/api/appeals', headers: { authorization: `Bearer ${token}` },
      payload: { channel: 'pos', text, externalId },
    });
    // No threshold: the import waits for a person.
    const waiting = await viaImport('Квакозябра опять здесь, квакозябра везде', 'pos-1');
    expect(waiting.statusCode).toBe(201);
    expect(waiting.json().topic).toBeNull();
    expect(waiting.json().suggestions[0].topic).toBe(GUARDIANSHIP);

    expect((await contact.request({ method: 'PUT', url: '/api/settings/topic-suggestion', payload: { autoFileThreshold: 0.3, retrainEvery: 1 } })).statusCode).toBe(403);
    expect((await admin.request({ method: 'PUT', url: '/api/settings/topic-suggestion', payload: { autoFileThreshold: 2, retrainEvery: 1 } })).statusCode).toBe(400);
    expect((await admin.request({ method: 'PUT', url: '/api/settings/topic-suggestion', payload: { autoFileThreshold: 0.3, retrainEvery: 1 } })).statusCode).toBe(200);
    expect((await contact.get('/api/settings/topic-suggestion')).json().settings).toEqual({ autoFileThreshold: 0.3, retrainEvery: 1 });

    const filed = await viaImport('Квакозябра шумит всю ночь, квакозябра', 'pos-2');
    expect(filed.json().topic).toBe(GUARDIANSHIP);
    expect(await topicMark(t.database.db, filed.json().id)).toMatchObject({ source: 'model', setBy: null });
    const unsure = await viaImport('Прошу разобраться', 'pos-3');
    expect(unsure.json().topic).toBeNull();

    // The filed topic teaches nothing: the job finds no new confirmation.
    const before = await storedModel();
    await runJob();
    expect(await storedModel()).toEqual(before);
    // A person confirming it does.
    expect((await contact.patch(`/api/appeals/${filed.json().id}`, { topic: GUARDIANSHIP })).statusCode).toBe(200);
    expect(await topicMark(t.database.db, filed.json().id)).toMatchObject({ source: 'person', setBy: contact.user.id });
    await runJob();
    expect((await storedModel())?.texts).toBe(before!.texts + 1);
  });
});
