// Problem clusters: appeals of different authors about one problem at one place. An appeal joins a cluster
// at intake (planCluster, then openPlannedCluster and countPlannedCluster around the insert); ЦУР and the administration list clusters, merge and split them by hand.
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db';
import { organizations } from '../../db/schema';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { notFound, validationFailed } from '../../platform/errors';
import { inScope, isRegional, scopeOf } from '../../platform/policy';
import { isUuid } from '../../platform/http';
import { startOfLocalDay } from '../../../domain/calendar/localDate';
import { sameAuthor } from '../../text/author';
import { samePlace } from '../../text/place';
import { problemSimilarity, problemTitle, SAME_PROBLEM_AT, signatureOf } from '../../text/problem';
import { clusterPolicy } from './policy';
import * as repo from './repository';
import type { Cluster, ClusterFilter } from './schema';

const clusterNotFound = () => notFound('cluster_not_found', 'Группа обращений не найдена');

export interface IntakeAppeal {
  id: string;
  organizationId: string;
  text: string;
  authorKeys: string[];
  placeStreet: string | null;
  placeHouse: string | null;
  receivedAt: Date;
  /** The place as written, for the title of a new cluster. */
  placeLabel: string | null;
  /** The appeal's topic: an appeal of another topic is another problem. */
  topicCode: string | null;
}

/** Where a new appeal goes: the cluster of the most similar appeal, or a new one with that appeal. */
export interface ClusterPlan {
  /** The cluster of the most similar appeal, or null when a new one is to be made. */
  clusterId: string | null;
  /** The most similar appeal, put into the new cluster with the new one. */
  withAppealId: string;
  /** The title of a new cluster. */
  title: string;
}

/**
 * Finds the most similar recent appeal of another author at the same place as a new one (not stored yet).
 * Candidates come from the index by municipality and street, never from a scan. Returns null when there is none.
 */
export async function planCluster(db: Executor, appeal: IntakeAppeal, windowDays: number): Promise<ClusterPlan | null> {
  if (!appeal.placeStreet) return null;
  const window = windowDays * 86_400_000;
  const candidates = await repo.placeCandidates(db, appeal.organizationId, appeal.placeStreet,
    new Date(appeal.receivedAt.getTime() - window), new Date(appeal.receivedAt.getTime() + window), appeal.id);
  const signature = signatureOf(appeal.text);
  const place = { street: appeal.placeStreet, house: appeal.placeHouse };
  let best: { id: string; clusterId: string | null; similarity: number; text: string } | null = null;
  for (const c of candidates) {
    if (sameAuthor(appeal.authorKeys, c.authorKeys)) continue;
    if (appeal.topicCode && c.topicCode && appeal.topicCode !== c.topicCode) continue;
    if (!samePlace(place, { street: appeal.placeStreet, house: c.placeHouse })) continue;
    const similarity = problemSimilarity(signature, signatureOf(c.text));
    if (similarity < SAME_PROBLEM_AT) continue;
    if (!best || similarity > best.similarity || (similarity === best.similarity && c.clusterId && !best.clusterId)) {
      best = { id: c.id, clusterId: c.clusterId, similarity, text: c.text };
    }
  }
  if (!best) return null;
  if (best.clusterId) return { clusterId: best.clusterId, withAppealId: best.id, title: '' };
  const problem = signature.problems[0] ?? signatureOf(best.text).problems[0];
  const title = [problem ? problemTitle(problem) : 'Одна проблема', appeal.placeLabel].filter(Boolean).join(': ');
  return { clusterId: null, withAppealId: best.id, title: title.slice(0, 200) };
}

/** Makes the planned cluster when it is new (with the most similar appeal in it); returns the id the new appeal takes. */
export async function openPlannedCluster(tx: Executor, plan: ClusterPlan, appeal: IntakeAppeal, now: Date): Promise<string> {
  if (plan.clusterId) return plan.clusterId;
  const cluster = await repo.insertCluster(tx, {
    organizationId: appeal.organizationId, title: plan.title, placeStreet: appeal.placeStreet, placeHouse: appeal.placeHouse,
    size: 0, firstAt: appeal.receivedAt, lastAt: appeal.receivedAt, createdAt: now, updatedAt: now,
  });
  await repo.setClusterOf(tx, [plan.withAppealId], cluster.id);
  return cluster.id;
}

/** Recounts the cluster once the new appeal is stored in it. */
export async function countPlannedCluster(tx: Executor, clusterId: string, now: Date) {
  return repo.refreshCluster(tx, clusterId, now);
}

/**
 * Takes an appeal out of its cluster (a cluster left with one appeal dissolves) and finds its cluster again,
 * as at intake: after its address or topic changed. Returns the new cluster's id, or null.
 */
export async function reassign(tx: Executor, appeal: IntakeAppeal & { clusterId: string | null }, windowDays: number, now: Date): Promise<string | null> {
  if (appeal.clusterId) {
    await repo.setClusterOf(tx, [appeal.id], null);
    await repo.refreshCluster(tx, appeal.clusterId, now);
  }
  const plan = await planCluster(tx, appeal, windowDays);
  if (!plan) return null;
  const clusterId = await openPlannedCluster(tx, plan, appeal, now);
  await repo.setClusterOf(tx, [appeal.id], clusterId);
  await countPlannedCluster(tx, clusterId, now);
  return clusterId;
}

async function municipalityOf(db: Executor, actor: Actor, slug: string | undefined): Promise<string | undefined> {
  if (!slug) return isRegional(actor) ? undefined : actor.organizationId;
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.slug, slug), eq(organizations.kind, 'municipality'))).limit(1);
  if (!org || !inScope(actor, org.id)) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
  return org.id;
}

