// The database schema, one pg-core definition for PGlite and PostgreSQL alike.
// drizzle-kit generates the numbered SQL migrations in ./migrations from this file.
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, customType, date, doublePrecision, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
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
  /** Residents of the municipality, for figures per 10,000 residents; null until the ЦУР administrator sets it. */
  population: integer('population'),
  /** Extra address for the ЦУР's signals of information risks (a duty mailbox), besides the contact officials. */
  signalEmail: text('signal_email'),
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
  /** read, intake or full (domain/tokens.ts); tokens issued before scopes existed keep full access. */
  scope: text('scope', { enum: ['read', 'intake', 'full'] }).notNull().default('full'),
  createdAt: createdAt(),
  /** Null: valid until revoked. */
  expiresAt: timestamp('expires_at', { withTimezone: true }),
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
  // The log is read newest first (by id) within one filter: each index ends with the id it pages by.
  index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
  index('audit_log_actor_idx').on(t.actorId, t.id),
  index('audit_log_org_idx').on(t.organizationId, t.id),
  index('audit_log_action_idx').on(t.action, t.id),
]);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Installation settings (deadline rules and the like), one JSON value per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/** The topic classifier (ТОТК sections, themes, topics); editable by the installation. */
export const topics = pgTable('topics', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  level: text('level', { enum: ['section', 'theme', 'topic'] }).notNull(),
  title: text('title').notNull(),
  groupCode: text('group_code'),
  keywords: jsonb('keywords').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  active: boolean('active').notNull().default(true),
}, (t) => [index('topics_parent_idx').on(t.parentCode)]);

/** ЦУР analysts as sector curators of operational groups (the groups of the topic classifier); set by the ЦУР administrator. */
export const curatorGroups = pgTable('curator_groups', {
  userId: uuid('user_id').notNull().references(() => users.id),
  groupCode: text('group_code').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.groupCode] }), index('curator_groups_group_idx').on(t.groupCode)]);

export const departments = pgTable('departments', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('departments_org_name_key').on(t.organizationId, t.name)]);

/** Next sequence number of appeals per municipality and year. */
export const appealCounters = pgTable('appeal_counters', {
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  year: integer('year').notNull(),
  lastSeq: integer('last_seq').notNull(),
}, (t) => [primaryKey({ columns: [t.organizationId, t.year] })]);

/** Numbers every change of an appeal: a new row or any update takes the next value (a trigger sets it). */
export const appealsRevisionSeq = pgSequence('appeals_revision_seq');

