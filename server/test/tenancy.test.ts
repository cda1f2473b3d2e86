// Tries every route as a user of another municipality: another municipality's objects must look absent (404),
// lists must not contain them. Each module adds its routes to PROBES.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from './helpers';

interface Fixture {
  /** Objects of Белоярский ГО, created by its own users or by the administrator. */
  beloyarsky: { organizationId: string; userId: string; tokenId: string; appealId: string; appealNumber: string; attachmentId: string; departmentId: string; riskId: string; reportId: string; requestId: string; contactId: string; clusterId: string; importRunId: string; recommendationId: string; practiceId: string; trainingId: string; officialPageId: string; roadmapId: string; measureId: string; evidenceId: string; publicationId: string; pollId: string; webhookId: string; webhookDeliveryId: string };
}

interface Probe {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (f: Fixture) => string;
  /** The body, or how to build it from the fixture. */
  body?: unknown;
}

/** Routes addressing one object of another municipality: each must answer 404. */
const PROBES: Probe[] = [
  { name: 'organisation card', method: 'GET', url: (f) => `/api/organizations/${f.beloyarsky.organizationId}` },
  { name: 'organisation change', method: 'PATCH', url: (f) => `/api/organizations/${f.beloyarsky.organizationId}`, body: { name: 'Захваченный округ' } },
  { name: 'user card', method: 'GET', url: (f) => `/api/users/${f.beloyarsky.userId}` },
  { name: 'user change', method: 'PATCH', url: (f) => `/api/users/${f.beloyarsky.userId}`, body: { fullName: 'Чужой Человек' } },
  { name: 'user password reset', method: 'POST', url: (f) => `/api/users/${f.beloyarsky.userId}/reset-password` },
  { name: 'API token revocation', method: 'DELETE', url: (f) => `/api/auth/tokens/${f.beloyarsky.tokenId}` },
  { name: 'appeal card', method: 'GET', url: (f) => `/api/appeals/${f.beloyarsky.appealId}` },
  { name: 'appeal change', method: 'PATCH', url: (f) => `/api/appeals/${f.beloyarsky.appealId}`, body: { repeated: true } },
  { name: 'appeal timeline', method: 'GET', url: (f) => `/api/appeals/${f.beloyarsky.appealId}/timeline` },
  { name: 'appeal comment', method: 'POST', url: (f) => `/api/appeals/${f.beloyarsky.appealId}/comments`, body: { text: 'чужой комментарий' } },
  { name: 'appeal attachment download', method: 'GET', url: (f) => `/api/appeals/${f.beloyarsky.appealId}/attachments/${f.beloyarsky.attachmentId}` },
  ...['register', 'assign', 'take', 'submit_answer', 'approve', 'return_for_rework', 'close', 'forward', 'leave_without_answer', 'merge', 'reopen', 'extend', 'set_control', 'unset_control']
    .map((action): Probe => ({ name: `appeal action ${action}`, method: 'POST', url: (f) => `/api/appeals/${f.beloyarsky.appealId}/actions/${action}`, body: {} })),
  { name: 'risk card', method: 'GET', url: (f) => `/api/risks/${f.beloyarsky.riskId}` },
  { name: 'risk timeline', method: 'GET', url: (f) => `/api/risks/${f.beloyarsky.riskId}/timeline` },
  { name: 'risk comment DOCX', method: 'GET', url: (f) => `/api/risks/${f.beloyarsky.riskId}/comment.docx` },
  { name: 'appeal answer letter PDF', method: 'GET', url: (f) => `/api/appeals/${f.beloyarsky.appealId}/answer.pdf` },
  { name: 'risk comment PDF', method: 'GET', url: (f) => `/api/risks/${f.beloyarsky.riskId}/comment.pdf` },
  { name: 'report', method: 'GET', url: (f) => `/api/reports/${f.beloyarsky.reportId}` },
  { name: 'report analytics', method: 'PATCH', url: (f) => `/api/reports/${f.beloyarsky.reportId}`, body: { analytics: { measures: 'чужие меры' } } },
  { name: 'report XLSX', method: 'GET', url: (f) => `/api/reports/${f.beloyarsky.reportId}/export.xlsx` },
  ...['sign', 'submit', 'accept', 'return'].map((action): Probe => ({ name: `report action ${action}`, method: 'POST', url: (f) => `/api/reports/${f.beloyarsky.reportId}/actions/${action}`, body: { remarks: 'x' } })),
  { name: 'information request addressed elsewhere', method: 'GET', url: (f) => `/api/requests/${f.beloyarsky.requestId}` },
  { name: 'answer to a request addressed elsewhere', method: 'POST', url: (f) => `/api/requests/${f.beloyarsky.requestId}/answer`, body: { text: 'чужой ответ' } },
  { name: 'recommendation addressed elsewhere', method: 'GET', url: (f) => `/api/recommendations/${f.beloyarsky.recommendationId}` },
  { name: 'acknowledging a recommendation addressed elsewhere', method: 'POST', url: (f) => `/api/recommendations/${f.beloyarsky.recommendationId}/acknowledge` },
  { name: 'report on a recommendation addressed elsewhere', method: 'POST', url: (f) => `/api/recommendations/${f.beloyarsky.recommendationId}/report`, body: { text: 'чужой отчёт' } },
  { name: 'unpublished practice', method: 'GET', url: (f) => `/api/practices/${f.beloyarsky.practiceId}` },
  { name: 'unpublished practice change', method: 'PATCH', url: (f) => `/api/practices/${f.beloyarsky.practiceId}`, body: { title: 'Чужая практика' } },
  { name: 'enrolling another municipality\'s staff', method: 'POST', url: (f) => `/api/trainings/${f.beloyarsky.trainingId}/participants`, body: (f: Fixture) => ({ userId: f.beloyarsky.userId }) },
  { name: 'removing another municipality\'s staff from a training', method: 'DELETE', url: (f) => `/api/trainings/${f.beloyarsky.trainingId}/participants/${f.beloyarsky.userId}` },
  { name: 'problem cluster merge', method: 'POST', url: (f) => `/api/clusters/${f.beloyarsky.clusterId}/merge`, body: { into: '00000000-0000-4000-8000-000000000000' } },
  { name: 'problem cluster split', method: 'POST', url: (f) => `/api/clusters/${f.beloyarsky.clusterId}/split`, body: { appealIds: ['00000000-0000-4000-8000-000000000000'] } },
  { name: 'import run', method: 'GET', url: (f) => `/api/imports/${f.beloyarsky.importRunId}` },
  { name: 'import rejected rows', method: 'GET', url: (f) => `/api/imports/${f.beloyarsky.importRunId}/rejections.csv` },
  { name: 'departments of operational groups', method: 'GET', url: () => '/api/departments/groups?municipality=beloyarsky' },
  { name: 'department of an operational group', method: 'PUT', url: () => '/api/departments/groups', body: { municipality: 'beloyarsky', group: 'utilities', departmentId: null } },
  { name: 'streets of the municipality', method: 'GET', url: () => '/api/analytics/streets?from=2026-01-01&to=2026-12-31&municipality=beloyarsky' },
  { name: 'analytics of the municipality', method: 'GET', url: () => '/api/analytics/municipalities/beloyarsky?from=2026-01-01&to=2026-12-31' },
  { name: 'analytics of the municipality in XLSX', method: 'GET', url: () => '/api/analytics/municipalities/beloyarsky/export?from=2026-01-01&to=2026-12-31' },
  { name: 'analytics trends of the municipality', method: 'GET', url: () => '/api/analytics/trends?from=2026-01-01&to=2026-12-31&municipality=beloyarsky' },
  { name: 'analytics spikes of the municipality', method: 'GET', url: () => '/api/analytics/spikes?municipality=beloyarsky' },
  { name: 'official page', method: 'GET', url: (f) => `/api/official-pages/${f.beloyarsky.officialPageId}` },
  { name: 'official page change', method: 'PATCH', url: (f) => `/api/official-pages/${f.beloyarsky.officialPageId}`, body: { verified: false } },
  { name: 'official page deletion', method: 'DELETE', url: (f) => `/api/official-pages/${f.beloyarsky.officialPageId}` },
  { name: 'official page check', method: 'POST', url: (f) => `/api/official-pages/${f.beloyarsky.officialPageId}/check` },
  { name: 'department change', method: 'PATCH', url: (f) => `/api/departments/${f.beloyarsky.departmentId}`, body: { active: false } },
  { name: 'contact official change', method: 'PATCH', url: (f) => `/api/contacts/${f.beloyarsky.contactId}`, body: { phone: '+7 000 000-00-00' } },
  { name: 'roadmap', method: 'GET', url: (f) => `/api/roadmaps/${f.beloyarsky.roadmapId}` },
  { name: 'roadmap change', method: 'PATCH', url: (f) => `/api/roadmaps/${f.beloyarsky.roadmapId}`, body: { title: 'Чужая дорожная карта' } },
  { name: 'roadmap measure', method: 'POST', url: (f) => `/api/roadmaps/${f.beloyarsky.roadmapId}/measures`, body: { title: 'Чужое мероприятие', responsible: 'Чужой Человек', dueOn: '2026-12-01' } },
  { name: 'roadmap measure change', method: 'PATCH', url: (f) => `/api/roadmaps/${f.beloyarsky.roadmapId}/measures/${f.beloyarsky.measureId}`, body: { status: 'done' } },
  { name: 'roadmap evidence download', method: 'GET', url: (f) => `/api/roadmaps/${f.beloyarsky.roadmapId}/measures/${f.beloyarsky.measureId}/evidence/${f.beloyarsky.evidenceId}` },
  { name: 'roadmap comment', method: 'POST', url: (f) => `/api/roadmaps/${f.beloyarsky.roadmapId}/comments`, body: { text: 'чужой комментарий' } },
  { name: 'roadmaps of the municipality', method: 'GET', url: () => '/api/roadmaps?municipality=beloyarsky' },
  { name: 'publication change', method: 'PATCH', url: (f) => `/api/publications/${f.beloyarsky.publicationId}`, body: { status: 'cancelled' } },
  { name: 'publications of the municipality', method: 'GET', url: () => '/api/publications?from=2026-01-01&to=2026-12-31&municipality=beloyarsky' },
  { name: 'subscribers of the municipality', method: 'GET', url: () => '/api/informing/subscribers?municipality=beloyarsky' },
  { name: 'poll', method: 'GET', url: (f) => `/api/polls/${f.beloyarsky.pollId}` },
  { name: 'poll deletion', method: 'DELETE', url: (f) => `/api/polls/${f.beloyarsky.pollId}` },
  { name: 'polls of the municipality', method: 'GET', url: () => '/api/polls?municipality=beloyarsky' },
  { name: 'webhook subscription', method: 'GET', url: (f) => `/api/webhooks/${f.beloyarsky.webhookId}` },
  { name: 'webhook subscription change', method: 'PATCH', url: (f) => `/api/webhooks/${f.beloyarsky.webhookId}`, body: { url: 'https://evil.example.ru/hook' } },
  { name: 'webhook subscription deletion', method: 'DELETE', url: (f) => `/api/webhooks/${f.beloyarsky.webhookId}` },
  { name: 'webhook deliveries', method: 'GET', url: (f) => `/api/webhooks/${f.beloyarsky.webhookId}/deliveries` },
  { name: 'webhook redelivery', method: 'POST', url: (f) => `/api/webhooks/${f.beloyarsky.webhookId}/deliveries/${f.beloyarsky.webhookDeliveryId}/retry` },
  ...['acknowledge', 'propose', 'submit_draft', 'remark', 'approve', 'publish', 'close']
    .map((action): Probe => ({ name: `risk action ${action}`, method: 'POST', url: (f) => `/api/risks/${f.beloyarsky.riskId}/actions/${action}`, body: { text: 'чужой текст', place: 'x', outcome: 'no_reaction_needed' } })),
];

