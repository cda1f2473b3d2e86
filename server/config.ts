// Configuration, read from the environment and validated once at start; nothing else reads process.env.
import path from 'node:path';

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** PostgreSQL connection string; when absent the embedded PGlite engine is used. */
  databaseUrl: string | null;
  /** Connections to PostgreSQL a process keeps at most. */
  databasePoolSize: number;
  dataDir: string;
  /** Seed the demo region on an empty database. */
  demo: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  logLevel: string;
  loginRateLimit: { perIp: number; perLogin: number; windowMinutes: number };
  /** Appeals a citizen may send from one IP address per hour through the public form. */
  publicAppealsPerHour: number;
  publicBaseUrl: string;
  trustProxy: boolean;
  /** SMTP server for outgoing mail (smtp:// or smtps://); when absent mail waits in the outbox. */
  smtpUrl: string | null;
  /** Sender of outgoing mail. */
  mailFrom: string;
  /** Key (32 bytes, base64 or hex) that encrypts the municipalities' mailbox passwords; null when not set. */
  mailboxKey: string | null;
  /** Whether feeds, pages and webhooks may be fetched from addresses of the server's own network. */
  outboundPrivate: boolean;
}

export class ConfigError extends Error {}

/** Every variable the server reads, with its meaning; the README table is generated from the same list. */
export const CONFIG_VARIABLES = [
  ['NODE_ENV', 'development', 'Режим: development, production или test. В production демо-данные не создаются сами.'],
  ['HOST', '127.0.0.1', 'Адрес, на котором слушает сервер.'],
  ['PORT', '3000', 'Порт HTTP.'],
  ['DATABASE_URL', '—', 'Строка подключения PostgreSQL (postgres://…). Без неё используется встроенный PGlite.'],
  ['OTKLIK_DB_POOL_SIZE', '20', 'Соединений с PostgreSQL на процесс, не больше (у двух экземпляров — вдвое больше; max_connections сервера должно хватать).'],
  ['OTKLIK_DATA_DIR', './var', 'Каталог данных: база PGlite (db/), вложения (files/).'],
  ['OTKLIK_DEMO', '—', '1 — создать демонстрационный регион на пустой базе (npm start включает это сам).'],
  ['OTKLIK_SESSION_TTL_HOURS', '12', 'Срок жизни сессии, часов.'],
  ['OTKLIK_COOKIE_SECURE', '0 (1 в production)', '1 — cookie сессии только по HTTPS.'],
  ['OTKLIK_LOGIN_LIMIT_PER_IP', '20', 'Неудачных попыток входа с одного IP за окно; удачные входы не считаются.'],
  ['OTKLIK_LOGIN_LIMIT_PER_LOGIN', '10', 'Неудачных попыток входа под одним логином с одного IP за окно; сверх стольких неудач со всех адресов — растущая задержка для логина (до минуты).'],
  ['OTKLIK_LOGIN_LIMIT_WINDOW_MIN', '15', 'Окно ограничения попыток входа, минут.'],
  ['OTKLIK_PUBLIC_APPEALS_PER_HOUR', '10', 'Обращений через электронную приёмную с одного IP в час.'],
  ['OTKLIK_PUBLIC_URL', 'http://HOST:PORT', 'Внешний адрес системы (для ссылок в письмах).'],
  ['OTKLIK_TRUST_PROXY', '0', '1 — доверять X-Forwarded-For от обратного прокси.'],
  ['OTKLIK_SMTP_URL', '—', 'Сервер исходящей почты: smtp://пользователь:пароль@хост:587 или smtps://…:465. Без него письма ждут отправки в очереди.'],
  ['OTKLIK_MAILBOX_KEY', '—', 'Ключ шифрования паролей почтовых ящиков администраций (32 байта в base64 или hex: openssl rand -base64 32). Без него пароль ящика можно взять только из переменной окружения.'],
  ['OTKLIK_OUTBOUND_PRIVATE', '0 (1 в test)', '1 — разрешить чтение лент, страниц и отправку событий по адресам внутренней сети сервера (127.0.0.1, 10.*, 192.168.* …). По умолчанию такие адреса отвергаются.'],
  ['OTKLIK_MAIL_FROM', 'Отклик <noreply@otklik.local>', 'Отправитель писем.'],
  ['LOG_LEVEL', 'info', 'Уровень журнала pino: fatal, error, warn, info, debug, trace, silent.'],
] as const;

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}: ожидается целое число от ${min} до ${max}, получено «${raw}»`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}: ожидается 1 или 0, получено «${raw}»`);
}

function mailboxKey(value: string | undefined): string | null {
  const key = value?.trim();
  if (!key) return null;
  const bytes = /^[0-9a-f]{64}$/i.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
  if (bytes.length !== 32) throw new ConfigError('OTKLIK_MAILBOX_KEY: ожидается ключ из 32 байт в base64 или hex (openssl rand -base64 32)');
  return key;
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') {
    throw new ConfigError(`NODE_ENV: ожидается development, production или test, получено «${nodeEnv}»`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL: ожидается адрес вида postgres://пользователь@хост:порт/база');
  }
  const host = env.HOST || '127.0.0.1';
  const port = int(env, 'PORT', 3000, 0, 65535);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL: неизвестный уровень «${logLevel}»`);
  }
  const smtpUrl = env.OTKLIK_SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new ConfigError('OTKLIK_SMTP_URL: ожидается адрес вида smtp://пользователь:пароль@хост:587');
  }
  const mailFrom = env.OTKLIK_MAIL_FROM?.trim() || 'Отклик <noreply@otklik.local>';
  if (!/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(mailFrom)) {
    throw new ConfigError(`OTKLIK_MAIL_FROM: ожидается адрес вида «Отклик <noreply@example.ru>», получено «${mailFrom}»`);
  }
  const config: Config = {
    env: nodeEnv,
    host,
    port,
    databaseUrl,
    databasePoolSize: int(env, 'OTKLIK_DB_POOL_SIZE', 20, 1, 1000),
    dataDir: path.resolve(env.OTKLIK_DATA_DIR || './var'),
    demo: flag(env, 'OTKLIK_DEMO', false),
    sessionTtlHours: int(env, 'OTKLIK_SESSION_TTL_HOURS', 12, 1, 24 * 90),
    cookieSecure: flag(env, 'OTKLIK_COOKIE_SECURE', nodeEnv === 'production'),
    logLevel,
    loginRateLimit: {
      perIp: int(env, 'OTKLIK_LOGIN_LIMIT_PER_IP', 20, 1, 100000),
      perLogin: int(env, 'OTKLIK_LOGIN_LIMIT_PER_LOGIN', 10, 1, 100000),
      windowMinutes: int(env, 'OTKLIK_LOGIN_LIMIT_WINDOW_MIN', 15, 1, 24 * 60),
    },
    publicAppealsPerHour: int(env, 'OTKLIK_PUBLIC_APPEALS_PER_HOUR', 10, 1, 100000),
    publicBaseUrl: (env.OTKLIK_PUBLIC_URL || `http://${host}:${port}`).replace(/\/$/, ''),
    trustProxy: flag(env, 'OTKLIK_TRUST_PROXY', false),
    smtpUrl,
    mailFrom,
    mailboxKey: mailboxKey(env.OTKLIK_MAILBOX_KEY),
    outboundPrivate: flag(env, 'OTKLIK_OUTBOUND_PRIVATE', nodeEnv === 'test'),
  };
  return { ...config, ...overrides };
}