export const appeals = pgTable('appeals', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  number: text('number').notNull(),
  year: integer('year').notNull(),
  seq: integer('seq').notNull(),
  channel: text('channel').notNull(),
  subChannel: text('sub_channel').notNull(),
  externalId: text('external_id'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }),
  status: text('status').notNull(),
  authorKind: text('author_kind').notNull().default('person'),
  authorSurname: text('author_surname'),
  authorName: text('author_name'),
  authorPatronymic: text('author_patronymic'),
  authorEmail: text('author_email'),
  authorPhone: text('author_phone'),
  authorPostalAddress: text('author_postal_address'),
  authorOrganization: text('author_organization'),
  /** ИНН of the organisation that sends the appeal (10 digits), when it gives one. */
  authorInn: text('author_inn'),
  /** The people who signed a collective appeal, beyond the first signatory in the author fields. */
  authorSigners: jsonb('author_signers').$type<{ surname: string; name: string; patronymic: string | null; postalAddress: string | null }[]>(),
  signatories: integer('signatories'),
  text: text('text').notNull(),
  address: text('address'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  topicCode: text('topic_code').references(() => topics.code),
  kind: text('kind'),
  departmentId: uuid('department_id').references(() => departments.id),
  executorId: uuid('executor_id').references(() => users.id),
  repeated: boolean('repeated').notNull().default(false),
  onControl: boolean('on_control').notNull().default(false),
  repeatOfId: uuid('repeat_of_id'),
  duplicateOfId: uuid('duplicate_of_id'),
  deadlineRegister: date('deadline_register', { mode: 'string' }),
  deadlineForward: date('deadline_forward', { mode: 'string' }),
  deadlineAnswer: date('deadline_answer', { mode: 'string' }),
  extensionDays: integer('extension_days'),
  extensionReason: text('extension_reason'),
  forwardedTo: text('forwarded_to'),
  forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
  leftGround: text('left_ground'),
  answerText: text('answer_text'),
  answerResult: text('answer_result'),
  answerSubmittedBy: uuid('answer_submitted_by').references(() => users.id),
  answerApprovedBy: uuid('answer_approved_by').references(() => users.id),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  trackingCodeHash: text('tracking_code_hash'),
  ratingScore: integer('rating_score'),
  ratingComment: text('rating_comment'),
  ratedAt: timestamp('rated_at', { withTimezone: true }),
  flaggedForCur: boolean('flagged_for_cur').notNull().default(false),
  /** Keys of the author (server/text/author.ts): e-mail, phone, name with address, name; repeated appeals are found by them. */
  authorKeys: text('author_keys').array().notNull().default(sql`'{}'::text[]`),
  /** An obvious re-send of this appeal (the same author, near-identical text, minutes apart), offered for merging. */
  resendOfId: uuid('resend_of_id'),
  /** The place the appeal is about: stems of the street's name and the house (server/text/place.ts). */
  placeStreet: text('place_street'),
  placeHouse: text('place_house'),
  /** The problem cluster: appeals of different authors about one problem at one place. */
  clusterId: uuid('cluster_id'),
  /** Obscene words and threats found at intake (59-ФЗ ст.11 ч.3 — a person decides). */
  language: jsonb('language').$type<{ obscene: string[]; threats: string[] }>(),
  tone: text('tone', { enum: ['neutral', 'negative', 'aggressive'] }).notNull().default('neutral'),
  /** The «отписка» check of the answer as the head approved it, and whether the head approved despite it. */
  answerCheck: jsonb('answer_check').$type<{ formal: boolean; score: number; reasons: { code: string; message: string }[] }>(),
  answerApprovedDespiteWarning: boolean('answer_approved_despite_warning').notNull().default(false),
  search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('russian', coalesce("number", '') || ' ' || coalesce("text", '') || ' ' || coalesce("address", '') || ' ' || coalesce("author_surname", '') || ' ' || coalesce("author_organization", ''))`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  /** The last change of the row; the greatest revision of a municipality stamps its registry (cached report figures). */
  revision: bigint('revision', { mode: 'number' }).notNull().default(sql`nextval('appeals_revision_seq')`),
}, (t) => [
  uniqueIndex('appeals_number_key').on(t.organizationId, t.number),
  uniqueIndex('appeals_external_key').on(t.organizationId, t.channel, t.externalId),
  index('appeals_org_received_idx').on(t.organizationId, t.receivedAt, t.id),
  index('appeals_received_idx').on(t.receivedAt, t.id),
  index('appeals_org_status_idx').on(t.organizationId, t.status, t.receivedAt),
  index('appeals_status_received_idx').on(t.status, t.receivedAt),
  index('appeals_deadline_idx').on(t.organizationId, t.deadlineAnswer, t.id),
  index('appeals_open_deadline_idx').on(t.deadlineAnswer, t.id).where(sql`status in ('received', 'registered', 'assigned', 'in_progress', 'on_approval', 'reopened')`),
  index('appeals_flagged_idx').on(t.organizationId).where(sql`flagged_for_cur`),
  index('appeals_executor_idx').on(t.executorId),
  index('appeals_search_idx').using('gin', t.search),
  // Public status and rating look up an appeal by its number alone; the search matches a number or an external id exactly.
  index('appeals_number_idx').on(t.number),
  index('appeals_external_id_idx').on(t.externalId).where(sql`external_id is not null`),
  index('appeals_channel_received_idx').on(t.channel, t.receivedAt, t.id),
  index('appeals_open_register_idx').on(t.deadlineRegister, t.id).where(sql`status = 'received'`),
  // Foreign keys the registry filters by, and the users an answer refers to.
  index('appeals_topic_idx').on(t.topicCode),
  index('appeals_department_idx').on(t.departmentId),
  index('appeals_answer_submitted_idx').on(t.answerSubmittedBy).where(sql`answer_submitted_by is not null`),
  index('appeals_answer_approved_idx').on(t.answerApprovedBy).where(sql`answer_approved_by is not null`),
  // Repeated appeals: the earlier appeals of an author, by any of the author's keys.
  index('appeals_author_keys_idx').using('gin', t.authorKeys),
  // Roadmaps measure their effect by a municipality's appeals on given topics over a period.
  index('appeals_org_topic_received_idx').on(t.organizationId, t.topicCode, t.receivedAt),
  // Problem clusters: the recent appeals at one street of a municipality, and a cluster's appeals.
  index('appeals_place_idx').on(t.organizationId, t.placeStreet, t.receivedAt).where(sql`place_street is not null`),
  index('appeals_cluster_idx').on(t.clusterId, t.receivedAt).where(sql`cluster_id is not null`),
  index('appeals_tone_idx').on(t.organizationId, t.tone, t.receivedAt).where(sql`tone <> 'neutral'`),
  // The quarterly report counts a municipality's appeals by registration time from an index-only scan of
  // appeals_org_registered_idx (organization_id, registered_at) INCLUDE (the columns it counts), which is
  // written by hand in its migration (the schema builder has no INCLUDE); its cache asks for the last revision.
  index('appeals_org_revision_idx').on(t.organizationId, t.revision),
  // Satisfaction ratings of a period: the rated appeals of a municipality by the time they were received.
  index('appeals_rated_idx').on(t.organizationId, t.receivedAt).where(sql`rating_score is not null`),
]);

/** The appeal's timeline: every step of its life cycle and every internal comment. */
export const appealEvents = pgTable('appeal_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  appealId: uuid('appeal_id').notNull().references(() => appeals.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  kind: text('kind', { enum: ['action', 'comment', 'system', 'citizen'] }).notNull(),
  action: text('action'),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  note: text('note'),
  payload: jsonb('payload'),
}, (t) => [index('appeal_events_appeal_idx').on(t.appealId, t.id)]);

/**
 * Every uploaded file (of appeals and their answers, of risks, of ЦУР requests and their answers), kept in the
 * database so that it commits together with its owner. `owner_type` and `owner_id` name the owner; the
 * organization is the owner's (null for files of a ЦУР request itself).
 */
export const files = pgTable('files', {
  id: id(),
  organizationId: uuid('organization_id').references(() => organizations.id),
  ownerType: text('owner_type', { enum: ['appeal', 'risk', 'request', 'recommendation', 'practice', 'training', 'roadmap_measure'] }).notNull(),
  ownerId: uuid('owner_id').notNull(),
  purpose: text('purpose', { enum: ['appeal', 'answer', 'publication', 'refutation', 'request', 'recommendation', 'report', 'practice', 'material', 'evidence'] }).notNull(),
  filename: text('filename').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('files_owner_idx').on(t.ownerType, t.ownerId, t.createdAt)]);

/** In-app notifications; `dedupeKey` makes jobs that create them idempotent. */
export const notifications = pgTable('notifications', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').references(() => organizations.id),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body'),
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  link: text('link'),
  dedupeKey: text('dedupe_key'),
  createdAt: createdAt(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [
  index('notifications_user_idx').on(t.userId, t.createdAt.desc()),
  uniqueIndex('notifications_dedupe_key').on(t.userId, t.dedupeKey),
]);

/** State of named background jobs, so that a restart resumes where it stopped. */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * What the reminder jobs have already done: one row per (job, key), e.g. an appeal's deadline and stage.
 * A job selects only work without a mark and writes the marks with the notifications, so it never repeats itself.
 */
export const jobMarks = pgTable('job_marks', {
  job: text('job').notNull(),
  key: text('key').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.job, t.key] })]);

/** Information risks (§7): publications that may harm trust in an administration, with two 3-hour clocks. */
export const risks = pgTable('risks', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  number: text('number').notNull(),
  link: text('link'),
  platform: text('platform').notNull(),
  sourceName: text('source_name'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
  text: text('text').notNull(),
  reachViews: integer('reach_views'),
  reachComments: integer('reach_comments'),
  reachReposts: integer('reach_reposts'),
  topicCode: text('topic_code').references(() => topics.code),
  kind: text('kind').notNull(),
  level: text('level').notNull(),
  status: text('status').notNull(),
  registeredBy: uuid('registered_by').references(() => users.id),
  registeredBySide: text('registered_by_side', { enum: ['cur', 'municipality'] }).notNull(),
  curatorId: uuid('curator_id').references(() => users.id),
  /** When the signal reached the administration (its 3-hour clock starts here, §10.3). */
  signalReceivedAt: timestamp('signal_received_at', { withTimezone: true }),
  /** When a contact official opened and acknowledged the signal: a fact, not the start of the clock. */
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  curProposalAt: timestamp('cur_proposal_at', { withTimezone: true }),
  draftAt: timestamp('draft_at', { withTimezone: true }),
  headApprovedAt: timestamp('head_approved_at', { withTimezone: true }),
  headApprovedBy: uuid('head_approved_by').references(() => users.id),
  curApprovedAt: timestamp('cur_approved_at', { withTimezone: true }),
  curApprovedBy: uuid('cur_approved_by').references(() => users.id),
  publicationAt: timestamp('publication_at', { withTimezone: true }),
  publicationPlace: text('publication_place'),
  publicationLink: text('publication_link'),
  publicationText: text('publication_text'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  outcome: text('outcome'),
  deadlineCurProposal: timestamp('deadline_cur_proposal', { withTimezone: true }).notNull(),
  deadlineDraft: timestamp('deadline_draft', { withTimezone: true }),
  search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('russian', coalesce("number", '') || ' ' || coalesce("text", '') || ' ' || coalesce("source_name", '') || ' ' || coalesce("link", ''))`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('risks_number_key').on(t.number),
  index('risks_org_detected_idx').on(t.organizationId, t.detectedAt, t.id),
  index('risks_status_idx').on(t.status, t.deadlineCurProposal),
  index('risks_search_idx').using('gin', t.search),
]);

