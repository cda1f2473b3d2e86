// Form pieces: labelled inputs that show the server's message for their field, and a dialog around a form.
import type { ReactNode } from 'react';
import { Alert, Dialog, Select, TextInput, type SelectOption } from '@gravity-ui/uikit';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

export function fieldErrorOf(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

interface FieldShell {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
  qa?: string;
}

export function Field({ label, hint, error, children, qa }: FieldShell) {
  return (
    <div className="form-field" data-qa={qa}>
      <span className="form-field__label">{label}</span>
      {children}
      {hint && !error && <span className="form-field__hint">{hint}</span>}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onUpdate(value: string): void;
  error?: unknown;
  hint?: string;
  placeholder?: string;
  type?: 'text' | 'email' | 'tel' | 'password';
  autoFocus?: boolean;
  disabled?: boolean;
  autoComplete?: string;
}

/** A text input whose error comes from the server's `details` entry with the same field name. */
export function TextField({ label, name, value, onUpdate, error, hint, placeholder, type = 'text', autoFocus, disabled, autoComplete }: TextFieldProps) {
  const message = fieldErrorOf(error, name);
  return (
    <Field label={label} hint={hint} error={message} qa={`field-${name}`}>
      <TextInput
        name={name} value={value} onUpdate={onUpdate} type={type} placeholder={placeholder} autoFocus={autoFocus} disabled={disabled}
        autoComplete={autoComplete} controlProps={{ 'aria-label': label }}
        validationState={message ? 'invalid' : undefined} errorMessage={message}
      />
    </Field>
  );
}

interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  options: SelectOption[];
  onUpdate(value: string): void;
  error?: unknown;
  placeholder?: string;
  disabled?: boolean;
  filterable?: boolean;
}

export function SelectField({ label, name, value, options, onUpdate, error, placeholder, disabled, filterable }: SelectFieldProps) {
  const message = fieldErrorOf(error, name);
  return (
    <Field label={label} error={message} qa={`field-${name}`}>
      <Select
        width="max" value={value ? [value] : []} options={options} onUpdate={([v]) => onUpdate(v ?? '')} placeholder={placeholder}
        disabled={disabled} filterable={filterable} aria-label={label} qa={`select-${name}`}
        validationState={message ? 'invalid' : undefined} errorMessage={message}
      />
    </Field>
  );
}

interface FormDialogProps {
  open: boolean;
  title: string;
  submitText: string;
  submitting: boolean;
  error: unknown;
  onSubmit(): void;
  onClose(): void;
  children: ReactNode;
  qa?: string;
}

/** A dialog with a form: the server's overall message on top, field messages at the fields. */
export function FormDialog({ open, title, submitText, submitting, error, onSubmit, onClose, children, qa }: FormDialogProps) {
  const { t, errorText } = useI18n();
  return (
    <Dialog open={open} onClose={onClose} size="m" qa={qa} disableOutsideClick={submitting}>
      <Dialog.Header caption={title} />
      {/* The footer's apply button is a submit button: Enter in a field and a click both submit once. */}
      <form onSubmit={(e) => { e.preventDefault(); if (!submitting) onSubmit(); }} noValidate>
        <Dialog.Body className="form-dialog__body">
          {error !== null && error !== undefined && <Alert theme="danger" message={errorText(error)} qa="form-error" />}
          {children}
        </Dialog.Body>
        <Dialog.Footer
          onClickButtonCancel={onClose}
          textButtonApply={submitText}
          textButtonCancel={t.common.cancel}
          loading={submitting}
        />
      </form>
    </Dialog>
  );
}
