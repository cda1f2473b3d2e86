// The official comment on the administration's letterhead, as DOCX and PDF.
import { RISK_PLATFORM_LABELS, type RiskPlatform } from '../../../domain/risks';
import { toLocalDate } from '../../../domain/calendar/localDate';
import type { Db } from '../../db';
import { findOrganization } from '../organizations/repository';
import { lastDraft } from './repository';
import { activeHeads } from '../users/repository';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { renderOfficialLetterDocx, renderOfficialLetterPdf } from '../../platform/documents';
import { visibleRisk } from './service';
import { riskPolicy } from './policy';

export async function officialCommentDocument(db: Db, actor: Actor, id: string, format: 'docx' | 'pdf', now: Date) {
  const risk = await visibleRisk(db, actor, id);
  riskPolicy.authorize(actor, 'exportComment', risk);
  const org = (await findOrganization(db, risk.organizationId))!;
  const draft = await lastDraft(db, id);
  const text = risk.publicationText || draft?.text;
  if (!text) throw new AppError(409, 'no_comment_yet', 'Проект официального комментария ещё не подготовлен');
  const [head] = await activeHeads(db, org.id);
  const published = risk.publishedAt ? ` от ${toLocalDate(risk.publishedAt, org.timeZone).split('-').reverse().join('.')}` : '';
  const letter = {
    letterhead: { organizationName: `Администрация: ${org.name}`, subtitle: 'Свердловская область' },
    date: toLocalDate(risk.publicationAt ?? now, org.timeZone),
    number: risk.number,
    title: 'Официальный комментарий',
    addressee: 'Центр управления региона Свердловской области',
    paragraphs: [
      `По публикации${published} (${RISK_PLATFORM_LABELS.ru[risk.platform as RiskPlatform]}${risk.sourceName ? `, «${risk.sourceName}»` : ''}${risk.link ? `, ${risk.link}` : ''}) сообщаем следующее.`,
      ...text.split(/\n{1,}/).map((p) => p.trim()).filter(Boolean),
    ],
    signature: { position: head?.position ?? 'Глава', fullName: head?.fullName ?? '' },
    footer: risk.publicationAt ? `Опубликовано: ${risk.publicationPlace ?? ''}${risk.publicationLink ? `, ${risk.publicationLink}` : ''}` : undefined,
  };
  const filename = `Официальный комментарий ${risk.number}.${format}`;
  if (format === 'docx') {
    return { content: await renderOfficialLetterDocx(letter), filename, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  }
  return { content: await renderOfficialLetterPdf(letter), filename, contentType: 'application/pdf' };
}
