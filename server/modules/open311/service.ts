// Open311 GeoReport v2: services are the classifier's topics, requests are appeals of channel `other`,
// sub-channel `open311`; each client key belongs to one municipality, issued and revoked by the ЦУР administrator.
import { createHash, randomBytes } from 'node:crypto';
import { OPEN_STATUSES, type AppealStatus } from '../../../domain/appeals';
import { addDays } from '../../../domain/calendar/localDate';
import { startOfLocalDay } from '../../../domain/calendar/localDate';
import type { Db } from '../../db';
import type { RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { notFound, unauthorized, validationFailed } from '../../platform/errors';
import { authorize } from '../../platform/policy';
import { isUuid } from '../../platform/http';
import { intake } from '../appeals/service';
import * as repo from './repository';
import TOPICS from '../../../data/topics/default.json' with { type: 'json' };

const GROUP_TITLES = new Map(TOPICS.groups.map((g) => [g.code, g.title]));
const hash = (key: string) => createHash('sha256').update(key).digest('hex');

// ── keys ──

export async function listKeys(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'open311.manage');
  return (await repo.listKeys(db)).map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null }));
}

export async function issueKey(db: Db, ctx: RequestContext, input: { municipality: string; name: string }, now: Date) {
  authorize(ctx.actor, 'open311.manage');
  const org = await repo.municipalityBySlug(db, input.municipality);
  if (!org) throw validationFailed([{ field: 'municipality', message: 'Муниципальное образование не найдено' }]);
  const key = `o311_${randomBytes(24).toString('base64url')}`;
  const row = await audited(db, ctx, async (tx) => {
    const created = await repo.insertKey(tx, { organizationId: org.id, name: input.name.trim(), keyHash: hash(key), prefix: key.slice(0, 10), createdBy: ctx.actor.userId, createdAt: now });
    return { result: created, audit: { action: 'open311.key.issue', entityType: 'open311_key', entityId: created.id, organizationId: org.id, after: { name: created.name, prefix: created.prefix } } };
  });
  return { id: row.id, municipality: org.slug, municipalityName: org.shortName, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(), lastUsedAt: null, revokedAt: null, key };
}

export async function revokeKey(db: Db, ctx: RequestContext, id: string, now: Date): Promise<void> {
  authorize(ctx.actor, 'open311.manage');
  const row = isUuid(id) ? await repo.findKey(db, id) : null;
  if (!row) throw notFound('client_key_not_found');
  await audited(db, ctx, async (tx) => {
    await repo.revokeKey(tx, id, now);
    return { result: null, audit: { action: 'open311.key.revoke', entityType: 'open311_key', entityId: id, organizationId: row.organizationId, before: { revokedAt: row.revokedAt }, after: { revokedAt: row.revokedAt ?? now } } };
  });
}

// ── GeoReport v2 ──

/** The municipality of `jurisdiction_id`; an unknown one is a 404 as the standard has it. */
async function jurisdiction(db: Db, slug: string | undefined) {
  if (!slug) throw validationFailed([{ field: 'jurisdiction_id', message: 'Укажите jurisdiction_id — короткое имя муниципального образования' }], 'Укажите jurisdiction_id — короткое имя муниципального образования');
  const org = await repo.municipalityBySlug(db, slug);
  if (!org) throw notFound('municipality_not_found', `Муниципальное образование «${slug}» не найдено`);
  return org;
}

/** The municipality the key was issued to; it must be the jurisdiction asked for. */
async function authenticated(db: Db, apiKey: string | undefined, slug: string | undefined, now: Date) {
  const org = await jurisdiction(db, slug);
  if (!apiKey) throw unauthorized('invalid_token', 'Укажите api_key — ключ, выданный ЦУР');
  const found = await repo.keyByHash(db, hash(apiKey));
  if (!found || found.org.id !== org.id) throw unauthorized('invalid_token', 'Ключ api_key недействителен, отозван или выдан другому муниципальному образованию');
  await repo.touchKey(db, found.key.id, now);
  return org;
}

export async function listServices(db: Db, slug: string | undefined) {
  await jurisdiction(db, slug);
  return (await repo.services(db)).map((t) => ({
    service_code: t.code, service_name: t.title, description: t.title, metadata: false, type: 'realtime',
    keywords: t.keywords.join(','), group: (t.group && GROUP_TITLES.get(t.group)) ?? '',
  }));
}

export interface PostRequest {
  jurisdiction_id?: string;
  api_key?: string;
  service_code?: string;
  description?: string;
  lat?: string | number;
  long?: string | number;
  address_string?: string;
  address_id?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  media_url?: string;
  /** The client's own id of the request: sent again, it finds the request already made. */
  client_token?: string;
}