/** Every version of the ЦУР proposal, the administration's draft and the remarks between them. */
export const riskVersions = pgTable('risk_versions', {
  id: id(),
  riskId: uuid('risk_id').notNull().references(() => risks.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  version: integer('version').notNull(),
  kind: text('kind', { enum: ['proposal', 'draft', 'remark'] }).notNull(),
  side: text('side', { enum: ['cur', 'municipality'] }).notNull(),
  authorId: uuid('author_id').references(() => users.id),
  text: text('text').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('risk_versions_key').on(t.riskId, t.version)]);

export const riskEvents = pgTable('risk_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  riskId: uuid('risk_id').notNull().references(() => risks.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  note: text('note'),
  payload: jsonb('payload'),
}, (t) => [index('risk_events_risk_idx').on(t.riskId, t.id)]);

/** Region-wide sequence numbers (risks and the like), by kind and year. */
export const counters = pgTable('counters', {
  name: text('name').notNull(),
  year: integer('year').notNull(),
  lastSeq: integer('last_seq').notNull(),
}, (t) => [primaryKey({ columns: [t.name, t.year] })]);

/** Outgoing e-mail: written in the transaction of the change, delivered by a job with retries. */
export const mailOutbox = pgTable('mail_outbox', {
  id: id(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  dedupeKey: text('dedupe_key'),
  /** Message-ID of the letter this one answers (RFC 5322 In-Reply-To), with its angle brackets. */
  inReplyTo: text('in_reply_to'),
  /** The thread's Message-IDs (RFC 5322 References), space-separated. */
  references: text('references'),
  createdAt: createdAt(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [
  index('mail_outbox_pending_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  uniqueIndex('mail_outbox_dedupe_key').on(t.dedupeKey),
]);

/** Contact officials of each administration (§9); the notifications of every module go to the current ones. */
export const contactOfficials = pgTable('contact_officials', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  userId: uuid('user_id').references(() => users.id),
  /** §9: the surname, name and patronymic in full, each on its own; full_name is their joined form. */
  surname: text('surname').notNull().default(''),
  name: text('name').notNull().default(''),
  patronymic: text('patronymic'),
  fullName: text('full_name').notNull(),
  position: text('position').notNull(),
  email: text('email').notNull(),
  phone: text('phone').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('contact_officials_org_idx').on(t.organizationId, t.active)]);

export const contactOfficialHistory = pgTable('contact_official_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  contactId: uuid('contact_id').notNull().references(() => contactOfficials.id),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  change: text('change').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
}, (t) => [index('contact_official_history_idx').on(t.organizationId, t.id)]);

/** Official requests of ЦУР for information (§10.4–10.5), to one or many municipalities. */
export const infoRequests = pgTable('info_requests', {
  id: id(),
  number: text('number').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('info_requests_number_key').on(t.number)]);

export const infoRequestRecipients = pgTable('info_request_recipients', {
  requestId: uuid('request_id').notNull().references(() => infoRequests.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  readAt: timestamp('read_at', { withTimezone: true }),
  readBy: uuid('read_by').references(() => users.id),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  answeredBy: uuid('answered_by').references(() => users.id),
  answerText: text('answer_text'),
}, (t) => [primaryKey({ columns: [t.requestId, t.organizationId] }), index('info_request_recipients_org_idx').on(t.organizationId)]);

/** Quarterly statistical and analytical reports of administrations to ЦУР (§10.1–10.2). */
export const quarterlyReports = pgTable('quarterly_reports', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  year: integer('year').notNull(),
  quarter: integer('quarter').notNull(),
  status: text('status', { enum: ['draft', 'signed', 'submitted', 'accepted', 'returned'] }).notNull().default('draft'),
  analytics: jsonb('analytics').$type<{ mainProblems: string; measures: string; proposals: string }>().notNull().default(sql`'{"mainProblems":"","measures":"","proposals":""}'::jsonb`),
  /** The figures as submitted; while a draft, figures are counted from the registry (kept until it changes). */
  figures: jsonb('figures'),
  signedBy: uuid('signed_by').references(() => users.id),
  signedAt: timestamp('signed_at', { withTimezone: true }),
  submittedBy: uuid('submitted_by').references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  remarks: text('remarks'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('quarterly_reports_key').on(t.organizationId, t.year, t.quarter)]);

/** Problem clusters: appeals of different authors about one problem at one place (server/text/problem.ts). */
export const problemClusters = pgTable('problem_clusters', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  title: text('title').notNull(),
  placeStreet: text('place_street'),
  placeHouse: text('place_house'),
  size: integer('size').notNull().default(0),
  firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('problem_clusters_org_last_idx').on(t.organizationId, t.lastAt),
  index('problem_clusters_last_idx').on(t.lastAt),
]);

// ── Channel imports and Open311 ─────────────────────────────────────────────────────────────────────

/**
 * Categories of ПОС and Инцидент-менеджмент mapped to topics of our classifier; the ЦУР administrator edits
 * the table. Category and subcategory are kept normalised (lower case, single spaces); '' is «any subcategory».
 */
export const importCategories = pgTable('import_categories', {
  source: text('source', { enum: ['pos', 'incidents'] }).notNull(),
  category: text('category').notNull(),
  subcategory: text('subcategory').notNull().default(''),
  topicCode: text('topic_code').notNull().references(() => topics.code),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.source, t.category, t.subcategory] })]);

