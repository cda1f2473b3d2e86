// «Официальные опровержения и комментарии»: what was published, never drafts; JSON and an Atom feed.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Feed } from 'feed';
import { findMunicipalityBySlug } from '../organizations/repository';
import { publishedOf } from './repository';
import { download, errors } from '../../platform/http';
import { Refutations, RefutationQuery } from './schema';
import { notFound } from '../../platform/errors';
import type { Db } from '../../db';

async function published(db: Db, slug: string) {
  const org = await findMunicipalityBySlug(db, slug, { active: true });
  if (!org) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
  const rows = await publishedOf(db, org.id, 200);
  return {
    org,
    items: rows.filter((r) => r.publicationText).map((r) => ({
      number: r.number, municipality: org.slug, claim: r.text.length > 500 ? `${r.text.slice(0, 497)}…` : r.text, claimLink: r.link,
      comment: r.publicationText!, publishedAt: r.publicationAt!.toISOString(), place: r.publicationPlace, link: r.publicationLink,
    })),
  };
}

export async function publicRefutationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const query = RefutationQuery;

  app.get('/api/public/refutations', {
    schema: { tags: ['public'], summary: 'Официальные опровержения и комментарии муниципалитета', querystring: query, response: { 200: Refutations, ...errors(400, 404) } },
  }, async (request) => {
    const { org, items } = await published(db(), request.query.municipality);
    return { municipality: org.slug, municipalityName: org.name, items };
  });

  app.get('/api/public/refutations.atom', {
    schema: { tags: ['public'], summary: 'Лента Atom официальных опровержений и комментариев', querystring: query, produces: ['application/atom+xml'], response: { 200: download(['application/atom+xml'], 'Лента Atom', 'text'), ...errors(400, 404) } },
  }, async (request, reply) => {
    const { org, items } = await published(db(), request.query.municipality);
    const base = app.services.config.publicBaseUrl;
    const page = `${base}/refutations/${org.slug}`;
    const feed = new Feed({
      title: `Официальные опровержения и комментарии — ${org.name}`,
      id: page, link: page, language: 'ru', copyright: org.name,
      updated: items[0] ? new Date(items[0].publishedAt) : new Date(0),
      feedLinks: { atom: `${base}/api/public/refutations.atom?municipality=${org.slug}` },
    });
    for (const item of items) {
      feed.addItem({
        title: `Официальный комментарий ${item.number}`, id: `${page}#${item.number}`, link: item.link ?? `${page}#${item.number}`,
        date: new Date(item.publishedAt), description: item.claim, content: item.comment,
      });
    }
    return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
  });
}