/** List routes: nothing of Белоярский ГО may appear in what a user of Екатеринбург gets. */
const LISTS: { name: string; url: (f: Fixture) => string }[] = [
  { name: 'organisations', url: () => '/api/organizations' },
  { name: 'what needs me today', url: () => '/api/me/today' },
  { name: 'users', url: () => '/api/users' },
  { name: 'users filtered by the other municipality', url: (f) => `/api/users?organizationId=${f.beloyarsky.organizationId}` },
  { name: 'appeals', url: () => '/api/appeals?limit=200' },
  { name: 'appeals filtered by the other municipality', url: () => '/api/appeals?municipality=beloyarsky' },
  { name: 'appeals searched by the other number', url: (f) => `/api/appeals?q=${encodeURIComponent(f.beloyarsky.appealNumber)}` },
  { name: 'appeals export', url: () => '/api/appeals/export?format=csv' },
  { name: 'departments', url: () => '/api/departments' },
  { name: 'notifications', url: () => '/api/notifications' },
  { name: 'risks', url: () => '/api/risks' },
  { name: 'risks filtered by the other municipality', url: () => '/api/risks?municipality=beloyarsky' },
  { name: 'risk statistics', url: () => '/api/risks/statistics?from=2020-01-01&to=2030-12-31' },
  { name: 'report matrix', url: () => '/api/reports?year=2026' },
  { name: 'requests', url: () => '/api/requests' },
  { name: 'contact officials', url: () => '/api/contacts' },
  { name: 'contact history', url: () => '/api/contacts/history' },
  { name: 'problem clusters', url: () => '/api/clusters' },
  { name: 'imports', url: () => '/api/imports' },
  { name: 'official pages', url: () => '/api/official-pages' },
  { name: 'official pages filtered by the other municipality', url: () => '/api/official-pages?municipality=beloyarsky' },
  { name: 'recommendations', url: () => '/api/recommendations' },
  { name: 'recommendations not acknowledged', url: () => '/api/recommendations/unacknowledged' },
  { name: 'practices', url: () => '/api/practices' },
  { name: 'practices filtered by the other municipality', url: () => '/api/practices?municipality=beloyarsky' },
  { name: 'trainings', url: () => '/api/trainings' },
  { name: 'training', url: (f) => `/api/trainings/${f.beloyarsky.trainingId}` },
  { name: 'training coverage', url: () => '/api/trainings/coverage' },
  { name: 'roadmaps', url: () => '/api/roadmaps' },
  { name: 'publications', url: () => '/api/publications?from=2026-01-01&to=2026-12-31' },
  { name: 'polls', url: () => '/api/polls' },
  { name: 'polls of a topic', url: () => '/api/polls?topic=0005' },
];

