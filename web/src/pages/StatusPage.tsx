// The citizen's status page: number and code → status, dates, deadlines, the answer, and the rating form.
// Also opened as /status/:number?code=… from the link given after sending.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Alert, Button, Text } from '@gravity-ui/uikit';
import { OPEN_STATUSES, type AppealStatus } from '../../../domain/appeals';
import { api } from '../api';
import { useI18n } from '../i18n';
import { PublicLayout } from '../components/PublicLayout';
import { PublicTextField } from '../components/PublicFields';
import { RatingForm } from '../components/RatingForm';
import { useResource } from '../state/useResource';

export function StatusPage() {
  const { number: routeNumber = '' } = useParams();
  const [params] = useSearchParams();
  const { t, errorText, formatDate, formatDateTime } = useI18n();
  const r = t.reception;
  const [number, setNumber] = useState(routeNumber);
  const [code, setCode] = useState(params.get('code') ?? '');
  const [asked, setAsked] = useState<{ number: string; code: string } | null>(null);
  const [rated, setRated] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  // Each check is a new question, even with the same number and code.
  const { data: status, error, loading, set: setStatus } = useResource(asked ? () => api.public.status(asked.number.trim(), asked.code.trim()) : null, [asked]);

  // A link with the number and code shows the status at once.
  useEffect(() => {
    const linkCode = params.get('code');
    if (routeNumber && linkCode) setAsked({ number: routeNumber, code: linkCode });
  }, [routeNumber, params]);

  // Focus moves to the result once it arrives, so that a screen reader reads it.
  useEffect(() => { if (status) resultRef.current?.focus(); }, [status?.number]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!number.trim() || !code.trim()) return;
    setRated(false);
    setAsked({ number, code });
  };

  return (
    <PublicLayout title={r.statusTitle}>
      <form className="public-form status-form" onSubmit={submit} noValidate data-qa="status-form">
        <Text as="p" color="secondary">{r.statusLead}</Text>
        <PublicTextField name="number" label={r.number} value={number} onUpdate={setNumber} required placeholder={r.numberPlaceholder} autoComplete="off" />
        <PublicTextField name="code" label={r.code} value={code} onUpdate={setCode} required autoComplete="off" />
        <Button type="submit" view="action" size="xl" width="max" loading={loading} disabled={!number.trim() || !code.trim()} qa="status-submit">{r.check}</Button>
      </form>
      {error !== null && <Alert theme="danger" message={errorText(error)} qa="status-error" />}
      {status && (
        <section className="public-card" aria-live="polite" data-qa="status-result">
          <h2 ref={resultRef} tabIndex={-1} className="public-card__title">{status.number}</h2>
          <dl className="public-facts">
            <div><dt>{r.status}</dt><dd data-qa="status-label"><strong>{status.statusLabel}</strong></dd></div>
            <div><dt>{r.municipality}</dt><dd>{status.municipalityName}</dd></div>
            <div><dt>{r.receivedAt}</dt><dd>{formatDateTime(status.receivedAt)}</dd></div>
            <div><dt>{r.registeredAt}</dt><dd>{status.registeredAt ? formatDateTime(status.registeredAt) : r.notRegistered}</dd></div>
            {!status.registeredAt && <div><dt>{r.registerDeadline}</dt><dd>{formatDate(status.deadlines.register)}</dd></div>}
            {/* Any appeal still in work shows its deadline; a reopened one — the deadline of the new answer. */}
            {(!status.answer || OPEN_STATUSES.includes(status.status as AppealStatus)) && (
              <div data-qa="status-deadline">
                <dt>{status.status === 'reopened' || (status.answer && OPEN_STATUSES.includes(status.status as AppealStatus)) ? r.reopenedDeadline : r.answerDeadline}</dt>
                <dd>{formatDate(status.deadlines.answer)}{status.overdue && <Text color="danger"> · {r.overdue}</Text>}</dd>
              </div>
            )}
            {status.forwardedTo && <div><dt>{r.forwardedTo}</dt><dd data-qa="status-forwarded">{status.forwardedTo}</dd></div>}
            {status.forwardedOn && <div><dt>{r.forwardedOn}</dt><dd>{formatDate(status.forwardedOn)}</dd></div>}
            {status.noAnswerGround && <div><dt>{r.noAnswerGround}</dt><dd data-qa="status-no-answer-ground">{status.noAnswerGround}</dd></div>}
          </dl>
          {status.answer && OPEN_STATUSES.includes(status.status as AppealStatus) && <Alert theme="info" message={r.reopenedLead} qa="status-reopened" />}
          {status.answer ? (
            <div className="public-answer" data-qa="status-answer">
              <h3>{r.answer}</h3>
              <div className="appeal-text">{status.answer.text}</div>
              <dl className="public-facts">
                {status.answer.resultLabel && <div><dt>{r.result}</dt><dd>{status.answer.resultLabel}</dd></div>}
                {status.answer.answeredAt && <div><dt>{r.answeredAt}</dt><dd>{formatDateTime(status.answer.answeredAt)}</dd></div>}
              </dl>
            </div>
          ) : <Text as="p" color="secondary">{r.noAnswerYet}</Text>}
          {status.rating && (
            <div className="public-rating" data-qa="status-rating">
              {rated && <Alert theme="success" message={r.ratingSaved} qa="rating-saved" />}
              <Text as="p"><strong>{r.yourRating}:</strong> {r.star(status.rating.score)}{status.rating.comment ? ` — ${status.rating.comment}` : ''}</Text>
            </div>
          )}
        </section>
      )}
      {status?.canRate && <RatingForm number={status.number} code={code} onRated={(s) => { setStatus(s); setRated(true); }} />}
    </PublicLayout>
  );
}
