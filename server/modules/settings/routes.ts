// Installation settings managed by the ЦУР administrator: the deadline rules of appeals per channel.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { CHANNELS, checkDeadlineRules, DEFAULT_DEADLINE_RULES, type DeadlineRules } from '../../../domain/appeals';
import { settings } from '../../db/schema';
import { contextOf, requireActor } from '../../platform/auth';
import { audited } from '../../platform/audit';
import { validationFailed } from '../../platform/errors';
import { errors } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { DEADLINE_RULES_KEY, loadDeadlineRules } from '../appeals/deadlines';
import { DEFAULT_TEXT_DETECTION, loadTextDetection, TEXT_DETECTION_KEY } from '../appeals/signals';

const Term = Type.Object({ days: Type.Integer({ minimum: 0, maximum: 366 }), unit: Type.Enum(['calendar', 'working'] as const) }, { additionalProperties: false });
const ChannelRule = Type.Object({
  register: Term,
  forward: Type.Union([Term, Type.Null()]),
  answer: Term,
  extension: Type.Union([Term, Type.Null()]),
}, { additionalProperties: false });
const Rules = Type.Object({
  channels: Type.Object(Object.fromEntries(CHANNELS.map((c) => [c, ChannelRule])) as Record<(typeof CHANNELS)[number], typeof ChannelRule>, { additionalProperties: false }),
  nonWorkingDayShift: Type.Enum(['preceding', 'following'] as const),
  answerCapCalendarDays: Type.Union([Type.Integer({ minimum: 1, maximum: 366 }), Type.Null()]),
}, { additionalProperties: false, title: 'Правила сроков' });

const RulesResponse = Type.Object({ rules: Rules, defaults: Rules, customized: Type.Boolean() });

const Detection = Type.Object({
  repeatWindowDays: Type.Integer({ minimum: 1, maximum: 1830, description: 'Обращение того же автора по тому же вопросу в пределах стольких дней — повторное' }),
  resendMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'Почти тот же текст того же автора в пределах стольких минут — повторная отправка' }),
  clusterWindowDays: Type.Integer({ minimum: 1, maximum: 365, description: 'Обращения об одной проблеме в одном месте в пределах стольких дней — одна группа' }),
}, { additionalProperties: false, title: 'Окна поиска повторных обращений и групп' });
const DetectionResponse = Type.Object({ settings: Detection, defaults: Detection });

export async function settingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const tags = ['settings'];

  app.get('/api/settings/deadline-rules', {
    schema: { tags, summary: 'Правила сроков обращений по каналам', response: { 200: RulesResponse, ...errors(401) } },
  }, async (request) => {
    requireActor(request);
    const [row] = await db().select().from(settings).where(eq(settings.key, DEADLINE_RULES_KEY)).limit(1);
    return { rules: await loadDeadlineRules(db()), defaults: DEFAULT_DEADLINE_RULES, customized: !!row };
  });

  app.put('/api/settings/deadline-rules', {
    schema: {
      tags, summary: 'Изменить правила сроков (администратор ЦУР); действуют для обращений, зарегистрированных после изменения',
      body: Rules, response: { 200: RulesResponse, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    authorize(ctx.actor, 'settings.manage');
    const rules = request.body as DeadlineRules;
    const problems = checkDeadlineRules(rules);
    if (problems.length) throw validationFailed(problems.map((field) => ({ field, message: 'Недопустимое значение срока' })));
    await audited(db(), ctx, async (tx) => {
      const before = await loadDeadlineRules(tx);
      const now = app.services.clock.now();
      await tx.insert(settings).values({ key: DEADLINE_RULES_KEY, value: rules, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: rules, updatedAt: now } });
      return { result: undefined, audit: { action: 'settings.deadline_rules', entityType: 'settings', entityId: DEADLINE_RULES_KEY, organizationId: ctx.actor.organizationId, before, after: rules } };
    });
    return { rules: await loadDeadlineRules(db()), defaults: DEFAULT_DEADLINE_RULES, customized: true };
  });

  app.get('/api/settings/text-detection', {
    schema: { tags, summary: 'Окна поиска повторных обращений, повторных отправок и групп обращений об одной проблеме', response: { 200: DetectionResponse, ...errors(401) } },
  }, async (request) => {
    requireActor(request);
    return { settings: await loadTextDetection(db()), defaults: DEFAULT_TEXT_DETECTION };
  });

  app.put('/api/settings/text-detection', {
    schema: {
      tags, summary: 'Изменить окна поиска (администратор ЦУР); действуют для обращений, поступивших после изменения',
      body: Detection, response: { 200: DetectionResponse, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    authorize(ctx.actor, 'settings.manage');
    await audited(db(), ctx, async (tx) => {
      const before = await loadTextDetection(tx);
      const now = app.services.clock.now();
      await tx.insert(settings).values({ key: TEXT_DETECTION_KEY, value: request.body, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: request.body, updatedAt: now } });
      return { result: undefined, audit: { action: 'settings.text_detection', entityType: 'settings', entityId: TEXT_DETECTION_KEY, organizationId: ctx.actor.organizationId, before, after: request.body } };
    });
    return { settings: await loadTextDetection(db()), defaults: DEFAULT_TEXT_DETECTION };
  });
}
