// Screenshots of the risk: of the publication and of the refutation; download links and an upload.
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Icon, Select, Text } from '@gravity-ui/uikit';
import { ArrowDownToLine, Paperclip } from '@gravity-ui/icons';
import { riskApi, type Risk } from '../riskApi';
import { useI18n } from '../i18n';
import { Panel } from './Facts';
import { formatSize } from './AppealAttachments';
import { useNotify } from './notify';

type Purpose = 'publication' | 'refutation';

export function RiskFiles({ risk, onUploaded }: { risk: Risk; onUploaded(risk: Risk): void }) {
  const { t, locale, errorText } = useI18n();
  const f = t.risks.files;
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [purpose, setPurpose] = useState<Purpose>(risk.publication ? 'refutation' : 'publication');
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) return;
    setUploading(true);
    setError(null);
    try {
      onUploaded(await riskApi.attach(risk.id, files, purpose));
      setFiles([]);
      if (input.current) input.current.value = '';
      notify.success(f.uploaded);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Panel title={f.title} qa="risk-files">
      {risk.files.length === 0 && <Text color="secondary">{f.none}</Text>}
      <ul className="attachments">
        {risk.files.map((file) => (
          <li key={file.id} className="attachments__item">
            <a className="text-link attachments__link" href={riskApi.fileUrl(risk.id, file.id)} download={file.filename}>
              <Icon data={ArrowDownToLine} size={14} />{file.filename}
            </a>
            <Text variant="caption-2" color="secondary">{formatSize(file.size, locale)} · {f.purposes[file.purpose] ?? file.purpose}</Text>
          </li>
        ))}
      </ul>
      <form className="upload-form" onSubmit={upload} noValidate data-qa="risk-upload-form">
        {error !== null && <Alert theme="danger" message={errorText(error)} />}
        <label className="upload-form__picker">
          <Icon data={Paperclip} size={16} />
          <span>{f.choose}</span>
          <input
            ref={input} type="file" name="files" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))} data-qa="risk-upload-input"
          />
        </label>
        <Text variant="caption-2" color="secondary">{files.length ? files.map((x) => x.name).join(', ') : f.hint}</Text>
        <div className="upload-form__row">
          <Select
            width={180} value={[purpose]} onUpdate={([v]) => setPurpose(v === 'refutation' ? 'refutation' : 'publication')} aria-label={f.purpose} title={f.purpose}
            options={[{ value: 'publication', content: f.purposes.publication }, { value: 'refutation', content: f.purposes.refutation }]}
          />
          <Button type="submit" view="normal" loading={uploading} disabled={files.length === 0} qa="risk-upload-submit">{f.upload}</Button>
        </div>
      </form>
    </Panel>
  );
}
