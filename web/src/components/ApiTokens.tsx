// Personal API tokens: list, issue with a scope and an expiry (the token is shown once), revoke.
import { useState, type FormEvent } from 'react';
import { Button, Label, Select, Table, Text, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { DEFAULT_TOKEN_SCOPE, TOKEN_SCOPES, type TokenScope } from '../../../domain/tokens';
import { api, type ApiToken } from '../api';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { fieldErrorOf } from './form';
import { SecretDialog } from './SecretDialog';
import { useNotify } from './notify';

const EXPIRY_DAYS = [30, 90, 365, 0];
const STATUS_THEMES = { active: 'success', expired: 'warning', revoked: 'unknown' } as const;

export function ApiTokens() {
  const { t, errorText, formatDateTime } = useI18n();
  const p = t.profile;
  const notify = useNotify();
  const tokens = useResource(() => api.auth.tokens().then((r) => r.items), []);
  const items = tokens.data ?? [];
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>(DEFAULT_TOKEN_SCOPE);
  // Days; 0 — valid until revoked.
  const [expiry, setExpiry] = useState(90);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<string | null>(null);


  const create = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const result = await api.auth.createToken({ name: name.trim(), scope, ...(expiry ? { expiresInDays: expiry } : {}) });
      setName('');
      setCreated(result.token);
      void tokens.reload();
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
      void tokens.reload();
    } catch (e) {
      notify.failure(e);
    }
  };

  const statusText: Record<ApiToken['status'], string> = { active: p.tokenActive, expired: p.tokenExpired, revoked: p.tokenRevoked };
  const columns: TableColumnConfig<ApiToken>[] = [
    { id: 'name', name: p.tokenName },
    { id: 'prefix', name: p.tokenPrefix, template: (tk) => <code>{tk.prefix}…</code> },
    { id: 'scope', name: p.tokenScope, template: (tk) => p.tokenScopes[tk.scope] },
    { id: 'createdAt', name: p.tokenCreatedAt, template: (tk) => formatDateTime(tk.createdAt) },
    { id: 'expiresAt', name: p.tokenExpiresAt, template: (tk) => (tk.expiresAt ? formatDateTime(tk.expiresAt) : p.tokenNoExpiry) },
    { id: 'lastUsedAt', name: p.tokenLastUsed, template: (tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : p.never) },
    { id: 'status', name: p.tokenStatus, template: (tk) => <Label theme={STATUS_THEMES[tk.status]}>{statusText[tk.status]}</Label> },
    { id: 'actions', name: '', align: 'end', template: (tk) => (tk.status !== 'active' ? null : <Button view="outlined-danger" size="s" onClick={() => void revoke(tk)}>{p.revoke}</Button>) },
  ];

  // The form's refusal, or else why the list did not come.
  const shownError = error ?? tokens.error;
  const nameError = fieldErrorOf(error, 'name');
  return (
    <div className="stack" data-qa="api-tokens">
      <Text color="secondary">{p.tokensHint}</Text>
      <form className="token-form" onSubmit={create} noValidate>
        <TextInput
          value={name} onUpdate={setName} placeholder={p.tokenNamePlaceholder} controlProps={{ 'aria-label': p.tokenName }}
          validationState={nameError ? 'invalid' : undefined} errorMessage={nameError}
        />
        <Select
          width={200} value={[scope]} onUpdate={([v]) => setScope(v as TokenScope)} aria-label={p.tokenScope} title={p.tokenScope} qa="token-scope"
          options={TOKEN_SCOPES.map((s) => ({ value: s, content: p.tokenScopes[s] }))}
        />
        <Select
          width={140} value={[String(expiry)]} onUpdate={([v]) => setExpiry(Number(v))} aria-label={p.tokenExpiry} title={p.tokenExpiry} qa="token-expiry"
          options={EXPIRY_DAYS.map((d) => ({ value: String(d), content: p.tokenExpiries[d] }))}
        />
        <Button type="submit" view="action" loading={submitting} disabled={!name.trim()}>{p.createToken}</Button>
      </form>
      {shownError !== null && !nameError && <Text color="danger">{errorText(shownError)}</Text>}
      <div className="table-wrap">
        <Table data={items} columns={columns} width="max" emptyMessage={p.noTokens} getRowDescriptor={(tk) => ({ id: tk.id })} />
      </div>
      <SecretDialog open={created !== null} title={p.tokenCreatedTitle} text={p.tokenCreatedText} secret={created ?? ''} onClose={() => setCreated(null)} qa="token-dialog" />
    </div>
  );
}
