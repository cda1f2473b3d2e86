// The appeal card's panels: the author, the registration details, the deadlines, the answer and rating.
import { Link as RouterLink } from 'react-router';
import { useState } from 'react';
import { Button, Card, Text } from '@gravity-ui/uikit';
import { api } from '../api';
import { useNotify } from './notify';
import {
  CHANNEL_LABELS, KIND_LABELS, NO_ANSWER_GROUND_LABELS, RESULT_CODE_LABELS, SUB_CHANNEL_LABELS, type NoAnswerGround,
} from '../../../domain/appeals';
import type { Appeal } from '../api';
import { useI18n } from '../i18n';
import { AppealFlags, useCountdown } from './AppealBadges';
import { Facts, Panel } from './Facts';

export function AppealAuthor({ appeal }: { appeal: Appeal }) {
  const { t } = useI18n();
  const c = t.appeals.card;
  const a = appeal.author;
  const fullName = [a.surname, a.name, a.patronymic].filter(Boolean).join(' ');
  const mail = a.email ? <a className="text-link" href={`mailto:${a.email}`}>{a.email}</a> : null;
  return (
    <Panel title={c.author} qa="appeal-author">
      <Facts rows={[
        [c.authorKind, t.appeals.authorKinds[a.kind] ?? a.kind],
        [c.organization, a.organization],
        [c.inn, a.inn],
        [c.fullName, fullName],
        [c.signatories, a.signatories],
        [c.signers, a.signers.length ? (
          <ul className="appeal-signers" data-qa="appeal-signers">
            {a.signers.map((s, i) => <li key={i}>{[s.surname, s.name, s.patronymic].filter(Boolean).join(' ')}{s.postalAddress ? `, ${s.postalAddress}` : ''}</li>)}
          </ul>
        ) : null],
        [c.email, mail],
        [c.phone, a.phone],
        [c.postalAddress, a.postalAddress],
      ]} />
    </Panel>
  );
}