function withAppeals(rows: Awaited<ReturnType<typeof repo.listClusters>>, appealRows: Awaited<ReturnType<typeof repo.appealsOfClusters>>): Cluster[] {
  return rows.map((r) => ({
    id: r.id, municipality: r.municipality, municipalityName: r.municipalityName, title: r.title, topic: r.topic, size: r.size, growth: r.growth,
    firstAt: r.firstAt.toISOString(), lastAt: r.lastAt.toISOString(),
    appeals: appealRows.filter((a) => a.clusterId === r.id).map((a) => ({
      id: a.id, number: a.number, receivedAt: new Date(a.receivedAt).toISOString(), status: a.status, excerpt: a.excerpt, address: a.address,
    })),
  }));
}

/** Clusters by size (or growth over the last 7 days of the period), with their appeals. */
export async function listClusters(db: Db, actor: Actor, filter: ClusterFilter, now: Date): Promise<Cluster[]> {
  if (filter.from && filter.to && filter.from > filter.to) throw validationFailed([{ field: 'to', message: 'Конец периода раньше начала' }]);
  const organizationId = await municipalityOf(db, actor, filter.municipality);
  const from = filter.from ? startOfLocalDay(filter.from, actor.timeZone) : undefined;
  const to = filter.to ? new Date(startOfLocalDay(filter.to, actor.timeZone).getTime() + 86_400_000) : undefined;
  const end = to && to < now ? to : now;
  const rows = await repo.listClusters(db, {
    scope: scopeOf(actor), organizationId, from, to, growthSince: new Date(end.getTime() - 7 * 86_400_000),
    sort: filter.sort ?? 'size', limit: filter.limit ?? 50,
  });
  return withAppeals(rows, await repo.appealsOfClusters(db, rows.map((r) => r.id)));
}

async function visibleCluster(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<repo.ClusterRow> {
  if (!isUuid(id)) throw clusterNotFound();
  const row = await repo.findCluster(db, id, forUpdate);
  if (!row || !inScope(actor, row.organizationId)) throw clusterNotFound();
  return row;
}

async function presentOne(db: Executor, actor: Actor, id: string, now: Date): Promise<Cluster | null> {
  const rows = await repo.listClusters(db, { scope: scopeOf(actor), ids: [id], growthSince: new Date(now.getTime() - 7 * 86_400_000), sort: 'size', limit: 1 });
  return rows.length ? withAppeals(rows, await repo.appealsOfClusters(db, [id]))[0] : null;
}

/** Moves every appeal of one cluster into another of the same municipality; the first cluster is removed. */
export async function mergeClusters(db: Db, ctx: RequestContext, id: string, into: string, now: Date): Promise<Cluster> {
  await audited(db, ctx, async (tx) => {
    const source = await visibleCluster(tx, ctx.actor, id, true);
    const target = await visibleCluster(tx, ctx.actor, into, true);
    clusterPolicy.authorize(ctx.actor, 'manage', source);
    if (source.id === target.id || source.organizationId !== target.organizationId) {
      throw validationFailed([{ field: 'into', message: 'Объединить можно две разные группы одного муниципалитета' }]);
    }
    await repo.moveAppeals(tx, source.id, target.id);
    await repo.deleteCluster(tx, source.id);
    const merged = await repo.refreshCluster(tx, target.id, now);
    return {
      result: undefined,
      audit: { action: 'cluster.merge', entityType: 'cluster', entityId: target.id, organizationId: target.organizationId, before: { merged: source.id, title: source.title, size: source.size }, after: { size: merged?.size ?? 0 } },
    };
  });
  return (await presentOne(db, ctx.actor, into, now))!;
}

/**
 * Takes the given appeals out of a cluster: two or more form a new cluster, one stands alone. A cluster left
 * with one appeal dissolves. Returns the clusters that remain of the two.
 */
export async function splitCluster(db: Db, ctx: RequestContext, id: string, appealIds: string[], now: Date): Promise<Cluster[]> {
  const ids = [...new Set(appealIds)];
  const remaining = await audited(db, ctx, async (tx) => {
    const cluster = await visibleCluster(tx, ctx.actor, id, true);
    clusterPolicy.authorize(ctx.actor, 'manage', cluster);
    const members = await repo.appealsInCluster(tx, cluster.id, ids);
    if (members.length !== ids.length) throw validationFailed([{ field: 'appealIds', message: 'Не все обращения входят в эту группу' }]);
    let created: string | null = null;
    if (ids.length >= 2) {
      const fresh = await repo.insertCluster(tx, {
        organizationId: cluster.organizationId, title: cluster.title, placeStreet: cluster.placeStreet, placeHouse: cluster.placeHouse,
        size: 0, firstAt: cluster.firstAt, lastAt: cluster.lastAt, createdAt: now, updatedAt: now,
      });
      created = fresh.id;
    }
    await repo.setClusterOf(tx, ids, created);
    const kept = await repo.refreshCluster(tx, cluster.id, now);
    const split = created ? await repo.refreshCluster(tx, created, now) : null;
    return {
      result: [kept?.id, split?.id].filter((x): x is string => !!x),
      audit: { action: 'cluster.split', entityType: 'cluster', entityId: cluster.id, organizationId: cluster.organizationId, before: { size: cluster.size }, after: { size: kept?.size ?? 0, appealIds: ids, newCluster: split?.id ?? null } },
    };
  });
  const result: Cluster[] = [];
  for (const clusterId of remaining) {
    const one = await presentOne(db, ctx.actor, clusterId, now);
    if (one) result.push(one);
  }
  return result;
}
