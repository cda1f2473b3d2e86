// The author's rating of the answer: five stars as a radio group (keyboard and screen reader friendly) and a comment.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Icon, Text } from '@gravity-ui/uikit';
import { Star, StarFill } from '@gravity-ui/icons';
import { api, ApiError, type PublicStatus } from '../api';
import { useI18n } from '../i18n';
import { fieldErrorOf } from './form';
import { PublicTextField } from './PublicFields';

export function RatingForm({ number, code, onRated }: { number: string; code: string; onRated(status: PublicStatus): void }) {
  const { t, errorText } = useI18n();
  const r = t.reception;
  const [score, setScore] = useState(0);
  const [hover, setHover] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score < 1) {
      setError(new ApiError(400, 'validation_failed', r.chooseScore, [{ field: 'score', message: r.chooseScore }]));
      return;
    }
    setSending(true);
    setError(null);
    try {
      onRated(await api.public.rate(number, { code, score, comment: comment.trim() || undefined }));
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const shown = hover || score;
  return (
    <form className="public-card rating-form" onSubmit={submit} noValidate data-qa="rating-form">
      <h2 className="public-card__title">{r.rateTitle}</h2>
      <Text as="p" color="secondary">{r.rateLead}</Text>
      {error !== null && !fieldErrorOf(error, 'score') && <Alert theme="danger" message={errorText(error)} />}
      <fieldset className="stars" onMouseLeave={() => setHover(0)}>
        <legend className="public-field__label">{r.score}</legend>
        <div className="stars__row">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={`star${n <= shown ? ' star_on' : ''}`} onMouseEnter={() => setHover(n)} data-qa={`star-${n}`}>
              <input type="radio" name="score" value={n} className="visually-hidden" checked={score === n} onChange={() => setScore(n)} aria-label={r.star(n)} />
              <Icon data={n <= shown ? StarFill : Star} size={36} />
            </label>
          ))}
        </div>
        {fieldErrorOf(error, 'score') && <Text as="p" color="danger" role="alert">{fieldErrorOf(error, 'score')}</Text>}
      </fieldset>
      <PublicTextField name="comment" label={r.comment} value={comment} onUpdate={setComment} multiline error={fieldErrorOf(error, 'comment')} />
      <Button type="submit" view="action" size="xl" loading={sending} qa="rating-submit">{r.sendRating}</Button>
    </form>
  );
}
