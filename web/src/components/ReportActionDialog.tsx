// One step of a quarterly report: sign, submit and accept are confirmations (accepting may carry a
// comment); returning needs ЦУР's remarks. Sent to POST /api/reports/:id/actions/:action.
import { useEffect, useState } from 'react';
import { Text, TextArea } from '@gravity-ui/uikit';
import { reportApi, type Report, type ReportAction } from '../reportApi';
import { useI18n } from '../i18n';
import { Field, FormDialog, fieldErrorOf } from './form';

interface ReportActionDialogProps {
  report: Report;
  action: ReportAction | null;
  onClose(): void;
  onDone(report: Report, action: ReportAction): void;
  /** A refusal that names fields outside the dialog (the analytical part before signing). */
  onRefused(error: unknown): void;
}

export function ReportActionDialog({ report, action, onClose, onDone, onRefused }: ReportActionDialogProps) {
  const { t } = useI18n();
  const r = t.reports;
  const [remarks, setRemarks] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    setRemarks('');
    setError(null);
  }, [action]);

  if (!action) return null;
  const label = r.actions[action];
  const withRemarks = action === 'return' || action === 'accept';

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      onDone(await reportApi.act(report.id, action, withRemarks ? remarks.trim() || undefined : undefined), action);
    } catch (e) {
      setError(e);
      onRefused(e);
    } finally {
      setSubmitting(false);
    }
  };

  const message = fieldErrorOf(error, 'remarks');
  const caption = action === 'return' ? `${r.remarks} *` : r.remarksOptional;
  return (
    <FormDialog open title={label} submitText={label} submitting={submitting} error={error} onSubmit={() => void submit()} onClose={onClose} qa="report-action-dialog">
      <Text>{r.confirm[action]}</Text>
      {withRemarks && (
        <Field label={caption} error={message} qa="field-remarks">
          <TextArea
            name="remarks" value={remarks} onUpdate={setRemarks} minRows={action === 'return' ? 5 : 2} maxRows={16} autoFocus={action === 'return'}
            controlProps={{ 'aria-label': caption }} validationState={message ? 'invalid' : undefined} errorMessage={message}
          />
        </Field>
      )}
    </FormDialog>
  );
}