export function AppealDetails({ appeal, onChange }: { appeal: Appeal; onChange?(appeal: Appeal): void }) {
  const { t, locale, formatDateTime } = useI18n();
  const c = t.appeals.card;
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  // 59-ФЗ «repeated» is set at intake; a person who knows better unsets it (the change is audited).
  const unsetRepeated = async () => {
    setBusy(true);
    try {
      onChange?.(await api.appeals.update(appeal.id, { repeated: false }));
    } catch (e) {
      notify.failure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Panel title={c.details} qa="appeal-details">
      <Facts rows={[
        [c.municipality, appeal.municipalityName],
        [c.channel, CHANNEL_LABELS[locale][appeal.channel]],
        [c.subChannel, SUB_CHANNEL_LABELS[locale][appeal.subChannel]],
        [c.externalId, appeal.externalId],
        [c.receivedAt, formatDateTime(appeal.receivedAt)],
        [c.registeredAt, appeal.registeredAt ? formatDateTime(appeal.registeredAt) : c.none],
        [c.address, appeal.address],
        [c.location, appeal.location ? `${appeal.location.latitude.toFixed(5)}, ${appeal.location.longitude.toFixed(5)}` : null],
        [c.topic, appeal.topic ? <span title={appeal.topic}>{appeal.topicTitle ?? appeal.topic}</span> : c.none, 'appeal-topic'],
        [c.kind, appeal.kind ? KIND_LABELS[locale][appeal.kind] : c.none],
        [c.department, appeal.department?.name ?? c.none, 'appeal-department'],
        [c.executor, appeal.executor?.fullName ?? c.none, 'appeal-executor'],
        [c.repeatOf, appeal.repeatOf ? (
          <>
            <RouterLink className="text-link" to={`/appeals/${appeal.repeatOf.id}`}>{appeal.repeatOf.number}</RouterLink>
            {appeal.can.edit && onChange && <> <Button size="xs" view="flat-secondary" loading={busy} onClick={() => void unsetRepeated()} qa="unset-repeated">{c.notRepeated}</Button></>}
          </>
        ) : null, 'appeal-repeat-of'],
        [c.resendOf, appeal.resendOf ? (
          <><RouterLink className="text-link" to={`/appeals/${appeal.resendOf.id}`}>{appeal.resendOf.number}</RouterLink> <Text color="secondary">{c.resendHint}</Text></>
        ) : null, 'appeal-resend-of'],
        [c.cluster, appeal.cluster ? (
          <RouterLink className="text-link" to={`/appeals?cluster=${appeal.cluster.id}`}>{c.clusterText(appeal.cluster.title, appeal.cluster.size)}</RouterLink>
        ) : null, 'appeal-cluster'],
        [c.obscene, appeal.language?.obscene.length ? <><Text color="danger">{appeal.language.obscene.join(', ')}</Text> <Text color="secondary">{c.languageHint}</Text></> : null, 'appeal-obscene'],
        [c.threats, appeal.language?.threats.length ? <><Text color="danger">{appeal.language.threats.join(', ')}</Text> <Text color="secondary">{c.languageHint}</Text></> : null, 'appeal-threats'],
        [c.duplicateOf, appeal.duplicateOf ? <RouterLink className="text-link" to={`/appeals/${appeal.duplicateOf}`}>{c.duplicateOf}</RouterLink> : null],
      ]} />
      <AppealFlags appeal={appeal} />
    </Panel>
  );
}

export function AppealDeadlines({ appeal }: { appeal: Appeal }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const c = t.appeals.card;
  const countdown = useCountdown()(appeal);
  const color = appeal.overdue ? 'danger' : appeal.dueSoon ? 'warning' : 'secondary';
  const running = appeal.status === 'received' ? 'register' : 'answer';
  const withCountdown = (step: 'register' | 'answer', date: string) => (
    <>
      {formatDate(date)}
      {countdown && step === running && <Text color={color} qa="card-countdown"> · {countdown}</Text>}
    </>
  );
  return (
    <Panel title={c.deadlines} qa="appeal-deadlines">
      <Facts rows={[
        [c.deadlineRegister, withCountdown('register', appeal.deadlines.register)],
        [c.deadlineForward, appeal.deadlines.forward ? formatDate(appeal.deadlines.forward) : null],
        [c.deadlineAnswer, withCountdown('answer', appeal.deadlines.answer)],
        [c.extension, appeal.extension ? c.extensionText(appeal.extension.days, appeal.extension.reason) : null],
        [c.forwarded, appeal.forwarded ? c.forwardedText(appeal.forwarded.to, formatDateTime(appeal.forwarded.at)) : null],
      ]} />
    </Panel>
  );
}

export function AppealAnswer({ appeal }: { appeal: Appeal }) {
  const { t, locale, formatDateTime } = useI18n();
  const c = t.appeals.card;
  const ground = appeal.leftWithoutAnswer?.ground as NoAnswerGround | undefined;
  if (!appeal.answer && !appeal.rating && !ground) return null;
  return (
    <Panel title={c.answer} qa="appeal-answer">
      {appeal.answer && <div className="appeal-text">{appeal.answer.text}</div>}
      <Facts rows={[
        [c.result, appeal.answer?.result ? RESULT_CODE_LABELS[locale][appeal.answer.result] : null, 'answer-result'],
        [c.leftWithoutAnswer, ground ? NO_ANSWER_GROUND_LABELS[locale][ground] ?? ground : null],
        [c.submittedBy, appeal.answer?.submittedBy?.fullName],
        [c.approvedBy, appeal.answer ? appeal.answer.approvedBy?.fullName ?? c.notApproved : null, 'answer-approved-by'],
        [c.answeredAt, appeal.answer?.answeredAt ? formatDateTime(appeal.answer.answeredAt) : null],
        [c.approvedDespiteWarning, appeal.answer?.approvedDespiteWarning ? <Text color="warning">{appeal.answerCheck?.reasons.map((r) => r.message).join('; ')}</Text> : null, 'answer-despite-warning'],
        [c.rating, appeal.rating ? `${c.ratingText(appeal.rating.score)}${appeal.rating.comment ? ` — ${appeal.rating.comment}` : ''}` : null, 'appeal-rating'],
      ]} />
    </Panel>
  );
}