/** One import of an exported file into a municipality: its progress, its summary and its rejected rows. */
export const importRuns = pgTable('import_runs', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  source: text('source', { enum: ['pos', 'incidents'] }).notNull(),
  filename: text('filename').notNull(),
  dryRun: boolean('dry_run').notNull().default(false),
  status: text('status', { enum: ['running', 'done', 'failed'] }).notNull().default('running'),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  created: integer('created').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  /** Every rejected row: its number in the file, the column, the problem and the value. */
  rejections: jsonb('rejections').$type<{ row: number; column: string; problem: string; value: string }[]>().notNull().default(sql`'[]'::jsonb`),
  /** Categories of the file that the table does not map to a topic yet. */
  unmappedCategories: jsonb('unmapped_categories').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  error: text('error'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [index('import_runs_org_idx').on(t.organizationId, t.createdAt)]);

/** Keys of Open311 clients, one municipality each; issued and revoked by the ЦУР administrator. */
export const open311Keys = pgTable('open311_keys', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  name: text('name').notNull(),
  /** SHA-256 of the key; the key itself is shown once, when issued. */
  keyHash: text('key_hash').notNull(),
  prefix: text('prefix').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('open311_keys_hash_key').on(t.keyHash), index('open311_keys_org_idx').on(t.organizationId)]);

