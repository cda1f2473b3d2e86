// The appeal's history: every step with who and when, citizen events, and internal comments with a form to add one.
import { useState, type FormEvent } from 'react';
import { Button, Label, Text, TextArea } from '@gravity-ui/uikit';
import { ACTION_LABELS, RESULT_CODE_LABELS, STATUS_LABELS, isAppealAction, type AppealStatus, type ResultCode } from '../../../domain/appeals';
import { api, type TimelineEntry } from '../api';
import { useI18n } from '../i18n';
import { fieldErrorOf } from './form';
import { Panel } from './Facts';
import { useNotify } from './notify';

interface AppealTimelineProps {
  appealId: string;
  items: TimelineEntry[] | null;
  /** Whether the server lets this user leave an internal comment (the appeal's `can.comment`). */
  canComment: boolean;
  onChange(items: TimelineEntry[]): void;
}

function payloadDetails(entry: TimelineEntry, locale: 'ru' | 'en', tl: { files: string; score(n: number): string }): string | null {
  const p = (entry.payload ?? {}) as Record<string, unknown>;
  if (entry.action === 'attach' && Array.isArray(p.files)) return `${tl.files}: ${p.files.join(', ')}`;
  if (entry.action === 'rate' && typeof p.score === 'number') return tl.score(p.score);
  if (entry.action === 'submit_answer' && typeof p.resultCode === 'string') return RESULT_CODE_LABELS[locale][p.resultCode as ResultCode] ?? p.resultCode;
  return null;
}

export function AppealTimeline({ appealId, items, canComment, onChange }: AppealTimelineProps) {
  const { t, locale, formatDateTime, errorText } = useI18n();
  const tl = t.appeals.timeline;
  const notify = useNotify();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setSending(true);
    setError(null);
    try {
      onChange((await api.appeals.comment(appealId, text.trim())).items);
      setText('');
      notify.success(tl.commentAdded);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const title = (entry: TimelineEntry): string => {
    if (entry.kind === 'comment') return tl.comment;
    if (entry.action && isAppealAction(entry.action)) return ACTION_LABELS[locale][entry.action];
    return (entry.action && tl.events[entry.action]) || entry.action || entry.kind;
  };
  const actor = (entry: TimelineEntry) => entry.actor?.fullName ?? (entry.kind === 'citizen' ? tl.citizen : tl.system);
  const status = (s: string | null) => (s ? STATUS_LABELS[locale][s as AppealStatus] ?? s : null);

  return (
    <Panel title={tl.title} qa="appeal-timeline">
      {items && items.length === 0 && <Text color="secondary">{tl.empty}</Text>}
      <ol className="timeline">
        {(items ?? []).map((entry) => {
          const details = payloadDetails(entry, locale, tl);
          const from = status(entry.fromStatus);
          const to = status(entry.toStatus);
          return (
            <li key={entry.id} className={`timeline__item timeline__item_${entry.kind}`} data-qa="timeline-item">
              <div className="timeline__head">
                <Label theme={entry.kind === 'comment' ? 'info' : entry.kind === 'citizen' ? 'success' : 'normal'} size="xs">{title(entry)}</Label>
                <Text variant="body-1" className="timeline__actor">{actor(entry)}</Text>
                <Text variant="caption-2" color="secondary">{formatDateTime(entry.at)}</Text>
              </div>
              {to && from !== to && <Text as="div" variant="caption-2" color="secondary">{from ? `${from} → ${to}` : to}</Text>}
              {entry.note && <div className="timeline__note">{entry.note}</div>}
              {details && <Text as="div" variant="caption-2" color="secondary">{details}</Text>}
            </li>
          );
        })}
      </ol>
      {canComment && (
        <form className="comment-form" onSubmit={submit} noValidate data-qa="comment-form">
          <TextArea
            value={text} onUpdate={setText} minRows={2} maxRows={10} placeholder={tl.commentPlaceholder} controlProps={{ 'aria-label': tl.comment }}
            validationState={error ? 'invalid' : undefined} errorMessage={error ? fieldErrorOf(error, 'text') ?? errorText(error) : undefined}
          />
          <Button type="submit" view="normal" loading={sending} disabled={!text.trim()} qa="add-comment">{tl.addComment}</Button>
        </form>
      )}
    </Panel>
  );
}
