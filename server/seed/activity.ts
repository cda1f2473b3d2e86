// The demo region at work: information risks in every state, requests of ЦУР with answers, quarterly reports
// submitted, accepted and returned, a change of a contact official. Everything goes through the API as the
// demo users, so each object has its real history, audit and notifications.
import type { FastifyInstance } from 'fastify';
import { toLocalDate } from '../../domain/calendar/localDate';
import { quarterOf } from '../../domain/reports/quarters';
import { DEMO_PASSWORD } from './demo';

type Call = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => Promise<{ status: number; body: any }>;

async function as(app: FastifyInstance, login: string): Promise<Call> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`демо-пользователь ${login} не вошёл: ${res.statusCode}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = res.json() as { csrfToken: string };
  return async (method, url, body) => {
    const r = await app.inject({ method, url, payload: body as never, headers: { cookie, 'x-csrf-token': csrfToken } });
    if (r.statusCode >= 400) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return { status: r.statusCode, body: r.body ? r.json() : null };
  };
}

const PUBLICATIONS = [
  { text: 'В посёлке на две недели отключат воду, администрация молчит!', sourceName: 'Подслушано Белоярский', kind: 'misinformation', level: 'high' },
  { text: 'На Ленина снова раскопали дорогу, никто не знает когда закопают.', sourceName: 'Белоярка онлайн', kind: 'needs_clarification', level: 'medium' },
  { text: 'Детскую площадку у школы №2 закрыли без объяснений.', sourceName: 'Мамы Белоярского', kind: 'negative', level: 'medium' },
  { text: 'Говорят, автобус №104 отменят с понедельника.', sourceName: 'Подслушано Белоярский', kind: 'misinformation', level: 'low' },
  { text: 'Жители спорят из-за вырубки сквера у ДК.', sourceName: 'Белоярка онлайн', kind: 'conflict', level: 'high' },
  { text: 'В сети пишут, что поликлинику закрывают на ремонт на полгода.', sourceName: 'Новости Белоярского', kind: 'misinformation', level: 'critical' },
  { text: 'Во дворах не убирают снег третью неделю.', sourceName: 'Подслушано Белоярский', kind: 'negative', level: 'medium' },
] as const;

const STEPS = ['detected', 'acknowledged', 'review', 'revision', 'approved', 'published', 'closed'] as const;

/** Risks of Белоярский ГО, one in each state of the §7 work. */
async function risks(cur: Call, contact: Call, head: Call): Promise<number> {
  for (const [i, step] of STEPS.entries()) {
    const p = PUBLICATIONS[i];
    const { body: risk } = await cur('POST', '/api/risks', { municipality: 'beloyarsky', platform: 'vk', link: `https://vk.com/wall-100_${200 + i}`, sourceName: p.sourceName, text: p.text, kind: p.kind, level: p.level });
    const act = (who: Call, action: string, body: unknown = {}) => who('POST', `/api/risks/${risk.id}/actions/${action}`, body);
    if (step === 'detected') continue;
    await act(contact, 'acknowledge');
    if (step === 'acknowledged') continue;
    await act(cur, 'propose', { text: 'Предлагаем разъяснить сроки работ и указать телефон диспетчерской.' });
    await act(contact, 'submit_draft', { text: 'Администрация сообщает: работы ведутся по графику, завершение — до конца месяца. Справки по телефону диспетчерской 2-10-80.' });
    if (step === 'review') continue;
    if (step === 'revision') { await act(head, 'remark', { text: 'Укажите точную дату завершения работ.' }); continue; }
    await act(head, 'approve');
    await act(cur, 'approve');
    if (step === 'approved') continue;
    await act(contact, 'publish', { place: 'Официальная группа администрации ВКонтакте', link: `https://vk.com/wall-2_${300 + i}` });
    if (step === 'published') continue;
    await act(cur, 'close', { outcome: 'clarified' });
  }
  return STEPS.length;
}

