// Turns rows into the appeal JSON of the API.
import type { Appeal } from './schema';
import type { AppealRow, ListRow } from './repository';
import type { DeadlineState } from './deadlines';
import { checkAnswer } from '../../text/answerCheck';

type Related = {
  municipality: string; municipalityName: string; topicTitle: string | null; departmentName: string | null; executorName: string | null;
  submittedByName: string | null; approvedByName: string | null;
  repeatOfNumber: string | null; resendOfNumber: string | null; clusterTitle: string | null; clusterSize: number | null;
};

export function authorDisplayName(r: { authorKind: string; authorSurname: string | null; authorName: string | null; authorPatronymic: string | null; authorOrganization: string | null }): string | null {
  if (r.authorKind === 'anonymous') return 'Анонимно';
  if (r.authorKind === 'legal_entity' && r.authorOrganization) return r.authorOrganization;
  const name = [r.authorSurname, r.authorName, r.authorPatronymic].filter(Boolean).join(' ');
  return name || r.authorOrganization || null;
}

export function presentAppeal(
  row: AppealRow,
  related: Related,
  state: DeadlineState,
  attachments: Appeal['attachments'],
  actions: string[],
  can: Appeal['can'],
  suggestions: Appeal['suggestions'],
): Appeal {
  return {
    id: row.id,
    number: row.number,
    municipality: related.municipality,
    municipalityName: related.municipalityName,
    channel: row.channel as Appeal['channel'],
    subChannel: row.subChannel as Appeal['subChannel'],
    externalId: row.externalId,
    receivedAt: row.receivedAt.toISOString(),
    registeredAt: row.registeredAt?.toISOString() ?? null,
    status: row.status,
    author: {
      kind: row.authorKind as Appeal['author']['kind'],
      surname: row.authorSurname, name: row.authorName, patronymic: row.authorPatronymic,
      email: row.authorEmail, phone: row.authorPhone, postalAddress: row.authorPostalAddress,
      organization: row.authorOrganization, inn: row.authorInn, signatories: row.signatories,
      signers: (row.authorSigners ?? []).map((s) => ({ surname: s.surname, name: s.name, patronymic: s.patronymic, postalAddress: s.postalAddress })),
    },
    text: row.text,
    address: row.address,
    location: row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
    topic: row.topicCode,
    topicTitle: related.topicTitle,
    suggestions,
    kind: row.kind as Appeal['kind'],
    department: row.departmentId ? { id: row.departmentId, name: related.departmentName ?? '' } : null,
    executor: row.executorId ? { id: row.executorId, fullName: related.executorName ?? '' } : null,
    repeated: row.repeated,
    onControl: row.onControl,
    repeatOf: row.repeatOfId ? { id: row.repeatOfId, number: related.repeatOfNumber ?? '' } : null,
    resendOf: row.resendOfId ? { id: row.resendOfId, number: related.resendOfNumber ?? '' } : null,
    cluster: row.clusterId && related.clusterTitle ? { id: row.clusterId, size: related.clusterSize ?? 0, title: related.clusterTitle } : null,
    language: row.language ?? null,
    tone: row.tone as Appeal['tone'],
    answerCheck: row.status === 'on_approval' && row.answerText ? checkAnswer(row.text, row.answerText) : row.answerCheck ?? null,
    duplicateOf: row.duplicateOfId,
    deadlines: state.deadlines,
    overdue: state.overdue,
    dueSoon: state.dueSoon,
    workingDaysLeft: state.workingDaysLeft,
    extension: row.extensionDays ? { days: row.extensionDays, reason: row.extensionReason ?? '' } : null,
    forwarded: row.forwardedTo && row.forwardedAt ? { to: row.forwardedTo, at: row.forwardedAt.toISOString() } : null,
    leftWithoutAnswer: row.leftGround ? { ground: row.leftGround } : null,
    answer: row.answerText ? {
      text: row.answerText,
      result: row.answerResult as NonNullable<Appeal['answer']>['result'],
      submittedBy: row.answerSubmittedBy ? { id: row.answerSubmittedBy, fullName: related.submittedByName ?? '' } : null,
      approvedBy: row.answerApprovedBy ? { id: row.answerApprovedBy, fullName: related.approvedByName ?? '' } : null,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      approvedDespiteWarning: row.answerApprovedDespiteWarning,
    } : null,
    rating: row.ratingScore && row.ratedAt ? { score: row.ratingScore, comment: row.ratingComment, at: row.ratedAt.toISOString() } : null,
    flaggedForCur: row.flaggedForCur,
    attachments,
    actions,
    can,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentListItem(row: ListRow, state: DeadlineState) {
  return {
    id: row.id,
    number: row.number,
    municipality: row.municipality,
    channel: row.channel as Appeal['channel'],
    subChannel: row.subChannel as Appeal['subChannel'],
    receivedAt: row.receivedAt.toISOString(),
    registeredAt: row.registeredAt?.toISOString() ?? null,
    status: row.status,
    authorName: authorDisplayName(row),
    excerpt: row.text.length >= 300 ? `${row.text.slice(0, 297)}…` : row.text,
    topic: row.topic,
    topicTitle: row.topicTitle,
    executor: row.executor,
    deadlines: state.deadlines,
    overdue: state.overdue,
    dueSoon: state.dueSoon,
    workingDaysLeft: state.workingDaysLeft,
    flaggedForCur: row.flaggedForCur,
    onControl: row.onControl,
    repeated: row.repeated,
    tone: row.tone as Appeal['tone'],
  };
}
