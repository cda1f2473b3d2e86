import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../platform/auth';
import { errors } from '../../platform/http';
import { checkAnswer } from '../../text/answerCheck';
import { contextOf } from '../../platform/auth';
import { audited } from '../../platform/audit';
import { authorize } from '../../platform/policy';
import { AnswerCheckBody, AnswerCheckResult, SuggestBody, SuggestResult, TopicSuggestionSettings } from './schema';
import { DEFAULT_TOPIC_SUGGESTION, loadTopicSuggestionSettings, suggestionsFor, TOPIC_SUGGESTION_KEY } from './service';
import { writeSetting } from './repository';
import { findMunicipalityBySlug } from '../departments/repository';
import { notFound } from '../../platform/errors';
import { inScope, isRegional } from '../../platform/policy';
import type { Actor } from '../../platform/actor';
import type { Db } from '../../db';

/** The municipality whose departments the suggestions name: the one asked for, or the user's own. */
async function municipalityOf(db: Db, actor: Actor, slug: string | undefined): Promise<string | null> {
  if (!slug) return isRegional(actor) ? null : actor.organizationId;
  const org = await findMunicipalityBySlug(db, slug);
  if (!org || !inScope(actor, org.id)) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
  return org.id;
}

export async function textRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['text'];

  app.post('/api/text/answer-check', {
    // The check reads the two texts and changes nothing, so a read-only token may call it.
    config: { tokenScope: 'read' },
    schema: {
      tags, summary: 'Проверить проект ответа на отписку',
      description: 'Нет конкретного действия, даты или срока, ответственного; только ссылки на законы и шаблонные фразы; предмет обращения не затронут.',
      body: AnswerCheckBody,
      response: { 200: AnswerCheckResult, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    requireActor(request);
    return checkAnswer(request.body.appealText, request.body.answerText);
  });

  app.post('/api/text/suggest', {
    config: { tokenScope: 'read' },
    schema: {
      tags, summary: 'Подсказать тему по тексту обращения',
      description: 'Три самые вероятные темы с оперативной группой, уверенностью и словами, которые решили; для ещё не зарегистрированного обращения.',
      body: SuggestBody,
      response: { 200: SuggestResult, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const db = app.services.database.db;
    return { suggestions: await suggestionsFor(db, request.body.text, await municipalityOf(db, actor, request.body.municipality)) };
  });

  const SettingsResponse = Type.Object({ settings: TopicSuggestionSettings, defaults: TopicSuggestionSettings });

  app.get('/api/settings/topic-suggestion', {
    schema: { tags: ['settings'], summary: 'Подсказки темы: порог автоматической темы при импорте и частота обучения модели', response: { 200: SettingsResponse, ...errors(401) } },
  }, async (request) => {
    requireActor(request);
    return { settings: await loadTopicSuggestionSettings(app.services.database.db), defaults: DEFAULT_TOPIC_SUGGESTION };
  });

  app.put('/api/settings/topic-suggestion', {
    schema: {
      tags: ['settings'], summary: 'Изменить порог автоматической темы при импорте и частоту обучения модели (администратор ЦУР)',
      body: TopicSuggestionSettings, response: { 200: SettingsResponse, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    authorize(ctx.actor, 'settings.manage');
    const db = app.services.database.db;
    await audited(db, ctx, async (tx) => {
      const before = await loadTopicSuggestionSettings(tx);
      await writeSetting(tx, TOPIC_SUGGESTION_KEY, request.body, app.services.clock.now());
      return { result: undefined, audit: { action: 'settings.topic_suggestion', entityType: 'settings', entityId: TOPIC_SUGGESTION_KEY, organizationId: ctx.actor.organizationId, before, after: request.body } };
    });
    return { settings: await loadTopicSuggestionSettings(db), defaults: DEFAULT_TOPIC_SUGGESTION };
  });
}