export async function postRequest(db: Db, body: PostRequest, now: Date) {
  const org = await authenticated(db, body.api_key, body.jurisdiction_id, now);
  const problems: { field: string; message: string }[] = [];
  const description = (body.description ?? '').trim();
  if (!body.service_code) problems.push({ field: 'service_code', message: 'Укажите service_code — код услуги из services.json' });
  if (description.length < 5) problems.push({ field: 'description', message: 'Опишите проблему в поле description' });
  if (description.length > 20_000) problems.push({ field: 'description', message: 'Описание длиннее 20 000 символов' });
  const lat = body.lat === undefined || body.lat === '' ? null : Number(body.lat);
  const long = body.long === undefined || body.long === '' ? null : Number(body.long);
  const address = (body.address_string ?? '').trim() || null;
  if ((lat === null) !== (long === null) || (lat !== null && (!Number.isFinite(lat) || lat < -90 || lat > 90)) || (long !== null && (!Number.isFinite(long) || long < -180 || long > 180))) {
    problems.push({ field: 'lat', message: 'Координаты lat и long указываются вместе: широта от -90 до 90, долгота от -180 до 180' });
  } else if (lat === null && !address && !body.address_id) {
    problems.push({ field: 'address_string', message: 'Укажите место: lat и long или address_string' });
  }
  if (body.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) problems.push({ field: 'email', message: 'Неверный адрес электронной почты' });
  if (body.media_url && !/^https?:\/\/\S+$/i.test(body.media_url)) problems.push({ field: 'media_url', message: 'media_url должен начинаться с http:// или https://' });
  const token = body.client_token?.trim();
  if (token && token.length > 80) problems.push({ field: 'client_token', message: 'client_token длиннее 80 символов' });
  if (problems.length) throw validationFailed(problems, problems.map((p) => p.message).join('; '));
  const services = await repo.services(db);
  if (!services.some((s) => s.code === body.service_code)) {
    const message = `Нет услуги с кодом «${body.service_code}»: список — в services.json`;
    throw validationFailed([{ field: 'service_code', message }], message);
  }
  const text = body.media_url ? `${description}\n\nФото: ${body.media_url}` : description;
  const { row, created } = await intake(db, null, org, {
    channel: 'other', subChannel: 'open311', externalId: token ? `open311:${token}` : null, text,
    topic: body.service_code, address: address ?? (body.address_id ? `Адрес (код): ${body.address_id}` : null),
    location: lat !== null && long !== null ? { latitude: lat, longitude: long } : null,
    author: { surname: body.last_name?.trim() || undefined, name: body.first_name?.trim() || undefined, email: body.email?.trim() || undefined, phone: body.phone?.trim() || undefined },
  }, now);
  return { created, response: [{ service_request_id: row.number, service_notice: `Обращение зарегистрировано под номером ${row.number}`, account_id: null }] };
}

function endOfLocalDay(date: string, timeZone: string): string {
  return new Date(startOfLocalDay(addDays(date, 1), timeZone).getTime() - 1000).toISOString();
}

function presentRequest(r: repo.RequestRow, org: { name: string; timeZone: string }) {
  const open = OPEN_STATUSES.includes(r.status as AppealStatus);
  const answered = r.status === 'answered' || r.status === 'closed';
  return {
    service_request_id: r.number,
    status: open ? 'open' : 'closed',
    status_notes: answered ? r.answerText : null,
    service_name: r.topicTitle,
    service_code: r.topicCode,
    description: r.text,
    agency_responsible: org.name,
    service_notice: null,
    requested_datetime: r.receivedAt.toISOString(),
    updated_datetime: r.updatedAt.toISOString(),
    expected_datetime: r.deadlineAnswer ? endOfLocalDay(r.deadlineAnswer, org.timeZone) : null,
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.latitude,
    long: r.longitude,
    media_url: null,
  };
}

export interface ListQuery {
  jurisdiction_id?: string;
  api_key?: string;
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

function dateParam(value: string | undefined, field: string): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw validationFailed([{ field, message: 'Ожидается дата и время в формате W3C (ISO 8601)' }], `${field}: ожидается дата и время в формате W3C (ISO 8601)`);
  return d;
}

export async function listRequests(db: Db, q: ListQuery, now: Date) {
  const org = await authenticated(db, q.api_key, q.jurisdiction_id, now);
  const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 100) : undefined);
  const numbers = list(q.service_request_id);
  if (q.status && q.status !== 'open' && q.status !== 'closed') throw validationFailed([{ field: 'status', message: 'status: open или closed' }], 'status: open или closed');
  const to = dateParam(q.end_date, 'end_date') ?? (numbers ? undefined : now);
  // Without dates the standard gives the last 90 days.
  const from = dateParam(q.start_date, 'start_date') ?? (numbers ? undefined : new Date((to ?? now).getTime() - 90 * 86_400_000));
  const rows = await repo.listRequests(db, { organizationId: org.id, numbers, serviceCodes: list(q.service_code), from, to, status: q.status as 'open' | 'closed' | undefined, limit: 1000 });
  return rows.map((r) => presentRequest(r, org));
}

export async function getRequest(db: Db, q: ListQuery, id: string, now: Date) {
  const org = await authenticated(db, q.api_key, q.jurisdiction_id, now);
  const rows = await repo.listRequests(db, { organizationId: org.id, numbers: [id], limit: 1 });
  if (!rows.length) throw notFound('appeal_not_found', `Обращение ${id} не найдено`);
  return [presentRequest(rows[0], org)];
}


