// Citizens' use cases: submit through the e-reception, follow the status, rate the answer.
import { timingSafeEqual } from 'node:crypto';
import { NO_ANSWER_GROUND_LABELS, RESULT_CODE_LABELS, STATUS_LABELS, type AppealStatus, type NoAnswerGround, type ResultCode } from '../../../domain/appeals';
import type { Db } from '../../db';
import { activeMunicipalities, heldMunicipality, heldOrganization } from '../organizations/repository';
import { audited } from '../../platform/audit';
import { AppError, notFound, validationFailed, type FieldError } from '../../platform/errors';
import { sha256 } from '../../platform/passwords';
import type { CheckedFile } from '../../platform/files';
import { intake, performAction } from '../appeals/service';
import { enqueueMail } from '../../platform/mail';
import { findByNumber, updateAppeal, addEvent, type AppealRow } from '../appeals/repository';
import { deadlineState } from '../appeals/deadlines';
import { trackingCode } from '../appeals/tracking';
import { AUTHOR_PROBLEM_LABELS, checkAuthor } from '../../../domain/appeals/author';
import type { PublicAppealBody } from './schema';

const notFoundAppeal = () => notFound('appeal_not_found', 'Обращение с таким номером и кодом не найдено');
const RATEABLE: AppealStatus[] = ['answered', 'closed'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function municipalities(db: Db) {
  return (await activeMunicipalities(db, 'all')).map((o) => ({ slug: o.slug, name: o.name, shortName: o.shortName }));
}

export { trackingCode };

export async function submit(db: Db, input: PublicAppealBody, files: CheckedFile[], now: Date, baseUrl: string) {
  const problems: FieldError[] = [];
  if (!input.consent) problems.push({ field: 'consent', message: 'Нужно согласие на обработку персональных данных' });
  const email = input.email?.trim();
  const postal = input.postalAddress?.trim();
  if (!email && !postal) problems.push({ field: 'email', message: 'Укажите адрес электронной почты или почтовый адрес для ответа (59-ФЗ, ст. 7)' });
  if (email && !EMAIL.test(email)) problems.push({ field: 'email', message: 'Неверный адрес электронной почты' });
  if (!input.surname.trim()) problems.push({ field: 'surname', message: 'Укажите фамилию' });
  if (!input.name.trim()) problems.push({ field: 'name', message: 'Укажите имя' });
  if (input.text.trim().length < 10) problems.push({ field: 'text', message: 'Опишите суть обращения (не короче 10 символов)' });
  const kind = input.authorKind ?? 'person';
  const author = {
    kind, surname: input.surname, name: input.name, patronymic: input.patronymic ?? null, email: email ?? null, postalAddress: postal ?? null, phone: input.phone?.trim() || null,
    organization: kind === 'legal_entity' ? input.organization?.trim() || null : null, inn: kind === 'legal_entity' ? input.inn?.trim() || null : null,
    signers: kind === 'collective' ? input.signers ?? [] : [],
  };
  for (const p of checkAuthor({ ...author, inn: input.inn, signers: input.signers, organization: input.organization })) {
    if (!problems.some((q) => q.field === p.field)) problems.push({ field: p.field, message: AUTHOR_PROBLEM_LABELS[p.problem] });
  }
  if (problems.length) throw validationFailed(problems);
  const org = await heldMunicipality(db, input.municipality, { active: true });
  if (!org) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
  const code = trackingCode();
  const { row } = await intake(db, null, org, {
    channel: 'fz59', subChannel: 'e_reception', status: 'received', text: input.text, address: input.address ?? null,
    author,
    trackingCodeHash: sha256(code),
  }, now, files);
  if (email) {
    await enqueueMail(db, {
      at: now, to: email, dedupeKey: `appeal:${row.id}:received`,
      subject: `Обращение № ${row.number} принято`,
      text: `Ваше обращение в ${org.name} принято под номером ${row.number}.\nКод для проверки статуса: ${code}\nСтатус: ${baseUrl}/status/${encodeURIComponent(row.number)}\n\nСрок регистрации — 3 дня, срок ответа — 30 дней со дня регистрации (Федеральный закон № 59-ФЗ).`,
    });
  }
  return { number: row.number, trackingCode: code };
}

async function findWithCode(db: Db, number: string, code: string): Promise<AppealRow> {
  const row = await findByNumber(db, number.trim().toUpperCase());
  const given = Buffer.from(sha256(code.trim().toUpperCase()));
  if (!row || !row.trackingCodeHash || !timingSafeEqual(Buffer.from(row.trackingCodeHash), given)) throw notFoundAppeal();
  return row;
}

async function presentStatus(db: Db, row: AppealRow, now: Date) {
  const org = (await heldOrganization(db, row.organizationId))!;
  const state = deadlineState(row, now, org.timeZone);
  const answered = ['answered', 'closed'].includes(row.status) || (row.status === 'reopened' && row.answerText !== null && row.ratingScore !== null);
  return {
    number: row.number,
    municipality: org.slug,
    municipalityName: org.name,
    status: row.status,
    statusLabel: STATUS_LABELS.ru[row.status as AppealStatus],
    receivedAt: row.receivedAt.toISOString(),
    registeredAt: row.registeredAt?.toISOString() ?? null,
    deadlines: state.deadlines,
    overdue: state.overdue,
    answer: answered && row.answerText ? {
      text: row.answerText, result: row.answerResult,
      resultLabel: row.answerResult ? RESULT_CODE_LABELS.ru[row.answerResult as ResultCode] : null,
      answeredAt: row.answeredAt?.toISOString() ?? null,
    } : null,
    forwardedTo: row.forwardedTo,
    forwardedOn: row.forwardedTo && row.forwardedAt ? row.forwardedAt.toISOString().slice(0, 10) : null,
    noAnswerGround: row.leftGround ? NO_ANSWER_GROUND_LABELS.ru[row.leftGround as NoAnswerGround] ?? row.leftGround : null,
    rating: row.ratingScore ? { score: row.ratingScore, comment: row.ratingComment } : null,
    canRate: RATEABLE.includes(row.status as AppealStatus) && row.ratingScore === null,
  };
}

export async function status(db: Db, number: string, code: string, now: Date) {
  return presentStatus(db, await findWithCode(db, number, code), now);
}

export async function rate(db: Db, number: string, input: { code: string; score: number; comment?: string }, now: Date) {
  const found = await findWithCode(db, number, input.code);
  if (found.ratingScore !== null) throw new AppError(409, 'already_rated', 'Оценка этому ответу уже поставлена');
  if (!RATEABLE.includes(found.status as AppealStatus)) throw new AppError(409, 'not_answered_yet', 'Оценить можно только данный ответ');
  await audited(db, null, async (tx) => {
    await updateAppeal(tx, found.id, { ratingScore: input.score, ratingComment: input.comment?.trim() || null, ratedAt: now }, now);
    await addEvent(tx, { appealId: found.id, organizationId: found.organizationId, at: now, kind: 'citizen', action: 'rate', note: input.comment?.trim() || null, payload: { score: input.score } });
    // A score of 1–2 reopens the appeal for the head and flags it for ЦУР, in the same transaction.
    if (input.score <= 2) await performAction(tx as never, null, 'system', found.id, 'reopen', { reason: 'negative_rating', rating: input.score }, now);
    return { result: undefined, audit: { action: 'appeal.rate', entityType: 'appeal', entityId: found.id, organizationId: found.organizationId, after: { score: input.score } } };
  });
  return presentStatus(db, (await findByNumber(db, found.number))!, now);
}
