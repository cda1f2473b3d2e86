// Stored files of an object (an appeal, a risk, a request for information): the list with download
// links, and for appeals and risks a panel with an upload of new ones for a chosen purpose.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Icon, Select, Text } from '@gravity-ui/uikit';
import { ArrowDownToLine, Paperclip } from '@gravity-ui/icons';
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
  const number = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}

interface FilePickerProps {
  /** The files chosen so far; an empty list clears the picker. */
  files: File[];
  onChange(files: File[]): void;
  /** The file types the server accepts. */
  accept: string;
  /** The picker's words: its button and what it says while nothing is chosen. */
  choose: string;
  hint: string;
  /** The accessible name of the hidden file input. */
  label?: string;
  qa?: string;
}

/** A choice of files in the app's style: a dashed button, the names chosen below it. */
export function FilePicker({ files, onChange, accept, choose, hint, label, qa }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (files.length === 0 && input.current) input.current.value = '';
  }, [files]);
  return (
    <>
      <label className="upload-form__picker">
        <Icon data={Paperclip} size={16} />
        <span>{choose}</span>
        <input
          ref={input} type="file" name="files" className="visually-hidden" multiple accept={accept} aria-label={label}
          onChange={(e) => onChange(Array.from(e.target.files ?? []))} data-qa={qa}
        />
      </label>
      <Text variant="caption-2" color="secondary">{files.length ? files.map((f) => f.name).join(', ') : hint}</Text>
    </>
  );
}

/** What the API tells of a stored file; the purpose and the time only where the owner keeps them. */
export interface StoredFile {
  id: string;
  filename: string;
  size: number;
  purpose?: string;
  createdAt?: string;
}

interface FileListProps {
  files: StoredFile[];
  /** The download address of one file. */
  url(fileId: string): string;
  /** Names of the purposes, as the owner calls them. */
  purposes?: Record<string, string>;
  /** The link's accessible name, when it says more than the file name. */
  downloadLabel?(filename: string): string;
}

export function FileList({ files, url, purposes = {}, downloadLabel }: FileListProps) {
  const { locale, formatDateTime } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul className="attachments">
      {files.map((file) => (
        <li key={file.id} className="attachments__item">
          <a className="text-link attachments__link" href={url(file.id)} download={file.filename} aria-label={downloadLabel?.(file.filename)}>
            <Icon data={ArrowDownToLine} size={14} />{file.filename}
          </a>
          <Text variant="caption-2" color="secondary">
            {[
              formatSize(file.size, locale),
              file.purpose === undefined ? null : purposes[file.purpose] ?? file.purpose,
              file.createdAt === undefined ? null : formatDateTime(file.createdAt),
            ].filter((part) => part !== null).join(' · ')}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** The words of one owner's files panel. */
export interface FilesTexts {
  title: string;
  none: string;
  purpose: string;
  purposes: Record<string, string>;
  choose: string;
  hint: string;
  upload: string;
  uploaded: string;
  download?(filename: string): string;
}

interface FilesPanelProps<P extends string> {
  files: StoredFile[];
  url(fileId: string): string;
  texts: FilesTexts;
  /** The purposes a new file may have, the first one chosen unless `initialPurpose` says otherwise. */
  purposes: readonly P[];
  initialPurpose?: P;
  /** The file picker's filter: the types the server accepts for this owner. */
  accept: string;
  /** Whether the server lets this user upload (the object's `can.upload`). */
  canUpload: boolean;
  /** Sends the files; the owner shows the object the server answered. */
  upload(files: File[], purpose: P): Promise<void>;
  qa: string;
  /** Prefix of the upload form's test hooks (`upload-form`, `upload-input`, `upload-submit`). */
  qaPrefix?: string;
}

export function FilesPanel<P extends string>({ files, url, texts, purposes, initialPurpose, accept, canUpload, upload, qa, qaPrefix = '' }: FilesPanelProps<P>) {
  const { errorText } = useI18n();
  const notify = useNotify();
  const [chosen, setChosen] = useState<File[]>([]);
  const [purpose, setPurpose] = useState<P>(initialPurpose ?? purposes[0]);
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) return;
    setUploading(true);
    setError(null);
    try {
      await upload(chosen, purpose);
      setChosen([]);
      notify.success(texts.uploaded);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Panel title={texts.title} qa={qa}>
      {files.length === 0 && <Text color="secondary">{texts.none}</Text>}
      <FileList files={files} url={url} purposes={texts.purposes} downloadLabel={texts.download} />
      {canUpload && (
        <form className="upload-form" onSubmit={submit} noValidate data-qa={`${qaPrefix}upload-form`}>
          {error !== null && <Alert theme="danger" message={errorText(error)} />}
          <FilePicker files={chosen} onChange={setChosen} accept={accept} choose={texts.choose} hint={texts.hint} qa={`${qaPrefix}upload-input`} />
          <div className="upload-form__row">
            <Select
              width={180} value={[purpose]} onUpdate={([v]) => setPurpose(purposes.find((p) => p === v) ?? purposes[0])} aria-label={texts.purpose} title={texts.purpose}
              options={purposes.map((p) => ({ value: p, content: texts.purposes[p] ?? p }))}
            />
            <Button type="submit" view="normal" loading={uploading} disabled={chosen.length === 0} qa={`${qaPrefix}upload-submit`}>{texts.upload}</Button>
          </div>
        </form>
      )}
    </Panel>
  );
}
