import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, requireActor, SESSION_COOKIE } from '../../platform/auth';
import { errors, IdParams } from '../../platform/http';
import { tooManyRequests } from '../../platform/errors';
import { ApiToken, ChangePasswordBody, CreatedToken, CreateTokenBody, LoginBody, SessionInfo } from './schema';
import * as service from './service';

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { config, clock } = app.services;
  const db = () => app.services.database.db;
  const tags = ['auth'];
  const windowMs = config.loginRateLimit.windowMinutes * 60_000;
  const perLogin = app.createRateLimit({
    max: config.loginRateLimit.perLogin,
    timeWindow: windowMs,
    keyGenerator: (request) => `login:${String((request.body as { login?: unknown } | undefined)?.login ?? '').trim().toLowerCase()}`,
  });

  /** Logins locked after too many failed attempts, until the time given. */
  const blockedLogins = new Map<string, number>();

  app.post('/api/auth/login', {
    config: { rateLimit: { max: config.loginRateLimit.perIp, timeWindow: windowMs } },
    schema: { tags, summary: 'Вход по логину и паролю', body: LoginBody, response: { 200: SessionInfo, ...errors(400, 401, 403, 429) } },
  }, async (request, reply) => {
    const key = request.body.login.trim().toLowerCase();
    const blocked = blockedLogins.get(key);
    if (blocked && blocked > Date.now()) throw tooManyRequests('Слишком много неудачных попыток входа под этим логином. Повторите через несколько минут');
    let result;
    try {
      result = await service.login(db(), request.body, clock.now(), config.sessionTtlHours, String(request.id));
    } catch (error) {
      // Only failed attempts count towards the per-login limit.
      if ((error as { code?: string }).code === 'invalid_credentials') {
        const limit = await perLogin(request);
        if (!limit.isAllowed && limit.remaining === 0) {
          blockedLogins.set(key, Date.now() + limit.ttl);
          if (blockedLogins.size > 10_000) for (const [k, until] of blockedLogins) if (until < Date.now()) blockedLogins.delete(k);
        }
      }
      throw error;
    }
    const { token, info } = result;
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', maxAge: config.sessionTtlHours * 3600,
    });
    return info;
  });

  app.post('/api/auth/logout', {
    schema: { tags, summary: 'Выход', response: { 204: Type.Null(), ...errors(401, 403) } },
  }, async (request, reply) => {
    if (request.actor && request.sessionId) await service.logout(db(), contextOf(request), request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', {
    schema: { tags, summary: 'Текущий пользователь, CSRF-токен и навигация', response: { 200: SessionInfo, ...errors(401) } },
  }, async (request) => service.me(db(), requireActor(request), request.sessionId));

  app.post('/api/auth/password', {
    schema: { tags, summary: 'Сменить свой пароль', body: ChangePasswordBody, response: { 204: Type.Null(), ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    await service.changePassword(db(), contextOf(request), request.sessionId, request.body);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/tokens', {
    schema: { tags, summary: 'Личные API-токены', response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...errors(401) } },
  }, async (request) => ({ items: await service.listTokens(db(), requireActor(request)) }));

  app.post('/api/auth/tokens', {
    schema: { tags, summary: 'Выпустить личный API-токен', body: CreateTokenBody, response: { 201: CreatedToken, ...errors(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(await service.createToken(db(), contextOf(request), request.body.name, clock.now())));

  app.delete('/api/auth/tokens/:id', {
    schema: { tags, summary: 'Отозвать API-токен', params: IdParams, response: { 200: ApiToken, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.revokeToken(db(), contextOf(request), request.params.id, clock.now()));
}