/** Who set an appeal's topic: only a person's choice (`person`) teaches the topic model, never a topic it filed itself (`model`) or one an import brought (`import`). */
export const appealTopicMarks = pgTable('appeal_topic_marks', {
  appealId: uuid('appeal_id').primaryKey().references(() => appeals.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  topicCode: text('topic_code').notNull().references(() => topics.code),
  source: text('source', { enum: ['person', 'model', 'import'] }).notNull(),
  setBy: uuid('set_by').references(() => users.id),
  at: timestamp('at', { withTimezone: true }).notNull(),
}, (t) => [
  index('appeal_topic_marks_person_idx').on(t.at).where(sql`source = 'person'`),
  index('appeal_topic_marks_org_idx').on(t.organizationId),
]);

/**
 * Where a municipality sends appeals of an operational group: per department, how many appeals of the group
 * were assigned to it (learnt at every assignment) and whether a person made it the group's department.
 */
export const groupDepartments = pgTable('group_departments', {
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  groupCode: text('group_code').notNull(),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  assignments: integer('assignments').notNull().default(0),
  configured: boolean('configured').notNull().default(false),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.groupCode, t.departmentId] }),
  uniqueIndex('group_departments_configured_key').on(t.organizationId, t.groupCode).where(sql`configured`),
]);

