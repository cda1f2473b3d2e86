// One step of the appeal's life cycle: a dialog with the fields of the action's payload (from
// ACTION_RULES), sent to POST /api/appeals/:id/actions/:action; the server's field messages show at the fields.
import { useEffect, useState } from 'react';
import { Alert, Checkbox, Text, TextArea, TextInput } from '@gravity-ui/uikit';
import {
  ACTION_LABELS, ACTION_RULES, NO_ANSWER_GROUND_LABELS, REOPEN_REASON_LABELS, RESULT_CODE_LABELS, type AppealAction, type FieldSpec,
} from '../../../domain/appeals';
import { ROLE_LABELS } from '../../../domain/labels';
import { api, type Appeal } from '../api';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { Field, FormDialog, SelectField, fieldErrorOf } from './form';
import { DateInput } from './DateInput';

/**
 * Payload fields a person does not fill: the rating of a reopen is the system's, and registration
 * keeps the number the appeal got on receipt (the server does not take another one).
 */
const HIDDEN: Partial<Record<AppealAction, string[]>> = { reopen: ['rating'], register: ['registrationNumber'], approve: ['despiteWarning'] };
/** Values a person may not choose (a reopen for a negative rating is the system's). */
const EXCLUDED_VALUES: Record<string, string[]> = { 'reopen.reason': ['negative_rating'] };
const LONG_TEXT = new Set(['answerText', 'remark', 'reason', 'note']);

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function initialValues(action: AppealAction): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [field, spec] of Object.entries(ACTION_RULES[action].payload)) {
    if (spec.type === 'date') values[field] = today();
    if (spec.type === 'enum' && spec.required) {
      const allowed = (spec.values ?? []).filter((v) => !EXCLUDED_VALUES[`${action}.${field}`]?.includes(v));
      if (allowed.length === 1) values[field] = allowed[0];
    }
  }
  return values;
}

/** The department of the suggestion of the appeal's topic, or of the likeliest one when its topic is not suggested. */
function usualDepartment(appeal: Appeal): string | null {
  const own = appeal.suggestions.find((x) => x.topic === appeal.topic);
  return (own ?? (appeal.topic ? null : appeal.suggestions[0]))?.department?.id ?? null;
}

/** The form's strings as the payload: numbers for integers, nothing for empty fields. */
function payloadOf(action: AppealAction, values: Record<string, string>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(ACTION_RULES[action].payload)) {
    const raw = values[field]?.trim();
    if (!raw) continue;
    if (spec.type === 'boolean') {
      payload[field] = raw === 'true';
      continue;
    }
    payload[field] = spec.type === 'integer' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  }
  return payload;
}

interface AppealActionDialogProps {
  appeal: Appeal;
  action: AppealAction | null;
  /** The municipality's organisation id, for the list of its staff. */
  organizationId: string | null;
  onClose(): void;
  onDone(appeal: Appeal, action: AppealAction): void;
}

