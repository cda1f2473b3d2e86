import { Type } from 'typebox';
import { TOKEN_SCOPES } from '../../../domain/tokens';
import { DateTime, Uuid } from '../../platform/http';
import { OrganizationKind } from '../organizations/schema';
import { RoleSchema } from '../users/schema';

export const LoginBody = Type.Object({
  login: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
}, { additionalProperties: false });

export const SessionUser = Type.Object({
  id: Uuid,
  login: Type.String(),
  fullName: Type.String(),
  role: RoleSchema,
  mustChangePassword: Type.Boolean(),
  organization: Type.Object({ id: Uuid, name: Type.String(), shortName: Type.String(), kind: OrganizationKind, slug: Type.String(), timeZone: Type.String() }),
});

export const SessionInfo = Type.Object({
  user: SessionUser,
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'Передавайте в заголовке X-CSRF-Token во всех изменяющих запросах с cookie' }),
  navigation: Type.Array(Type.String()),
  policies: Type.Record(Type.String(), Type.Boolean()),
});

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Type.String({ minLength: 1, maxLength: 200 }),
}, { additionalProperties: false });

export const TokenScope = Type.Enum(TOKEN_SCOPES, {
  description: 'read — только GET; intake — чтение и регистрация обращений с вложениями; full — всё, что может владелец (кроме токенов и пароля)',
});

export const ApiToken = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  scope: TokenScope,
  createdAt: DateTime,
  expiresAt: Type.Union([DateTime, Type.Null()], { description: 'null — действует до отзыва' }),
  lastUsedAt: Type.Union([DateTime, Type.Null()]),
  revokedAt: Type.Union([DateTime, Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
});

export const CreateTokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  scope: Type.Optional({ ...TokenScope, description: 'По умолчанию read' }),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'Срок действия, дней; или expiresAt; без обоих — до отзыва' })),
  expiresAt: Type.Optional({ ...DateTime, description: 'Когда токен перестанет действовать' }),
}, { additionalProperties: false });
export const CreatedToken = Type.Object({ token: Type.String({ description: 'Показывается один раз' }), apiToken: ApiToken });
export const ApiTokenList = Type.Object({ items: Type.Array(ApiToken) });
