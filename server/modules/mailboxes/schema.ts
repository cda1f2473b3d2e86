import { Type, type Static } from 'typebox';
import { Uuid } from '../../platform/http';

export const Mailbox = Type.Object({
  organizationId: Uuid,
  host: Type.String(),
  port: Type.Integer(),
  tls: Type.Boolean(),
  login: Type.String(),
  /** The password itself is never returned: only where it comes from. */
  passwordSource: Type.Union([Type.Literal('stored'), Type.Literal('env')]),
  passwordEnv: Type.Union([Type.String(), Type.Null()]),
  folder: Type.String(),
  active: Type.Boolean(),
  lastPolledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
}, { title: 'Почтовый ящик администрации' });
export type Mailbox = Static<typeof Mailbox>;

export const SaveMailbox = Type.Object({
  host: Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.-]+$', description: 'Сервер IMAP: imap.example.ru' }),
  port: Type.Integer({ minimum: 1, maximum: 65535, description: '993 с TLS, 143 без' }),
  tls: Type.Boolean({ description: 'Соединение через TLS' }),
  login: Type.String({ minLength: 1, maxLength: 320 }),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Хранится зашифрованным ключом OTKLIK_MAILBOX_KEY; не указывайте, чтобы оставить прежний' })),
  passwordEnv: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Z_][A-Z0-9_]{0,99}$' }), Type.Null()], { description: 'Имя переменной окружения с паролем вместо хранения пароля' })),
  folder: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type SaveMailbox = Static<typeof SaveMailbox>;