/** Requests of ЦУР: one answered by some municipalities, one still open. */
async function requests(cur: Call, answerers: Call[], now: Date): Promise<number> {
  const day = 24 * 3600_000;
  const { body: answered } = await cur('POST', '/api/requests', {
    subject: 'Сведения о готовности к паводку', text: 'Просим представить сведения о готовности к весеннему паводку: силы, средства, пункты временного размещения.',
    municipalities: ['beloyarsky', 'ekaterinburg', 'asbest'], dueAt: new Date(now.getTime() + 3 * day).toISOString(),
  });
  for (const who of answerers) await who('POST', `/api/requests/${answered.id}/answer`, { text: 'Сведения направляем: привлекаются 2 бригады и 6 единиц техники; пункт временного размещения — СОШ № 1.' });
  await cur('POST', '/api/requests', {
    subject: 'Сведения о вывозе ТКО', text: 'Просим сообщить о графике вывоза твёрдых коммунальных отходов и жалобах жителей за месяц.',
    municipalities: ['beloyarsky', 'ekaterinburg'], dueAt: new Date(now.getTime() + 7 * day).toISOString(),
  });
  return 2;
}

const ANALYTICS = {
  mainProblems: 'Чаще всего жители пишут о дорогах, вывозе мусора и отоплении.',
  measures: 'Ямочный ремонт по заявкам, дополнительный график вывоза ТКО, проверки управляющих компаний.',
  proposals: 'Включить ремонт улицы Ленина в региональную программу дорожных работ.',
};

/** Quarterly reports of the two previous quarters: accepted, returned and submitted. */
async function reports(cur: Call, heads: { slug: string; head: Call }[], today: string): Promise<number> {
  let { year, quarter } = quarterOf(today);
  const previous = () => { quarter -= 1; if (quarter === 0) { quarter = 4; year -= 1; } return { year, quarter }; };
  const quarters = [previous(), previous()];
  let n = 0;
  for (const [i, { slug, head }] of heads.entries()) {
    for (const [j, q] of quarters.entries()) {
      const { body: report } = await head('POST', '/api/reports', q);
      await head('PATCH', `/api/reports/${report.id}`, { analytics: ANALYTICS });
      await head('POST', `/api/reports/${report.id}/actions/sign`, {});
      await head('POST', `/api/reports/${report.id}/actions/submit`, {});
      n++;
      // The older quarter is accepted; of the last one, Белоярский's is returned and Екатеринбург's waits for review.
      if (j === 1) await cur('POST', `/api/reports/${report.id}/actions/accept`, {});
      else if (i === 0) await cur('POST', `/api/reports/${report.id}/actions/return`, { remarks: `Уточните число повторных обращений (${slug}).` });
    }
  }
  return n;
}

/** A change of the contact official's phone: the directory's history has something to show. */
async function contactHistory(contact: Call): Promise<void> {
  const { body } = await contact('GET', '/api/contacts');
  const own = (body.items as { id: string }[])[0];
  if (own) await contact('PATCH', `/api/contacts/${own.id}`, { phone: '+7 (34377) 2-15-40' });
}

export async function seedDemoActivity(app: FastifyInstance, now: Date): Promise<{ risks: number; requests: number; reports: number }> {
  const [cur, belContact, belHead, ekbContact, ekbHead] = await Promise.all(
    ['cur.analyst', 'beloyarsky.contact', 'beloyarsky.head', 'ekb.contact', 'ekb.head'].map((login) => as(app, login)),
  );
  const result = {
    risks: await risks(cur, belContact, belHead),
    requests: await requests(cur, [belContact, ekbContact], now),
    reports: await reports(cur, [{ slug: 'beloyarsky', head: belHead }, { slug: 'ekaterinburg', head: ekbHead }], toLocalDate(now)),
  };
  await contactHistory(belContact);
  return result;
}
