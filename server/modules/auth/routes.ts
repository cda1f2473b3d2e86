import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor, SESSION_COOKIE } from '../../platform/auth';
import { errors, IdParams, NoContent } from '../../platform/http';
import { ApiToken, ApiTokenList, ChangePasswordBody, CreatedToken, CreateTokenBody, LoginBody, SessionInfo } from './schema';
import * as service from './service';
import { LoginThrottle } from './throttle';

const SESSION_ONLY = 'Только в сессии пользователя: по API-токену — 403 session_required.';

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { config, clock } = app.services;
  const db = () => app.services.database.db;
  const tags = ['auth'];
  const throttle = new LoginThrottle(config.loginRateLimit);

  app.post('/api/auth/login', {
    schema: {
      tags, summary: 'Вход по логину и паролю',
      description: 'Считаются только неудачные попытки: с одного адреса, под одним логином с одного адреса и под одним логином со всех адресов (нарастающая задержка). Ответ 429 несёт заголовок Retry-After.',
      body: LoginBody, response: { 200: SessionInfo, ...errors(400, 401, 403, 429) },
    },
  }, async (request, reply) => {
    const attempt = { login: request.body.login, password: request.body.password, ip: request.ip, requestId: String(request.id) };
    const { token, info } = await service.login(db(), throttle, attempt, clock.now(), config.sessionTtlHours);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', maxAge: config.sessionTtlHours * 3600,
    });
    return info;
  });

  app.post('/api/auth/logout', {
    schema: { tags, summary: 'Выход', response: { 204: NoContent, ...errors(401, 403) } },
  }, async (request, reply) => {
    if (request.actor && request.sessionId) await service.logout(db(), contextOf(request), request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', {
    schema: { tags, summary: 'Текущий пользователь, CSRF-токен и навигация', response: { 200: SessionInfo, ...errors(401) } },
  }, async (request) => service.me(db(), requireActor(request), request.sessionId));

  app.post('/api/auth/password', {
    config: { sessionOnly: true },
    schema: { tags, summary: 'Сменить свой пароль', description: SESSION_ONLY, body: ChangePasswordBody, response: { 204: NoContent, ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    await service.changePassword(db(), contextOf(request), request.sessionId, request.body, app.services.clock.now());
    return reply.status(204).send(null);
  });

  app.get('/api/auth/tokens', {
    config: { sessionOnly: true },
    schema: { tags, summary: 'Личные API-токены', description: SESSION_ONLY, response: { 200: ApiTokenList, ...errors(401, 403) } },
  }, async (request) => ({ items: await service.listTokens(db(), requireActor(request), clock.now()) }));

  app.post('/api/auth/tokens', {
    config: { sessionOnly: true },
    schema: { tags, summary: 'Выпустить личный API-токен', description: SESSION_ONLY, body: CreateTokenBody, response: { 201: CreatedToken, ...errors(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(await service.createToken(db(), contextOf(request), request.body, clock.now())));

  app.delete('/api/auth/tokens/:id', {
    config: { sessionOnly: true },
    schema: { tags, summary: 'Отозвать API-токен', description: SESSION_ONLY, params: IdParams, response: { 200: ApiToken, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.revokeToken(db(), contextOf(request), request.params.id, clock.now()));
}
