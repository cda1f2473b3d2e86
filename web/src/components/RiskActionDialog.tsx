// One step of §7 on a risk: a dialog with what the step needs, sent to POST /api/risks/:id/actions/:action.
// acknowledge and approve are confirmations; propose, submit_draft and remark take a text (a draft
// starts from the last draft or the ЦУР proposal); publish takes the place, link, time and final text;
// close takes the outcome. The server's field messages show at the fields.
import { useEffect, useState } from 'react';
import { Text, TextArea } from '@gravity-ui/uikit';
import {
  RISK_ACTION_LABELS, RISK_OUTCOMES, RISK_OUTCOME_LABELS, RISK_REFUSAL_LABELS, type RiskAction, type RiskRefusal,
} from '../../../domain/risks';
import { ApiError } from '../api';
import { riskApi, type Risk, type RiskActionBody } from '../riskApi';
import { useI18n } from '../i18n';
import { Field, FormDialog, SelectField, TextField, fieldErrorOf } from './form';
import { localInput } from './RiskClock';
import { DateInput } from './DateInput';

const TEXT_ACTIONS: RiskAction[] = ['propose', 'submit_draft', 'remark'];
const NEEDS_PUBLICATION = ['refuted', 'clarified'];

/** The text a dialog starts from: a draft from the last draft or, before any, the ЦУР proposal. */
function startingText(risk: Risk, action: RiskAction): { text: string; from: string | null } {
  const last = (kind: string) => [...risk.versions].reverse().find((v) => v.kind === kind);
  if (action === 'submit_draft' || action === 'publish') {
    const source = last('draft') ?? (action === 'submit_draft' ? last('proposal') : undefined);
    return { text: source?.text ?? '', from: source?.kind ?? null };
  }
  return { text: '', from: null };
}

/** The server's refusal in the language of the interface. */
function translated(error: unknown, locale: 'ru' | 'en'): unknown {
  if (!(error instanceof ApiError)) return error;
  const label = RISK_REFUSAL_LABELS[locale][error.code as RiskRefusal];
  return label ? new ApiError(error.status, error.code, label, error.details, error.requestId) : error;
}

interface RiskActionDialogProps {
  risk: Risk;
  action: RiskAction | null;
  onClose(): void;
  onDone(risk: Risk, action: RiskAction): void;
}

export function RiskActionDialog({ risk, action, onClose, onDone }: RiskActionDialogProps) {
  const { t, locale } = useI18n();
  const d = t.risks.action;
  const [text, setText] = useState('');
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [link, setLink] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  // Left at the moment the dialog opened, the server takes the moment of publishing to the second.
  const [openedAt, setOpenedAt] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (!action) return;
    const start = startingText(risk, action);
    setText(start.text);
    setPrefilledFrom(start.from);
    setPlace('');
    setLink('');
    const opened = localInput(new Date());
    setPublishedAt(opened);
    setOpenedAt(opened);
    setOutcome('');
    setNote('');
    setError(null);
    // Only a new dialog starts over; a refreshed risk must not wipe what is being typed.
  }, [action]);

  if (!action) return null;
  const label = RISK_ACTION_LABELS[locale][action];

  const body = (): RiskActionBody => {
    switch (action) {
      case 'propose': case 'submit_draft': case 'remark':
        return { text: text.trim() || undefined };
      case 'publish':
        return {
          place: place.trim() || undefined, link: link.trim() || undefined,
          publishedAt: publishedAt && publishedAt !== openedAt ? new Date(publishedAt).toISOString() : undefined, text: text.trim() || undefined,
        };
      case 'close':
        return { outcome: (outcome || undefined) as RiskActionBody['outcome'], note: note.trim() || undefined };
      default:
        return {};
    }
  };

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      onDone(await riskApi.act(risk.id, action, body()), action);
    } catch (e) {
      setError(translated(e, locale));
    } finally {
      setSubmitting(false);
    }
  };

  const textArea = (name: string, caption: string, rows: number, hint?: string) => {
    const message = fieldErrorOf(error, 'text');
    return (
      <Field label={caption} hint={hint} error={message} qa={`field-${name}`}>
        <TextArea
          name={name} value={text} onUpdate={setText} minRows={rows} maxRows={24} autoFocus controlProps={{ 'aria-label': caption }}
          validationState={message ? 'invalid' : undefined} errorMessage={message}
        />
      </Field>
    );
  };

  const publishedAtMessage = fieldErrorOf(error, 'publishedAt');
  const fromLabel = prefilledFrom ? t.risks.versions.kinds[prefilledFrom] ?? prefilledFrom : null;

  return (
    <FormDialog open title={label} submitText={label} submitting={submitting} error={error} onSubmit={() => void submit()} onClose={onClose} qa="risk-action-dialog">
      {action === 'acknowledge' && <Text>{d.confirmAcknowledge(risk.number)}</Text>}
      {action === 'approve' && <Text>{d.confirmApprove(risk.number)}</Text>}
      {TEXT_ACTIONS.includes(action) && textArea('text', `${d.text[action]} *`, action === 'remark' ? 4 : 8, fromLabel ? d.prefilledFrom(fromLabel) : undefined)}
      {action === 'publish' && (
        <>
          <TextField label={`${d.place} *`} name="place" value={place} onUpdate={setPlace} error={error} placeholder={d.placeHint} autoFocus />
          <TextField label={d.link} name="link" value={link} onUpdate={setLink} error={error} placeholder="https://…" />
          <Field label={d.publishedAt} error={publishedAtMessage} qa="field-publishedAt">
            <DateInput withTime name="publishedAt" value={publishedAt} max={localInput(new Date())} onUpdate={setPublishedAt} label={d.publishedAt} error={publishedAtMessage} size="l" />
          </Field>
          {textArea('finalText', d.finalText, 6, d.finalTextHint)}
        </>
      )}
      {action === 'close' && (
        <>
          <SelectField
            label={`${d.outcome} *`} name="outcome" value={outcome} onUpdate={setOutcome} error={error} placeholder={d.chooseOutcome}
            options={RISK_OUTCOMES.map((o) => {
              const blocked = NEEDS_PUBLICATION.includes(o) && risk.status !== 'published';
              return { value: o, content: blocked ? `${RISK_OUTCOME_LABELS[locale][o]} — ${d.needsPublication}` : RISK_OUTCOME_LABELS[locale][o], disabled: blocked };
            })}
          />
          <Field label={d.note} qa="field-note">
            <TextArea name="note" value={note} onUpdate={setNote} minRows={2} maxRows={8} controlProps={{ 'aria-label': d.note }} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}
