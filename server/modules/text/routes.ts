import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireActor } from '../../platform/auth';
import { errors } from '../../platform/http';
import { checkAnswer } from '../../text/answerCheck';
import { AnswerCheckBody, AnswerCheckResult } from './schema';

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
}
