// Change one's own password; the server checks the current one and the rules of the new one.
import { useState, type FormEvent } from 'react';
import { Alert, Button } from '@gravity-ui/uikit';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { TextField } from './form';

export function ChangePasswordForm({ onChanged }: { onChanged(): void }) {
  const { t, errorText } = useI18n();
  const p = t.profile;
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (newPassword !== repeat) {
      setError(new ApiError(400, 'passwords_differ', p.passwordsDiffer, [{ field: 'repeatPassword', message: p.passwordsDiffer }]));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await api.auth.changePassword(currentPassword, newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setRepeat('');
      setDone(true);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate data-qa="change-password-form">
      {error !== null && <Alert theme="danger" message={errorText(error)} />}
      {done && <Alert theme="success" message={p.passwordChanged} qa="password-changed" />}
      <TextField label={p.currentPassword} name="currentPassword" type="password" value={currentPassword} onUpdate={setCurrentPassword} error={error} autoComplete="current-password" />
      <TextField label={p.newPassword} name="newPassword" type="password" value={newPassword} onUpdate={setNewPassword} error={error} hint={p.passwordRule} autoComplete="new-password" />
      <TextField label={p.repeatPassword} name="repeatPassword" type="password" value={repeat} onUpdate={setRepeat} error={error} autoComplete="new-password" />
      <div>
        <Button type="submit" view="action" loading={submitting} disabled={!currentPassword || !newPassword || !repeat}>{p.changePassword}</Button>
      </div>
    </form>
  );
}
