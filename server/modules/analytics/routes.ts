import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { download, errors } from '../../platform/http';
import { municipalityXlsx, overviewXlsx } from './export';
import { MunicipalityAnalytics, MunicipalityParams, MySector, MySectorQuery, SectorCurators, SectorParams, Sectors, Overview, PeriodQuery, Ratings, RatingsQuery, RatingSettings, RatingWeights, Spikes, SpikesQuery, Streets, StreetsQuery, Trends, TrendsQuery } from './schema';
import * as service from './service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function analyticsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['analytics'];

  app.get('/api/analytics/overview', {
    schema: {
      tags, summary: 'Сводка по муниципалитетам за период поступления: обращения, сроки, оценки, риски, отчёты, запросы и рейтинг',
      querystring: PeriodQuery, response: { 200: Overview, ...errors(400, 401, 403) },
    },
  }, async (request) => service.overview(db(), requireActor(request), request.query, now()));

  app.get('/api/analytics/overview/export', {
    schema: {
      tags, summary: 'Рейтинг муниципалитетов за период в XLSX', querystring: PeriodQuery, produces: [XLSX],
      response: { 200: download([XLSX], 'Таблица рейтинга'), ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const data = await service.overview(db(), requireActor(request), request.query, now());
    reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="analytics-${data.period.from}-${data.period.to}.xlsx"`);
    return reply.send(await overviewXlsx(data));
  });

  app.get('/api/analytics/trends', {
    schema: {
      tags, summary: 'Динамика обращений по неделям или месяцам: период, предыдущий такой же и тот же год назад',
      querystring: TrendsQuery, response: { 200: Trends, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => service.trends(db(), requireActor(request), request.query, now()));

  app.get('/api/analytics/streets', {
    schema: {
      tags, summary: 'Улицы с наибольшим числом обращений за период поступления, каждая — ссылка на свои обращения',
      querystring: StreetsQuery, response: { 200: Streets, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => service.streets(db(), requireActor(request), request.query, now()));

  app.get('/api/analytics/spikes', {
    schema: {
      tags, summary: 'Всплески: темы в муниципалитетах, где обращений за неделю намного больше своей базы за 8 недель',
      querystring: SpikesQuery, response: { 200: Spikes, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => service.spikes(db(), requireActor(request), request.query, now()));

  app.get('/api/analytics/municipalities/:slug', {
    schema: {
      tags, summary: 'Муниципалитет: показатели, подразделения и исполнители (чужой муниципалитет — 404)',
      params: MunicipalityParams, querystring: PeriodQuery, response: { 200: MunicipalityAnalytics, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => service.municipality(db(), requireActor(request), request.params.slug, request.query, now()));

  app.get('/api/analytics/municipalities/:slug/export', {
    schema: {
      tags, summary: 'Показатели муниципалитета, подразделений и исполнителей в XLSX', params: MunicipalityParams, querystring: PeriodQuery,
      produces: [XLSX], response: { 200: download([XLSX], 'Таблицы муниципалитета'), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const data = await service.municipality(db(), requireActor(request), request.params.slug, request.query, now());
    reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="analytics-${request.params.slug}-${data.period.from}-${data.period.to}.xlsx"`);
    return reply.send(await municipalityXlsx(data));
  });

  app.get('/api/analytics/ratings', {
    schema: {
      tags, summary: 'Оценки заявителей за период поступления по муниципалитетам, темам, подразделениям или исполнителям',
      querystring: RatingsQuery, response: { 200: Ratings, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => service.ratings(db(), requireActor(request), request.query, now()));

  app.get('/api/analytics/rating-weights', {
    schema: { tags, summary: 'Веса составляющих рейтинга и формула', response: { 200: RatingSettings, ...errors(401, 403) } },
  }, async (request) => service.getRatingSettings(db(), requireActor(request)));

  app.put('/api/analytics/rating-weights', {
    schema: { tags, summary: 'Задать веса рейтинга (администратор ЦУР)', body: RatingWeights, response: { 200: RatingSettings, ...errors(400, 401, 403) } },
  }, async (request) => service.setRatingWeights(db(), contextOf(request), request.body, now()));

  app.get('/api/analytics/sectors', {
    schema: { tags, summary: 'Отраслевые направления ЦУР: оперативные группы и их кураторы', response: { 200: Sectors, ...errors(401, 403) } },
  }, async (request) => service.sectors(db(), requireActor(request)));

  app.put('/api/analytics/sectors/:group', {
    schema: {
      tags, summary: 'Назначить кураторов направления (администратор ЦУР); список заменяет прежний',
      params: SectorParams, body: SectorCurators, response: { 200: Sectors, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => service.setSectorCurators(db(), contextOf(request), request.params.group, request.body));

  app.get('/api/analytics/my-sector', {
    schema: {
      tags, summary: '«Моё направление»: обращения региона по оперативным группам куратора за период поступления',
      querystring: MySectorQuery, response: { 200: MySector, ...errors(400, 401, 403) },
    },
  }, async (request) => service.mySector(db(), requireActor(request), request.query, now()));
}
