// The answer to an appeal as an official letter on the municipality's letterhead, as DOCX and PDF.
import { toLocalDate } from '../../../domain/calendar/localDate';
import type { Db } from '../../db';
import type { Actor } from '../../platform/actor';
import { AppError, notFound } from '../../platform/errors';
import { formatRussianDate, renderOfficialLetterDocx, renderOfficialLetterPdf, type OfficialLetter } from '../../platform/documents';
import { inScope } from '../../platform/policy';
import { isUuid } from '../../platform/http';
import { findOrganization } from '../organizations/repository';
import { activeHeads, findUser } from '../users/repository';
import * as repo from './repository';

/** «Григорьев Павел Ильич» with the postal address and the e-mail under it; an organisation by its name. */
export function addressBlock(row: repo.AppealRow): string {
  const person = [row.authorSurname, row.authorName, row.authorPatronymic].filter(Boolean).join(' ');
  const lines = [
    row.authorOrganization ?? '',
    person,
    row.authorPostalAddress ?? '',
    row.authorEmail ? `эл. почта: ${row.authorEmail}` : '',
  ].filter(Boolean);
  return lines.length ? lines.join('\n') : 'Заявителю';
}

/** «Уважаемый Павел Ильич!» when the name and patronymic are known. */
function salutation(row: repo.AppealRow): string | null {
  if (!row.authorName || !row.authorPatronymic) return null;
  const female = /(вна|чна|кызы)$/i.test(row.authorPatronymic);
  return `${female ? 'Уважаемая' : 'Уважаемый'} ${row.authorName} ${row.authorPatronymic}!`;
}

export async function answerLetter(db: Db, actor: Actor, id: string, now: Date): Promise<{ letter: OfficialLetter; number: string }> {
  const row = isUuid(id) ? await repo.findAppeal(db, id) : null;
  if (!row || !inScope(actor, row.organizationId)) throw notFound('appeal_not_found', 'Обращение не найдено');
  if (!row.answerText) throw new AppError(409, 'no_answer_yet', 'Ответ на обращение ещё не подготовлен');
  const org = (await findOrganization(db, row.organizationId))!;
  // The signature is the head who approved the answer; a draft not yet approved carries the current head.
  const approver = row.answerApprovedBy ? (await findUser(db, row.answerApprovedBy))?.user : null;
  const head = approver ?? (await activeHeads(db, org.id))[0] ?? null;
  const received = toLocalDate(row.registeredAt ?? row.receivedAt, org.timeZone);
  const letter: OfficialLetter = {
    letterhead: { organizationName: `Администрация: ${org.name}`, subtitle: 'Свердловская область' },
    date: toLocalDate(row.answeredAt ?? now, org.timeZone),
    number: row.number,
    title: 'Ответ на обращение',
    addressee: addressBlock(row),
    paragraphs: [
      ...(salutation(row) ? [salutation(row)!] : []),
      `Ваше обращение от ${formatRussianDate(received)} № ${row.number} рассмотрено.`,
      ...row.answerText.split(/\n+/).map((p) => p.trim()).filter(Boolean),
    ],
    signature: { position: head?.position ?? 'Глава', fullName: head?.fullName ?? '' },
    footer: row.answerApprovedBy ? undefined : 'Проект ответа: руководитель ещё не согласовал',
  };
  return { letter, number: row.number };
}

export async function answerDocument(db: Db, actor: Actor, id: string, format: 'docx' | 'pdf', now: Date) {
  const { letter, number } = await answerLetter(db, actor, id, now);
  const filename = `Ответ на обращение ${number}.${format}`;
  if (format === 'docx') {
    return { content: await renderOfficialLetterDocx(letter), filename, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  }
  return { content: await renderOfficialLetterPdf(letter), filename, contentType: 'application/pdf' };
}