export function AppealActionDialog({ appeal, action, organizationId, onClose, onDone }: AppealActionDialogProps) {
  const { t, locale } = useI18n();
  const d = t.appeals.action;
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  // Assigning offers the municipality's departments and its staff, executors first.
  const assigning = action === 'assign';
  const departmentList = useResource(
    assigning ? () => api.departments.list(appeal.municipality).then(({ items }) => items.filter((x) => x.active)) : null,
    [assigning, appeal.municipality], { keep: true },
  );
  const staffList = useResource(
    assigning && organizationId
      ? () => api.users.list({ organizationId, active: true }).then(({ items }) => [...items].sort((a, b) => Number(b.role === 'executor') - Number(a.role === 'executor')))
      : null,
    [assigning, organizationId], { keep: true },
  );
  const departments = departmentList.data ?? [];
  const staff = staffList.data ?? [];
  const shownError = error ?? departmentList.error ?? staffList.error;

  useEffect(() => {
    if (!action) return;
    const values = initialValues(action);
    // Assigning starts from the department the appeal's group usually goes to in this municipality.
    const usual = action === 'assign' ? usualDepartment(appeal) : null;
    if (usual) values.departmentId = usual;
    setValues(values);
    setError(null);
  }, [action, appeal.municipality, organizationId]);

  if (!action) return null;
  const rule = ACTION_RULES[action];
  const label = ACTION_LABELS[locale][action];
  const fields = Object.entries(rule.payload).filter(([field]) => !HIDDEN[action]?.includes(field));
  const set = (field: string) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const labelOf = (field: string) => d.fields[`${action}.${field}`] ?? d.fields[field] ?? field;

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      const updated = await api.appeals.act(appeal.id, action, payloadOf(action, values));
      onDone(updated, action);
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const enumOptions = (field: string, spec: FieldSpec) => {
    const labels: Record<string, Record<string, string>> = {
      resultCode: RESULT_CODE_LABELS[locale], ground: NO_ANSWER_GROUND_LABELS[locale], reason: REOPEN_REASON_LABELS[locale],
    };
    return (spec.values ?? [])
      .filter((v) => !EXCLUDED_VALUES[`${action}.${field}`]?.includes(v))
      .map((v) => ({ value: v, content: labels[field]?.[v] ?? v }));
  };

  const renderField = ([field, spec]: [string, FieldSpec]) => {
    const text = labelOf(field) + (spec.required ? ' *' : '');
    const message = fieldErrorOf(shownError, field);
    const invalid = message ? ('invalid' as const) : undefined;
    if (field === 'departmentId') {
      return <SelectField key={field} label={text} name={field} value={values[field] ?? ''} onUpdate={set(field)} error={shownError} placeholder={d.chooseDepartment} options={departments.map((x) => ({ value: x.id, content: x.name }))} />;
    }
    if (field === 'executorId') {
      return (
        <SelectField
          key={field} label={text} name={field} value={values[field] || '__none__'} onUpdate={(v) => set(field)(v === '__none__' ? '' : v)} error={shownError} filterable={staff.length > 8}
          options={[{ value: '__none__', content: d.chooseExecutor }, ...staff.map((u) => ({ value: u.id, content: `${u.fullName} · ${ROLE_LABELS[locale][u.role]}` }))]}
        />
      );
    }
    if (spec.type === 'enum') {
      return <SelectField key={field} label={text} name={field} value={values[field] ?? ''} onUpdate={set(field)} error={shownError} options={enumOptions(field, spec)} />;
    }
    if (spec.type === 'date') {
      return (
        <Field key={field} label={text} error={message} qa={`field-${field}`}>
          <DateInput name={field} value={values[field] ?? ''} onUpdate={set(field)} label={text} error={message} size="l" />
        </Field>
      );
    }
    if (spec.type === 'text' && LONG_TEXT.has(field)) {
      return (
        <Field key={field} label={text} error={message} qa={`field-${field}`}>
          <TextArea name={field} value={values[field] ?? ''} onUpdate={set(field)} minRows={field === 'answerText' ? 8 : 3} maxRows={20} controlProps={{ 'aria-label': text }} validationState={invalid} errorMessage={message} />
        </Field>
      );
    }
    const hint = spec.type === 'integer' ? d.daysHint(spec.min ?? 1, spec.max ?? 30)
      : field === 'duplicateOf' ? d.duplicateHint : undefined;
    return (
      <Field key={field} label={text} hint={hint} error={message} qa={`field-${field}`}>
        <TextInput
          name={field} value={values[field] ?? ''} onUpdate={set(field)} type={spec.type === 'integer' ? 'number' : 'text'}
          controlProps={{ 'aria-label': text, min: spec.min, max: spec.max }} validationState={invalid} errorMessage={message}
        />
      </Field>
    );
  };

  return (
    <FormDialog open title={label} submitText={label} submitting={submitting} error={shownError} onSubmit={() => void submit()} onClose={onClose} qa="action-dialog">
      {fields.length === 0 && <Text>{d.confirm(label, appeal.number)}</Text>}
      {action === 'reopen' && <Alert theme="info" message={d.reopenHint} />}
      {action === 'approve' && appeal.answerCheck?.formal && (
        <div className="form-dialog__warning" data-qa="formal-warning">
          <Alert
            theme="warning" title={d.formalWarning}
            message={<ul className="formal-reasons">{appeal.answerCheck.reasons.map((r) => <li key={r.code} data-qa={`formal-reason-${r.code}`}>{r.message}</li>)}</ul>}
          />
          <Checkbox checked={values.despiteWarning === 'true'} onUpdate={(v) => set('despiteWarning')(v ? 'true' : '')} qa="despite-warning">{d.despiteWarning}</Checkbox>
        </div>
      )}
      {fields.map(renderField)}
    </FormDialog>
  );
}