let t: TestApp;
let fixture: Fixture;
const outsiders: Record<string, Session> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const admin = await t.login('cur.admin');
  const orgs = (await admin.get('/api/organizations')).json().items as { slug: string; id: string }[];
  const belOrg = orgs.find((o) => o.slug === 'beloyarsky')!.id;
  const belHead = await t.login('beloyarsky.head');
  const token = (await belHead.post('/api/auth/tokens', { name: 'Белоярский токен' })).json().apiToken.id;
  const webhookId = (await belHead.post('/api/webhooks', { name: 'Белоярская интеграция', url: 'http://127.0.0.1:9/beloyarsky', events: ['appeal.created'] })).json().subscription.id;
  const departmentId = (await belHead.get('/api/departments')).json().items[0].id;
  const submitted = (await t.app.inject({ method: 'POST', url: '/api/public/appeals', payload: { municipality: 'beloyarsky', surname: 'Белоярцева', name: 'Анна', email: 'a@example.ru', text: 'Белоярское обращение о ремонте крыши', consent: true } })).json();
  const appeal = (await belHead.get(`/api/appeals?q=${encodeURIComponent(submitted.number)}`)).json().items[0];
  await belHead.post(`/api/appeals/${appeal.id}/actions/register`, {});
  await belHead.post(`/api/appeals/${appeal.id}/actions/assign`, { departmentId, executorId: belHead.user.id });
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
  const boundary = 'tenancyboundary';
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const attached = (await belHead.request({ method: 'POST', url: `/api/appeals/${appeal.id}/attachments`, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })).json();
  const riskId = (await (await t.login('cur.analyst')).post('/api/risks', { municipality: 'beloyarsky', platform: 'telegram', text: 'Белоярский слух о закрытии школы', kind: 'misinformation', level: 'medium' })).json().id;
  await (await t.login('beloyarsky.contact')).post(`/api/risks/${riskId}/actions/submit_draft`, { text: 'Белоярский проект комментария' });
  const reportId = (await belHead.post('/api/reports', { year: 2026, quarter: 1 })).json().id;
  const requestId = (await (await t.login('cur.analyst')).post('/api/requests', { subject: 'Белоярский запрос', text: 'Только для Белоярского', municipalities: ['beloyarsky'], dueAt: '2099-01-01T00:00:00Z' })).json().id;
  const contactId = (await belHead.get('/api/contacts')).json().items[0].id;
  // Two authors about one leaking roof at one house: a problem cluster of Белоярский ГО.
  for (const surname of ['Белоярцев', 'Белоярова']) {
    await belHead.post('/api/appeals', { channel: 'pos', author: { surname, name: 'Олег' }, text: 'Протекает крыша в доме 4 по ул. Мира, с потолка капает.' });
  }
  const clusterId = (await belHead.get('/api/clusters')).json().items[0].id;
  // A dry run of a ПОС export: a run of Белоярский that writes no appeals.
  const csv = Buffer.from('Номер;Факт;Дата поступления\n1;Белоярское сообщение ПОС;01.03.2026 10:00\n');
  const imported = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\npos\r\n--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pos.csv"\r\nContent-Type: text/csv\r\n\r\n`), csv, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const importRunId = (await belHead.request({ method: 'POST', url: '/api/imports', payload: imported, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })).json().id;
  const officialPageId = (await belHead.post('/api/official-pages', { platform: 'vk', url: 'https://vk.com/beloyarsky_official', name: 'Белоярский госпаблик', verified: true })).json().id;
  const cur = await t.login('cur.analyst');
  const recommendationId = (await cur.post('/api/recommendations', { subject: 'Белоярская рекомендация', text: 'Только для Белоярского', municipalities: ['beloyarsky'] })).json().id;
  const practiceId = (await belHead.post('/api/practices', { title: 'Белоярская практика', text: 'Белоярский опыт' })).json().id;
  const trainingId = (await cur.post('/api/trainings', { title: 'Вебинар для администраций', startsAt: '2099-01-01T06:00:00Z', format: 'webinar' })).json().id;
  await belHead.post(`/api/trainings/${trainingId}/participants`, { userId: belHead.user.id });
  const roadmap = (await belHead.post('/api/roadmaps', { municipality: 'beloyarsky', title: 'Белоярская дорожная карта', topics: ['0005.0005'], places: ['ул. Мира'], startsOn: '2026-01-01' })).json();
  const measureId = (await belHead.post(`/api/roadmaps/${roadmap.id}/measures`, { title: 'Белоярское мероприятие', responsible: 'Белоярцев Б. Б.', dueOn: '2026-12-01' })).json().measures[0].id;
  const evidence = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const evidenceId = (await belHead.request({ method: 'POST', url: `/api/roadmaps/${roadmap.id}/measures/${measureId}/evidence`, payload: evidence, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })).json().measures[0].evidence[0].id;
  const publicationId = (await belHead.post('/api/publications', { municipality: 'beloyarsky', title: 'Белоярская публикация', channel: 'vk', plannedOn: '2026-03-01' })).json().id;
  const pollId = (await belHead.post('/api/polls', { municipality: 'beloyarsky', kind: 'vote', question: 'Белоярский опрос о сквере', topic: '0005.0005', options: [{ label: 'Да', count: 3 }], startsOn: '2026-03-01', endsOn: '2026-03-10' })).json().id;
  const webhookDeliveryId = (await belHead.get(`/api/webhooks/${webhookId}/deliveries`)).json().items[0].id;
  fixture = { beloyarsky: { organizationId: belOrg, userId: belHead.user.id, tokenId: token, appealId: appeal.id, appealNumber: submitted.number, attachmentId: attached.attachments[0].id, departmentId, riskId, reportId, requestId, contactId, clusterId, importRunId, recommendationId, practiceId, trainingId, officialPageId, roadmapId: roadmap.id, measureId, evidenceId, publicationId, pollId, webhookId, webhookDeliveryId } };
  for (const login of ['ekb.contact', 'ekb.executor', 'ekb.head']) outsiders[login] = await t.login(login);
});
afterAll(async () => { await t.close(); });