/** The installation's learnt topic model, one row per model kind, replaced by every training. */
export const textModels = pgTable('text_models', {
  name: text('name').primaryKey(),
  /** Format of the stored model; a model of another format is trained anew. */
  format: integer('format').notNull(),
  model: bytea('model').notNull(),
  /** Person-set topics the model learnt from, and the latest of them. */
  texts: integer('texts').notNull(),
  labels: integer('labels').notNull(),
  learntUntil: timestamp('learnt_until', { withTimezone: true }),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
});

/** A municipality's incoming mailbox (IMAP): every new letter becomes a 59-ФЗ appeal sent by e-mail. */
export const mailboxes = pgTable('mailboxes', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  tls: boolean('tls').notNull().default(true),
  login: text('login').notNull(),
  /** AES-256-GCM of the password under OTKLIK_MAILBOX_KEY (iv.tag.ciphertext, base64url); null when passwordEnv is used. */
  passwordEncrypted: text('password_encrypted'),
  /** Name of the environment variable holding the password instead. */
  passwordEnv: text('password_env'),
  folder: text('folder').notNull().default('INBOX'),
  active: boolean('active').notNull().default(true),
  lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
  lastError: text('last_error'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('mailboxes_organization_key').on(t.organizationId)]);

/**
 * What the feed reader keeps of one feed between fetches: the validators of its last answer for a
 * conditional GET, and after failures their count and when to try again (backoff).
 */
const feedState = () => ({
  etag: text('etag'),
  lastModified: text('last_modified'),
  lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true }),
  lastError: text('last_error'),
  failures: integer('failures').notNull().default(0),
  nextFetchAt: timestamp('next_fetch_at', { withTimezone: true }),
});

/** A publication source the ЦУР watches for a municipality: an RSS or Atom feed of local media or an official page. */
export const monitoringSources = pgTable('monitoring_sources', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  name: text('name').notNull(),
  url: text('url').notNull(),
  /** The risk platform its publications come from (news, vk, telegram, website…). */
  platform: text('platform').notNull(),
  keywords: jsonb('keywords').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  active: boolean('active').notNull().default(true),
  ...feedState(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('monitoring_sources_org_url_key').on(t.organizationId, t.url)]);

/** A new publication of a source that mentions the municipality, a keyword, or reads as negative: the ЦУР triage queue. */
export const monitoringItems = pgTable('monitoring_items', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  sourceId: uuid('source_id').notNull().references(() => monitoringSources.id, { onDelete: 'cascade' }),
  /** The feed's own id of the item (guid, Atom id) or, lacking one, its link: each is queued once per source. */
  guid: text('guid').notNull(),
  link: text('link'),
  title: text('title').notNull(),
  text: text('text').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  foundAt: timestamp('found_at', { withTimezone: true }).notNull(),
  /** Why it was queued: the municipality named, keywords found, the tone. */
  mentionsMunicipality: boolean('mentions_municipality').notNull(),
  keywords: jsonb('keywords').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  tone: text('tone').notNull(),
  status: text('status', { enum: ['new', 'registered', 'rejected'] }).notNull().default('new'),
  riskId: uuid('risk_id').references(() => risks.id),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  rejectReason: text('reject_reason'),
}, (t) => [
  uniqueIndex('monitoring_items_source_guid_key').on(t.organizationId, t.sourceId, t.guid),
  index('monitoring_items_status_idx').on(t.status, t.foundAt),
]);

