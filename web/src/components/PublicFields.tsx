// Inputs of the citizen's pages: large, each with a visible label tied to it, hints and errors read out by screen readers.
import { useId, useRef, useState } from 'react';
import { Button, Icon, Text, TextArea, TextInput } from '@gravity-ui/uikit';
import { Paperclip, Xmark } from '@gravity-ui/icons';
import { useI18n } from '../i18n';
import { formatSize } from './Files';

interface PublicTextFieldProps {
  name: string;
  label: string;
  value: string;
  onUpdate(value: string): void;
  error?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  placeholder?: string;
}

export function PublicTextField({ name, label, value, onUpdate, error, hint, required, multiline, type = 'text', autoComplete, placeholder }: PublicTextFieldProps) {
  const id = `field-${name}-${useId()}`;
  const common = {
    id, name, value, onUpdate, placeholder, note: hint, errorMessage: error, validationState: error ? ('invalid' as const) : undefined,
  };
  return (
    <div className="public-field" data-qa={`field-${name}`}>
      <label htmlFor={id} className="public-field__label">
        {label}{required && <span className="public-field__required" aria-hidden="true"> *</span>}
      </label>
      {multiline
        ? <TextArea {...common} size="xl" minRows={6} maxRows={20} controlProps={{ required, 'aria-required': required }} />
        : <TextInput {...common} size="xl" type={type} autoComplete={autoComplete} controlProps={{ required, 'aria-required': required }} />}
    </div>
  );
}

export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ALLOWED = /\.(pdf|docx|jpe?g|png)$/i;

/** The citizen's files, checked here as the server will check them: count, size, type. */
export function FilePicker({ files, onChange, error }: { files: File[]; onChange(files: File[]): void; error?: string }) {
  const { t, locale } = useI18n();
  const r = t.reception;
  const id = `files-${useId()}`;
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const add = (chosen: File[]) => {
    const problems: string[] = [];
    const accepted: File[] = [];
    for (const file of chosen) {
      if (!ALLOWED.test(file.name)) problems.push(r.fileTypeNotAllowed(file.name));
      else if (file.size > MAX_FILE_BYTES) problems.push(r.fileTooLarge(file.name));
      else accepted.push(file);
    }
    const next = [...files, ...accepted];
    if (next.length > MAX_FILES) problems.push(r.tooManyFiles);
    setProblem(problems.length ? problems.join('. ') : null);
    onChange(next.slice(0, MAX_FILES));
    if (input.current) input.current.value = '';
  };

  const message = problem ?? error;
  return (
    <div className="public-field" data-qa="field-files">
      <span className="public-field__label" id={`${id}-label`}>{r.files}</span>
      <Text as="p" color="secondary" id={`${id}-hint`} className="public-field__hint">{r.filesHint}</Text>
      <label className={`file-picker${files.length >= MAX_FILES ? ' file-picker_disabled' : ''}`}>
        <Icon data={Paperclip} size={18} />
        <span>{r.addFiles}</span>
        <input
          ref={input} id={id} className="visually-hidden" type="file" name="files" multiple disabled={files.length >= MAX_FILES}
          accept=".pdf,.docx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-describedby={`${id}-hint`} onChange={(e) => add(Array.from(e.target.files ?? []))} data-qa="files-input"
        />
      </label>
      {files.length > 0 && (
        <ul className="file-list" aria-labelledby={`${id}-label`}>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="file-list__item">
              <span className="file-list__name">{file.name}</span>
              <Text color="secondary" variant="caption-2">{formatSize(file.size, locale)}</Text>
              <Button view="flat" size="m" onClick={() => onChange(files.filter((_, i) => i !== index))} aria-label={r.removeFile(file.name)} title={r.removeFile(file.name)}>
                <Icon data={Xmark} size={16} />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {message && <Text as="p" color="danger" role="alert" className="public-field__error">{message}</Text>}
    </div>
  );
}
