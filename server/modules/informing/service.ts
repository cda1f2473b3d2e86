// Informing residents (§6.2): the administration's plan of publications, shown as a calendar, and residents'
// e-mail subscriptions to the municipality's topics with double opt-in and one-click unsubscribe. Letters to
// subscribers go through the outbox, one per subscriber and event.
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { forbidden, notFound, validationFailed } from '../../platform/errors';
import { isUuid } from '../../platform/http';
import { enqueueMail, isValidEmail } from '../../platform/mail';
import { can, inScope, scopeOf } from '../../platform/policy';
import { daysBetween, toLocalDate } from '../../../domain/calendar/localDate';
import { findMunicipalityBySlug, findOrganization } from '../organizations/repository';
import * as repo from './repository';
import type { CreatePublication, Publication, PublicationQuery, SubscribeBody, UpdatePublication } from './schema';

const publicationNotFound = () => notFound('publication_not_found', 'Публикация не найдена');
const municipalityNotFound = () => notFound('municipality_not_found', 'Муниципальное образование не найдено');
const linkInvalid = () => notFound('subscription_link_invalid', 'Ссылка недействительна или уже использована');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const newToken = () => randomBytes(24).toString('base64url');

async function municipalityIn(db: Executor, actor: Actor, slug: string) {
  const org = await findMunicipalityBySlug(db, slug);
  if (!org || !inScope(actor, org.id)) throw municipalityNotFound();
  return org;
}

const canEdit = (actor: Actor, organizationId: string) => can(actor, 'publications.manage') && inScope(actor, organizationId);

function presentPublication(actor: Actor, r: NonNullable<Awaited<ReturnType<typeof repo.findPublication>>>): Publication {
  const p = r.publication;
  return {
    id: p.id, municipality: r.municipality, municipalityName: r.municipalityName, title: p.title, topic: p.topicCode, topicTitle: r.topicTitle,
    channel: p.channel as Publication['channel'], plannedOn: p.plannedOn, status: p.status, link: p.link, publishedAt: p.publishedAt?.toISOString() ?? null,
    can: { edit: canEdit(actor, p.organizationId) },
  };
}

async function checkTopic(db: Executor, code: string | null | undefined, field: string) {
  if (!code) return;
  if (!(await repo.topicTitles(db, [code])).size) throw validationFailed([{ field, message: `Нет такой темы в классификаторе: ${code}` }]);
}

export async function listPublications(db: Db, actor: Actor, q: PublicationQuery): Promise<Publication[]> {
  if (q.from > q.to) throw validationFailed([{ field: 'to', message: 'Конец периода раньше начала' }]);
  if (daysBetween(q.from, q.to) > 400) throw validationFailed([{ field: 'to', message: 'Период плана — не больше года' }]);
  const organizationId = q.municipality ? (await municipalityIn(db, actor, q.municipality)).id : undefined;
  const rows = await repo.listPublications(db, scopeOf(actor), { organizationId, from: q.from, to: q.to });
  return rows.map((r) => presentPublication(actor, r));
}

export async function createPublication(db: Db, ctx: RequestContext, input: CreatePublication, now: Date): Promise<Publication> {
  const org = await municipalityIn(db, ctx.actor, input.municipality);
  if (!canEdit(ctx.actor, org.id)) throw forbidden('forbidden', 'План информирования ведут ЦУР, руководитель и контактное лицо администрации');
  await checkTopic(db, input.topic, 'topic');
  const id = await audited(db, ctx, async (tx) => {
    const row = await repo.insertPublication(tx, { organizationId: org.id, title: input.title.trim(), topicCode: input.topic ?? null, channel: input.channel, plannedOn: input.plannedOn, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now });
    return { result: row.id, audit: { action: 'publication.create', entityType: 'publication', entityId: row.id, organizationId: org.id, after: { title: row.title, topic: row.topicCode, channel: row.channel, plannedOn: row.plannedOn } } };
  });
  return presentPublication(ctx.actor, (await repo.findPublication(db, scopeOf(ctx.actor), id))!);
}

