// Files of the appeal: download links, and an upload of new ones «to the appeal» or «to the answer».
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Icon, Select, Text } from '@gravity-ui/uikit';
import { ArrowDownToLine, Paperclip } from '@gravity-ui/icons';
import { api, type Appeal } from '../api';
import { useI18n } from '../i18n';
import { Panel } from './Facts';
import { useNotify } from './notify';

export function formatSize(bytes: number, locale: 'ru' | 'en'): string {
  const units = locale === 'ru' ? ['Б', 'КБ', 'МБ'] : ['B', 'KB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

interface AppealAttachmentsProps {
  appeal: Appeal;
  /** Whether the server lets this user attach files (the appeal's `can.upload`). */
  canUpload: boolean;
  onUploaded(appeal: Appeal): void;
}

export function AppealAttachments({ appeal, canUpload, onUploaded }: AppealAttachmentsProps) {
  const { t, locale, errorText, formatDateTime } = useI18n();
  const at = t.appeals.attachments;
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [purpose, setPurpose] = useState<'appeal' | 'answer'>('appeal');
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) return;
    setUploading(true);
    setError(null);
    try {
      onUploaded(await api.appeals.attach(appeal.id, files, purpose));
      setFiles([]);
      if (input.current) input.current.value = '';
      notify.success(at.uploaded);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Panel title={at.title} qa="appeal-attachments">
      {appeal.attachments.length === 0 && <Text color="secondary">{at.none}</Text>}
      <ul className="attachments">
        {appeal.attachments.map((file) => (
          <li key={file.id} className="attachments__item">
            <a className="text-link attachments__link" href={api.appeals.attachmentUrl(appeal.id, file.id)} download={file.filename} aria-label={at.download(file.filename)}>
              <Icon data={ArrowDownToLine} size={14} />{file.filename}
            </a>
            <Text variant="caption-2" color="secondary">
              {formatSize(file.size, locale)} · {at.purposes[file.purpose] ?? file.purpose} · {formatDateTime(file.createdAt)}
            </Text>
          </li>
        ))}
      </ul>
      {canUpload && (
        <form className="upload-form" onSubmit={upload} noValidate data-qa="upload-form">
          {error !== null && <Alert theme="danger" message={errorText(error)} />}
          <label className="upload-form__picker">
            <Icon data={Paperclip} size={16} />
            <span>{at.choose}</span>
            <input
              ref={input} type="file" name="files" className="visually-hidden" multiple accept=".pdf,.docx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))} data-qa="upload-input"
            />
          </label>
          <Text variant="caption-2" color="secondary">{files.length ? files.map((f) => f.name).join(', ') : at.hint}</Text>
          <div className="upload-form__row">
            <Select
              width={180} value={[purpose]} onUpdate={([v]) => setPurpose(v === 'answer' ? 'answer' : 'appeal')} aria-label={at.purpose} title={at.purpose}
              options={[{ value: 'appeal', content: at.purposes.appeal }, { value: 'answer', content: at.purposes.answer }]}
            />
            <Button type="submit" view="normal" loading={uploading} disabled={files.length === 0} qa="upload-submit">{at.upload}</Button>
          </div>
        </form>
      )}
    </Panel>
  );
}