describe.each(['ekb.contact', 'ekb.executor', 'ekb.head'])('a user of Екатеринбург (%s)', (login) => {
  it.each(PROBES.map((p) => [p.name, p]))('gets 404 for Белоярский: %s', async (_name, probe) => {
    const res = await outsiders[login].request({ method: probe.method, url: probe.url(fixture), payload: (typeof probe.body === 'function' ? probe.body(fixture) : probe.body) as never });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toMatch(/not_found$/);
  });

  it.each(LISTS.map((l) => [l.name, l]))('sees nothing of Белоярский in the list of %s', async (_name, list) => {
    const res = await outsiders[login].get(list.url(fixture));
    expect(res.statusCode).toBe(200);
    const text = res.body;
    expect(text).not.toContain(fixture.beloyarsky.organizationId);
    expect(text).not.toContain('beloyarsky');
    expect(text).not.toContain(fixture.beloyarsky.appealId);
    expect(text).not.toContain('Белоярск');
  });

  it('cannot read the audit log', async () => {
    expect((await outsiders[login].get('/api/audit')).statusCode).toBe(403);
  });

  it('cannot reach the ЦУР\'s monitoring of publications', async () => {
    expect((await outsiders[login].get('/api/monitoring/sources')).statusCode).toBe(403);
    expect((await outsiders[login].get('/api/monitoring/items')).statusCode).toBe(403);
  });

  it('cannot see or set the ЦУР\'s sector curators, nor have «Моё направление»', async () => {
    expect((await outsiders[login].get('/api/analytics/sectors')).statusCode).toBe(403);
    expect((await outsiders[login].request({ method: 'PUT', url: '/api/analytics/sectors/zhkh', payload: { curators: [] } })).statusCode).toBe(403);
    expect((await outsiders[login].get('/api/analytics/my-sector?from=2026-01-01&to=2026-12-31')).statusCode).toBe(403);
  });
});