/** An administration's official account in a social network or messenger, or its website. */
export const officialPages = pgTable('official_pages', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  platform: text('platform').notNull(),
  url: text('url').notNull(),
  name: text('name'),
  /** The platform's mark of an official (state) page. */
  verified: boolean('verified').notNull().default(false),
  /** The page's RSS or Atom, where it has one: the date of its last post is read from it. */
  feedUrl: text('feed_url'),
  lastPostAt: timestamp('last_post_at', { withTimezone: true }),
  ...feedState(),
  /** The website's check for the ПОС widget: null until checked. */
  widgetInstalled: boolean('widget_installed'),
  widgetEvidence: text('widget_evidence'),
  widgetError: text('widget_error'),
  widgetCheckedAt: timestamp('widget_checked_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('official_pages_org_url_key').on(t.organizationId, t.url)]);
/** Recommendations and methodological guidance of ЦУР (§4.3, §4.5, §6.1) to one, several or all municipalities. */
export const recommendations = pgTable('recommendations', {
  id: id(),
  number: text('number').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('recommendations_number_key').on(t.number), index('recommendations_created_idx').on(t.createdAt)]);

/** One addressee of a recommendation: acknowledgement, the report on implementation and ЦУР's review of it. */
export const recommendationRecipients = pgTable('recommendation_recipients', {
  recommendationId: uuid('recommendation_id').notNull().references(() => recommendations.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  status: text('status', { enum: ['sent', 'acknowledged', 'reported', 'accepted', 'returned'] }).notNull().default('sent'),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  reportText: text('report_text'),
  reportedAt: timestamp('reported_at', { withTimezone: true }),
  reportedBy: uuid('reported_by').references(() => users.id),
  remarks: text('remarks'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
}, (t) => [primaryKey({ columns: [t.recommendationId, t.organizationId] }), index('recommendation_recipients_org_idx').on(t.organizationId, t.status)]);

/** The library of best practices and optimised regulations (§4.4): proposed by a municipality, published by ЦУР. */
export const practices = pgTable('practices', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  title: text('title').notNull(),
  kind: text('kind', { enum: ['practice', 'regulation'] }).notNull().default('practice'),
  topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
  text: text('text').notNull(),
  status: text('status', { enum: ['proposed', 'published', 'returned'] }).notNull().default('proposed'),
  remarks: text('remarks'),
  proposedBy: uuid('proposed_by').references(() => users.id),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('practices_org_idx').on(t.organizationId, t.status), index('practices_status_idx').on(t.status, t.publishedAt)]);

/** Courses and events of ЦУР for the staff of administrations (§6.2). */
export const trainings = pgTable('trainings', {
  id: id(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  format: text('format', { enum: ['in_person', 'online', 'webinar'] }).notNull(),
  place: text('place'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('trainings_starts_idx').on(t.startsAt)]);

/** A staff member enrolled in a training, and whether they attended it. */
export const trainingParticipants = pgTable('training_participants', {
  trainingId: uuid('training_id').notNull().references(() => trainings.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
  enrolledBy: uuid('enrolled_by').references(() => users.id),
  attended: boolean('attended'),
  markedAt: timestamp('marked_at', { withTimezone: true }),
  markedBy: uuid('marked_by').references(() => users.id),
}, (t) => [primaryKey({ columns: [t.trainingId, t.userId] }), index('training_participants_org_idx').on(t.organizationId, t.userId)]);

// ── Roadmaps, informing, polls ──────────────────────────────────────────────────────────────────────

/** A place a roadmap is about: a street (stems as appeals keep them, server/text/place.ts) or a settlement. */
export interface RoadmapPlace { kind: 'street' | 'settlement'; name: string; street: string | null; house: string | null }

/** A municipality's plan of measures against the cause of repeated appeals (§6.3), linked to topics, places and clusters. */
export const roadmaps = pgTable('roadmaps', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  /** Classifier codes; an appeal counts when its topic is one of them or lies under one. */
  topicCodes: text('topic_codes').array().notNull(),
  places: jsonb('places').$type<RoadmapPlace[]>().notNull().default(sql`'[]'::jsonb`),
  clusterIds: uuid('cluster_ids').array().notNull().default(sql`'{}'::uuid[]`),
  /** Local date in the municipality's time zone: the effect compares the time after it with as long before it. */
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('roadmaps_org_idx').on(t.organizationId, t.startsOn)]);

export const roadmapMeasures = pgTable('roadmap_measures', {
  id: id(),
  roadmapId: uuid('roadmap_id').notNull().references(() => roadmaps.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  title: text('title').notNull(),
  responsible: text('responsible').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: text('status', { enum: ['planned', 'in_progress', 'done', 'cancelled'] }).notNull().default('planned'),
  note: text('note'),
  doneAt: timestamp('done_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('roadmap_measures_roadmap_idx').on(t.roadmapId, t.dueOn)]);

export const roadmapComments = pgTable('roadmap_comments', {
  id: id(),
  roadmapId: uuid('roadmap_id').notNull().references(() => roadmaps.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  authorId: uuid('author_id').references(() => users.id),
  side: text('side', { enum: ['cur', 'municipality'] }).notNull(),
  text: text('text').notNull(),
  createdAt: createdAt(),
}, (t) => [index('roadmap_comments_roadmap_idx').on(t.roadmapId, t.createdAt)]);

/** The plan of publications informing residents (§6.2): topic, channel, planned date, status, link once published. */
export const publications = pgTable('publications', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  title: text('title').notNull(),
  topicCode: text('topic_code').references(() => topics.code),
  channel: text('channel').notNull(),
  plannedOn: date('planned_on', { mode: 'string' }).notNull(),
  status: text('status', { enum: ['planned', 'published', 'cancelled'] }).notNull().default('planned'),
  link: text('link'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('publications_org_planned_idx').on(t.organizationId, t.plannedOn)]);

/**
 * A resident's e-mail subscription to a municipality's topics, without an account. Topics asked for wait in
 * `pending_topics` until the link of the confirmation letter is opened (double opt-in); the unsubscribe token
 * goes into every letter.
 */
export const subscriptions = pgTable('subscriptions', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  email: text('email').notNull(),
  topicCodes: text('topic_codes').array().notNull().default(sql`'{}'::text[]`),
  pendingTopicCodes: text('pending_topic_codes').array(),
  status: text('status', { enum: ['pending', 'confirmed', 'unsubscribed'] }).notNull().default('pending'),
  /** SHA-256 of the confirmation token of the latest request. */
  confirmTokenHash: text('confirm_token_hash'),
  unsubscribeToken: text('unsubscribe_token').notNull(),
  createdAt: createdAt(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('subscriptions_email_key').on(t.organizationId, sql`lower(${t.email})`),
  uniqueIndex('subscriptions_confirm_key').on(t.confirmTokenHash),
  uniqueIndex('subscriptions_unsubscribe_key').on(t.unsubscribeToken),
  index('subscriptions_confirmed_idx').on(t.organizationId).where(sql`status = 'confirmed'`),
]);

/** Results of a vote or a public discussion (§1.3, §4.2), entered or imported: the question and every option's count. */
export const polls = pgTable('polls', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  kind: text('kind', { enum: ['vote', 'discussion'] }).notNull(),
  question: text('question').notNull(),
  topicCode: text('topic_code').notNull().references(() => topics.code),
  options: jsonb('options').$type<{ label: string; count: number }[]>().notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  source: text('source', { enum: ['manual', 'import'] }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('polls_key').on(t.organizationId, t.question, t.startsOn, t.endsOn),
  index('polls_org_topic_idx').on(t.organizationId, t.topicCode, t.endsOn),
  index('polls_topic_idx').on(t.topicCode, t.endsOn),
]);
/** An integrator's subscription to events: a URL, a secret that signs each delivery, the events wanted. */
export const webhookSubscriptions = pgTable('webhook_subscriptions', {
  id: id(),
  /** The municipality whose events it receives; null — every municipality of the region (ЦУР only). */
  organizationId: uuid('organization_id').references(() => organizations.id),
  name: text('name').notNull(),
  url: text('url').notNull(),
  /** Key of the HMAC-SHA256 signature; shown once, when set, and never read back through the API. */
  secret: text('secret').notNull(),
  events: text('events').array().notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('webhook_subscriptions_org_idx').on(t.organizationId)]);

/** The outbox of events: written in the transaction of the change, with the body every delivery sends. */
export const webhookEvents = pgTable('webhook_events', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  type: text('type').notNull(),
  /** The JSON body exactly as it is sent and signed. */
  body: text('body').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
}, (t) => [index('webhook_events_org_idx').on(t.organizationId, t.occurredAt)]);

/** One event for one subscription: at most one per pair, retried with backoff until delivered or given up. */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: id(),
  subscriptionId: uuid('subscription_id').notNull().references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
  eventId: uuid('event_id').notNull().references(() => webhookEvents.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('webhook_deliveries_key').on(t.subscriptionId, t.eventId),
  index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt),
]);

/** Every attempt of a delivery: its answer or error and how long it took. */
export const webhookAttempts = pgTable('webhook_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  deliveryId: uuid('delivery_id').notNull().references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
  attempt: integer('attempt').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  statusCode: integer('status_code'),
  durationMs: integer('duration_ms').notNull(),
  error: text('error'),
}, (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.id)]);
