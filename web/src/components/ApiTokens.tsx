// Personal API tokens: list, issue (the token is shown once), revoke.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Button, Label, Table, Text, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { api, type ApiToken } from '../api';
import { useI18n } from '../i18n';
import { fieldErrorOf } from './form';
import { SecretDialog } from './SecretDialog';
import { useNotify } from './notify';

export function ApiTokens() {
  const { t, errorText, formatDateTime } = useI18n();
  const p = t.profile;
  const notify = useNotify();
  const [items, setItems] = useState<ApiToken[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.auth.tokens()).items);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => { void load(); }, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const result = await api.auth.createToken(name.trim());
      setName('');
      setCreated(result.token);
      void load();
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const revoke = async (token: ApiToken) => {
    try {
      await api.auth.revokeToken(token.id);
      notify.success(p.revoked);
      void load();
    } catch (e) {
      notify.failure(e);
    }
  };

  const columns: TableColumnConfig<ApiToken>[] = [
    { id: 'name', name: p.tokenName },
    { id: 'prefix', name: p.tokenPrefix, template: (tk) => <code>{tk.prefix}…</code> },
    { id: 'createdAt', name: p.tokenCreatedAt, template: (tk) => formatDateTime(tk.createdAt) },
    { id: 'lastUsedAt', name: p.tokenLastUsed, template: (tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : p.never) },
    { id: 'status', name: p.tokenStatus, template: (tk) => <Label theme={tk.revokedAt ? 'unknown' : 'success'}>{tk.revokedAt ? p.tokenRevoked : p.tokenActive}</Label> },
    { id: 'actions', name: '', align: 'end', template: (tk) => (tk.revokedAt ? null : <Button view="outlined-danger" size="s" onClick={() => void revoke(tk)}>{p.revoke}</Button>) },
  ];

  const nameError = fieldErrorOf(error, 'name');
  return (
    <div className="stack" data-qa="api-tokens">
      <Text color="secondary">{p.tokensHint}</Text>
      <form className="token-form" onSubmit={create} noValidate>
        <TextInput
          value={name} onUpdate={setName} placeholder={p.tokenNamePlaceholder} controlProps={{ 'aria-label': p.tokenName }}
          validationState={nameError ? 'invalid' : undefined} errorMessage={nameError}
        />
        <Button type="submit" view="action" loading={submitting} disabled={!name.trim()}>{p.createToken}</Button>
      </form>
      {error !== null && !nameError && <Text color="danger">{errorText(error)}</Text>}
      <div className="table-wrap">
        <Table data={items} columns={columns} width="max" emptyMessage={p.noTokens} getRowDescriptor={(tk) => ({ id: tk.id })} />
      </div>
      <SecretDialog open={created !== null} title={p.tokenCreatedTitle} text={p.tokenCreatedText} secret={created ?? ''} onClose={() => setCreated(null)} qa="token-dialog" />
    </div>
  );
}
