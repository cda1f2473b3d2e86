// The ЦУР administrator's settings of a municipality's incoming mailbox (IMAP); the password is never shown.
import { useEffect, useState } from 'react';
import { Button, Checkbox, Loader, Text } from '@gravity-ui/uikit';
import { api, ApiError, type Mailbox, type Organization, type SaveMailbox } from '../api';
import { useI18n } from '../i18n';
import { FormDialog, TextField } from './form';

type Form = { host: string; port: string; tls: boolean; login: string; password: string; passwordEnv: string; folder: string; active: boolean };

function formOf(m: Mailbox | null): Form {
  if (!m) return { host: '', port: '993', tls: true, login: '', password: '', passwordEnv: '', folder: 'INBOX', active: true };
  return { host: m.host, port: String(m.port), tls: m.tls, login: m.login, password: '', passwordEnv: m.passwordEnv ?? '', folder: m.folder, active: m.active };
}

interface Props {
  organization: Organization | null;
  onClose(): void;
  onSaved(message: string): void;
}

export function MailboxDialog({ organization, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const o = t.organizations;
  const [current, setCurrent] = useState<Mailbox | null | undefined>(undefined);
  const [form, setForm] = useState<Form>(formOf(null));
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (!organization) return;
    let live = true;
    setCurrent(undefined);
    setError(null);
    api.organizations.mailbox(organization.id).then(
      (m) => { if (live) { setCurrent(m); setForm(formOf(m)); } },
      (e) => {
        if (!live) return;
        if (e instanceof ApiError && e.code === 'mailbox_not_found') { setCurrent(null); setForm(formOf(null)); } else setError(e);
      },
    );
    return () => { live = false; };
  }, [organization]);

  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async () => {
    if (!organization) return;
    const port = Number(form.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      setError(new ApiError(400, 'validation_failed', o.mailboxPortInvalid, [{ field: 'port', message: o.mailboxPortInvalid }]));
      return;
    }
    const body: SaveMailbox = {
      host: form.host.trim(), port, tls: form.tls, login: form.login.trim(), folder: form.folder.trim() || 'INBOX', active: form.active,
      passwordEnv: form.passwordEnv.trim() || null,
      ...(form.password ? { password: form.password } : {}),
    };
    setSubmitting(true);
    setError(null);
    try {
      await api.organizations.saveMailbox(organization.id, body);
      onSaved(o.mailboxSaved);
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const remove = async () => {
    if (!organization) return;
    setSubmitting(true);
    try {
      await api.organizations.deleteMailbox(organization.id);
      onSaved(o.mailboxDeleted);
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const when = (iso: string) => new Date(iso).toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: organization?.timeZone });
  return (
    <FormDialog
      open={organization !== null} title={organization ? o.mailboxTitle(organization.shortName) : ''} submitText={t.common.save}
      submitting={submitting} error={error} onSubmit={() => void submit()} onClose={onClose} qa="mailbox-dialog"
    >
      {current === undefined && error === null && <Loader size="s" />}
      {current !== undefined && (
        <>
          <Text as="p" color="secondary">{o.mailboxLead}</Text>
          {current && (
            <Text as="p" variant="caption-2" color={current.lastError ? 'danger' : 'secondary'} qa="mailbox-state">
              {current.lastPolledAt ? o.mailboxLastPolled(when(current.lastPolledAt)) : o.mailboxNeverPolled}
              {current.lastError ? ` · ${o.mailboxLastError(current.lastError)}` : ''}
            </Text>
          )}
          <div className="form-row">
            <TextField label={o.mailboxHost} name="host" value={form.host} onUpdate={set('host')} error={error} hint={o.mailboxHostHint} autoFocus />
            <TextField label={o.mailboxPort} name="port" value={form.port} onUpdate={set('port')} error={error} hint={o.mailboxPortHint} />
          </div>
          <Checkbox checked={form.tls} onUpdate={(v) => setForm((f) => ({ ...f, tls: v }))} qa="mailbox-tls">{o.mailboxTls}</Checkbox>
          <TextField label={o.mailboxLogin} name="login" value={form.login} onUpdate={set('login')} error={error} autoComplete="off" />
          <TextField
            label={o.mailboxPassword} name="password" type="password" value={form.password} onUpdate={set('password')} error={error} autoComplete="new-password"
            hint={current?.passwordSource === 'stored' ? o.mailboxPasswordKeep : o.mailboxPasswordNew}
          />
          <TextField label={o.mailboxPasswordEnv} name="passwordEnv" value={form.passwordEnv} onUpdate={set('passwordEnv')} error={error} hint={o.mailboxPasswordEnvHint} />
          <TextField label={o.mailboxFolder} name="folder" value={form.folder} onUpdate={set('folder')} error={error} />
          <Checkbox checked={form.active} onUpdate={(v) => setForm((f) => ({ ...f, active: v }))} qa="mailbox-active">{o.mailboxActive}</Checkbox>
          {current && (
            <div>
              <Button view="outlined-danger" size="s" disabled={submitting} onClick={() => void remove()} qa="mailbox-delete">{o.mailboxDelete}</Button>
            </div>
          )}
        </>
      )}
    </FormDialog>
  );
}
