// The database schema, one pg-core definition for PGlite and PostgreSQL alike.
// drizzle-kit generates the numbered SQL migrations in ./migrations from this file.
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const organizations = pgTable('organizations', {
  id: id(),
  kind: text('kind', { enum: ['regional_center', 'municipality'] }).notNull(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  slug: text('slug').notNull(),
  oktmo: text('oktmo'),
  timeZone: text('time_zone').notNull().default('Asia/Yekaterinburg'),
  /** Short prefix of appeal numbers, e.g. БЕЛ. */
  numberPrefix: text('number_prefix').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('organizations_slug_key').on(t.slug),
  uniqueIndex('organizations_oktmo_key').on(t.oktmo),
]);

export const users = pgTable('users', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  login: text('login').notNull(),
  fullName: text('full_name').notNull(),
  position: text('position'),
  email: text('email'),
  phone: text('phone'),
  role: text('role', { enum: ['cur_admin', 'cur_analyst', 'contact_official', 'executor', 'head'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  active: boolean('active').notNull().default(true),
  locale: text('locale').notNull().default('ru'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('users_login_key').on(sql`lower(${t.login})`),
  index('users_organization_idx').on(t.organizationId),
]);

export const sessions = pgTable('sessions', {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]);

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** SHA-256 of the token; shown to the user once, at creation. */
  tokenHash: text('token_hash').notNull(),
  prefix: text('prefix').notNull(),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)]);

/** Append-only: the application never updates or deletes these rows. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  actorLogin: text('actor_login'),
  /** Municipality (or the regional centre) the changed entity belongs to, for tenant-scoped reading. */
  organizationId: uuid('organization_id').references(() => organizations.id),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id'),
}, (t) => [
  index('audit_log_at_idx').on(t.at),
  index('audit_log_entity_idx').on(t.entityType, t.entityId),
  index('audit_log_actor_idx').on(t.actorId),
]);
