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
  index('audit_log_entity_idx').on(t.entityType, t.entityId),
  index('audit_log_actor_idx').on(t.actorId),
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
  // Problem clusters: the recent appeals at one street of a municipality, and a cluster's appeals.
  index('appeals_place_idx').on(t.organizationId, t.placeStreet, t.receivedAt).where(sql`place_street is not null`),
  index('appeals_cluster_idx').on(t.clusterId, t.receivedAt).where(sql`cluster_id is not null`),
  index('appeals_tone_idx').on(t.organizationId, t.tone, t.receivedAt).where(sql`tone <> 'neutral'`),
  // The quarterly report counts a municipality's appeals by registration time from an index-only scan of
  // appeals_org_registered_idx (organization_id, registered_at) INCLUDE (the columns it counts), which is
  // written by hand in its migration (the schema builder has no INCLUDE); its cache asks for the last revision.
  index('appeals_org_revision_idx').on(t.organizationId, t.revision),
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
  ownerType: text('owner_type', { enum: ['appeal', 'risk', 'request'] }).notNull(),
  ownerId: uuid('owner_id').notNull(),
  purpose: text('purpose', { enum: ['appeal', 'answer', 'publication', 'refutation', 'request'] }).notNull(),
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