export async function updatePublication(db: Db, ctx: RequestContext, id: string, input: UpdatePublication, now: Date): Promise<Publication> {
  const found = isUuid(id) ? await repo.findPublication(db, scopeOf(ctx.actor), id) : null;
  if (!found) throw publicationNotFound();
  const p = found.publication;
  if (!canEdit(ctx.actor, p.organizationId)) throw forbidden('forbidden', 'План информирования ведут ЦУР, руководитель и контактное лицо администрации');
  await checkTopic(db, input.topic, 'topic');
  const status = input.status ?? p.status;
  const link = input.link !== undefined ? input.link : p.link;
  if (status === 'published' && !link) throw validationFailed([{ field: 'link', message: 'Укажите ссылку на опубликованный материал' }]);
  const values = {
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.topic !== undefined ? { topicCode: input.topic } : {}),
    ...(input.channel !== undefined ? { channel: input.channel } : {}),
    ...(input.plannedOn !== undefined ? { plannedOn: input.plannedOn } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.link !== undefined ? { link: input.link } : {}),
  };
  await audited(db, ctx, async (tx) => {
    const publishedAt = status === 'published' ? p.publishedAt ?? now : null;
    await repo.updatePublication(tx, id, { ...values, publishedAt, updatedAt: now });
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, p[k as keyof typeof p]]));
    return { result: undefined, audit: { action: 'publication.update', entityType: 'publication', entityId: id, organizationId: p.organizationId, before, after: values } };
  });
  return presentPublication(ctx.actor, (await repo.findPublication(db, scopeOf(ctx.actor), id))!);
}

export async function subscribers(db: Db, actor: Actor, municipality: string | undefined) {
  const org = municipality ? await municipalityIn(db, actor, municipality) : null;
  if (!org && actor.organizationKind !== 'municipality') return { total: 0, byTopic: [] };
  const counts = await repo.subscriberCounts(db, org?.id ?? actor.organizationId);
  const titles = await repo.topicTitles(db, counts.byTopic.map((t) => t.code));
  return { total: counts.total, byTopic: counts.byTopic.map((t) => ({ ...t, title: titles.get(t.code) ?? t.code })) };
}

/** Letters to the residents subscribed to the topics, in the caller's transaction; each subscriber gets an event once. */
export async function informSubscribers(tx: Executor, event: { organizationId: string; topicCodes: string[]; subject: string; text: string; dedupePrefix: string; at: Date; publicBaseUrl: string }): Promise<number> {
  return repo.enqueueForSubscribers(tx, {
    organizationId: event.organizationId, topicCodes: event.topicCodes, subject: event.subject.replace(/[\r\n]+/g, ' '), text: event.text,
    unsubscribeUrl: `${event.publicBaseUrl}/subscribe/unsubscribe`, dedupePrefix: event.dedupePrefix, at: event.at,
  });
}

// ── The public side ──────────────────────────────────────────────────────────────────────────────────

async function activeMunicipality(db: Executor, slug: string) {
  const org = await findMunicipalityBySlug(db, slug, { active: true });
  if (!org) throw municipalityNotFound();
  return org;
}

/** The subscription page: the municipality, the themes one may subscribe to and its plan of publications. */
export async function publicInforming(db: Db, slug: string, now: Date) {
  const org = await activeMunicipality(db, slug);
  const today = toLocalDate(now, org.timeZone);
  const themes = await repo.subscribableThemes(db);
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const to = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const plan = await repo.listPublications(db, [org.id], { organizationId: org.id, from, to });
  return {
    municipality: org.slug, municipalityName: org.shortName,
    topics: themes,
    publications: plan.filter((r) => r.publication.status !== 'cancelled').map((r) => ({
      title: r.publication.title, channel: r.publication.channel as Publication['channel'], plannedOn: r.publication.plannedOn,
      status: r.publication.status, link: r.publication.link, topicTitle: r.topicTitle,
    })),
  };
}

const ACCEPTED = 'Мы отправили письмо со ссылкой для подтверждения. Подписка начнёт действовать после перехода по ней.';