it('the object is really there for its own municipality (the probes are not vacuous)', async () => {
  const own = await t.login('beloyarsky.contact');
  expect((await own.get(`/api/organizations/${fixture.beloyarsky.organizationId}`)).statusCode).toBe(200);
  expect((await own.get(`/api/users/${fixture.beloyarsky.userId}`)).statusCode).toBe(200);
  expect((await own.get(`/api/appeals/${fixture.beloyarsky.appealId}`)).statusCode).toBe(200);
  expect((await own.get(`/api/appeals/${fixture.beloyarsky.appealId}/attachments/${fixture.beloyarsky.attachmentId}`)).statusCode).toBe(200);
  expect((await own.get('/api/appeals?municipality=beloyarsky')).json().total).toBe(3);
  expect((await own.get('/api/clusters')).json().items.map((c: { id: string }) => c.id)).toEqual([fixture.beloyarsky.clusterId]);
  expect((await own.get(`/api/risks/${fixture.beloyarsky.riskId}`)).statusCode).toBe(200);
  expect((await own.get(`/api/reports/${fixture.beloyarsky.reportId}`)).statusCode).toBe(200);
  expect((await own.get(`/api/requests/${fixture.beloyarsky.requestId}`)).statusCode).toBe(200);
  expect((await own.get(`/api/risks/${fixture.beloyarsky.riskId}/comment.pdf`)).statusCode).toBe(200);
  expect((await own.get(`/api/imports/${fixture.beloyarsky.importRunId}`)).statusCode).toBe(200);
  expect((await own.get('/api/imports')).json().items).toHaveLength(1);
  expect((await own.get(`/api/official-pages/${fixture.beloyarsky.officialPageId}`)).statusCode).toBe(200);
  expect((await own.get(`/api/recommendations/${fixture.beloyarsky.recommendationId}`)).statusCode).toBe(200);
  expect((await own.get(`/api/practices/${fixture.beloyarsky.practiceId}`)).statusCode).toBe(200);
  expect((await own.get(`/api/trainings/${fixture.beloyarsky.trainingId}`)).json().participants).toHaveLength(1);
  expect((await own.get(`/api/roadmaps/${fixture.beloyarsky.roadmapId}`)).statusCode).toBe(200);
  expect((await own.get(`/api/roadmaps/${fixture.beloyarsky.roadmapId}/measures/${fixture.beloyarsky.measureId}/evidence/${fixture.beloyarsky.evidenceId}`)).statusCode).toBe(200);
  expect((await own.get('/api/publications?from=2026-01-01&to=2026-12-31')).json().items.map((p: { id: string }) => p.id)).toEqual([fixture.beloyarsky.publicationId]);
  expect((await own.get(`/api/polls/${fixture.beloyarsky.pollId}`)).statusCode).toBe(200);
  const head = await t.login('beloyarsky.head');
  expect((await head.get(`/api/webhooks/${fixture.beloyarsky.webhookId}`)).statusCode).toBe(200);
  expect((await head.get(`/api/webhooks/${fixture.beloyarsky.webhookId}/deliveries`)).json().items.map((d: { id: string }) => d.id)).toContain(fixture.beloyarsky.webhookDeliveryId);
  expect((await (await t.login('ekb.head')).get('/api/webhooks')).json().items).toEqual([]);
});
