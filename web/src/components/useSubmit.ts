// Sending a form: busy while under way, the server's messages per field, and its overall error in Russian.
import { useState } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

/** `fieldOf` maps the server's field path to the form's field (`options/0/label` → `options`). */
export function useSubmit(fieldOf: (field: string) => string = (field) => field) {
  const { errorText } = useI18n();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Runs the action; its result, or undefined when it failed (the errors are then shown). */
  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiError) setErrors(Object.fromEntries(error.details.map((d) => [fieldOf(d.field), d.message])));
      setFailure(error instanceof ApiError && error.details.length ? error.details.map((d) => d.message).join('; ') : errorText(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { errors, failure, busy, run };
}

/** A form of text fields and files for a multipart request; empty fields are left out. */
export function formData(fields: Record<string, string | undefined>, files: File[] = []): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value) form.set(name, value);
  for (const f of files) form.append('files', f, f.name);
  return form;
}