/**
 * A resident asks to subscribe: the topics wait until the link of the confirmation letter is opened. The answer
 * is the same whether the address was known or not, so it tells nobody who is subscribed.
 */
export async function subscribe(db: Db, input: SubscribeBody, now: Date, publicBaseUrl: string) {
  const email = input.email.trim();
  if (!isValidEmail(email)) throw validationFailed([{ field: 'email', message: 'Неверный адрес электронной почты' }]);
  const org = await activeMunicipality(db, input.municipality);
  const codes = [...new Set(input.topics)];
  if ((await repo.activeTopicCodes(db, codes)).length !== codes.length) throw validationFailed([{ field: 'topics', message: 'Выберите темы из списка' }]);
  const token = newToken();
  await audited(db, null, async (tx) => {
    let row = await repo.findSubscription(tx, org.id, email, true);
    if (!row) {
      row = await repo.insertSubscription(tx, { organizationId: org.id, email, pendingTopicCodes: codes, confirmTokenHash: sha256(token), unsubscribeToken: newToken(), createdAt: now });
      // Two requests for one address at once: the other one inserted it.
      row ??= await repo.findSubscription(tx, org.id, email, true);
    }
    await repo.updateSubscription(tx, row!.id, { pendingTopicCodes: codes, confirmTokenHash: sha256(token) });
    await enqueueMail(tx, {
      at: now, to: email, dedupeKey: `subscription-confirm:${sha256(token)}`,
      subject: `Подтвердите подписку на новости: ${org.shortName}`,
      text: `Здравствуйте!\n\nНа этот адрес запрошена подписка на новости администрации ${org.shortName} по выбранным темам.\n`
        + `Чтобы подтвердить её, откройте ссылку:\n${publicBaseUrl}/subscribe/confirm?token=${token}\n\nЕсли вы не подписывались, просто не отвечайте на это письмо.`,
    });
    return { result: undefined, audit: { action: 'subscription.request', entityType: 'subscription', entityId: row!.id, organizationId: org.id, after: { topics: codes } } };
  });
  return { message: ACCEPTED };
}

async function stateOf(db: Executor, row: repo.SubscriptionRow) {
  const org = (await findOrganization(db, row.organizationId))!;
  const titles = await repo.topicTitles(db, row.topicCodes);
  return { municipality: org.slug, municipalityName: org.shortName, status: row.status === 'confirmed' ? 'confirmed' as const : 'unsubscribed' as const, topics: [...titles.values()] };
}

/** The link of the confirmation letter: the topics asked for take effect; the link works once. */
export async function confirm(db: Db, token: string, now: Date) {
  return audited(db, null, async (tx) => {
    const row = await repo.findByConfirmHash(tx, sha256(token));
    if (!row || !row.pendingTopicCodes) throw linkInvalid();
    const values = { status: 'confirmed' as const, topicCodes: row.pendingTopicCodes, pendingTopicCodes: null, confirmTokenHash: null, confirmedAt: now, unsubscribedAt: null };
    await repo.updateSubscription(tx, row.id, values);
    return { result: await stateOf(tx, { ...row, ...values }), audit: { action: 'subscription.confirm', entityType: 'subscription', entityId: row.id, organizationId: row.organizationId, after: { topics: values.topicCodes } } };
  });
}

/** The link in every letter: one click ends the subscription (opening it again changes nothing). */
export async function unsubscribe(db: Db, token: string, now: Date) {
  return audited(db, null, async (tx) => {
    const row = await repo.findByUnsubscribeToken(tx, token);
    if (!row) throw linkInvalid();
    const values = { status: 'unsubscribed' as const, unsubscribedAt: row.unsubscribedAt ?? now, pendingTopicCodes: null, confirmTokenHash: null };
    await repo.updateSubscription(tx, row.id, values);
    return { result: await stateOf(tx, { ...row, ...values }), audit: { action: 'subscription.unsubscribe', entityType: 'subscription', entityId: row.id, organizationId: row.organizationId } };
  });
}
