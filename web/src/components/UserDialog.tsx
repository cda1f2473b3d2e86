// Create a user (the server returns a temporary password) or edit one; only changed fields are sent.
import { useEffect, useState } from 'react';
import { Checkbox, Text } from '@gravity-ui/uikit';
import { ROLES, organizationKindForRole, type Role } from '../../../domain/roles';
import { ROLE_LABELS } from '../../../domain/labels';
import { api, type Organization, type UpdateUser, type User, type UserWithPassword } from '../api';
import { useI18n } from '../i18n';
import { Field, FormDialog, SelectField, TextField } from './form';

type Form = { login: string; fullName: string; role: Role | ''; organizationId: string; position: string; email: string; phone: string; active: boolean };

function formOf(user: User | null, defaultOrganizationId: string | null): Form {
  if (!user) return { login: '', fullName: '', role: '', organizationId: defaultOrganizationId ?? '', position: '', email: '', phone: '', active: true };
  return {
    login: user.login, fullName: user.fullName, role: user.role, organizationId: user.organization.id,
    position: user.position ?? '', email: user.email ?? '', phone: user.phone ?? '', active: user.active,
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

interface Props {
  open: boolean;
  /** The user to edit; null creates one. */
  user: User | null;
  organizations: Organization[];
  defaultOrganizationId: string | null;
  onClose(): void;
  onCreated(result: UserWithPassword): void;
  onUpdated(user: User): void;
}

export function UserDialog({ open, user, organizations, defaultOrganizationId, onClose, onCreated, onUpdated }: Props) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<Form>(() => formOf(user, defaultOrganizationId));
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (open) {
      setForm(formOf(user, defaultOrganizationId));
      setError(null);
    }
  }, [open, user, defaultOrganizationId]);

  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const organization = organizations.find((o) => o.id === form.organizationId);
  // Roles that fit the chosen organisation, organisations that fit the chosen role (the server checks both).
  const roles = ROLES.filter((r) => !organization || organizationKindForRole(r) === organization.kind);
  const fittingOrganizations = organizations.filter((o) => o.active && (!form.role || organizationKindForRole(form.role) === o.kind));

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      if (user) {
        const initial = formOf(user, null);
        const changes: UpdateUser = {};
        if (form.fullName.trim() !== initial.fullName) changes.fullName = form.fullName.trim();
        if (form.role && form.role !== initial.role) changes.role = form.role;
        if (form.position.trim() !== initial.position) changes.position = orNull(form.position);
        if (form.email.trim() !== initial.email) changes.email = orNull(form.email);
        if (form.phone.trim() !== initial.phone) changes.phone = orNull(form.phone);
        if (form.active !== initial.active) changes.active = form.active;
        if (Object.keys(changes).length === 0) {
          onClose();
          return;
        }
        onUpdated(await api.users.update(user.id, changes));
      } else {
        onCreated(await api.users.create({
          login: form.login.trim(),
          fullName: form.fullName.trim(),
          role: form.role as Role,
          organizationId: form.organizationId,
          position: orNull(form.position),
          email: orNull(form.email),
          phone: orNull(form.phone),
        }));
      }
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const u = t.users;
  return (
    <FormDialog
      open={open} title={user ? u.editTitle : u.createTitle} submitText={user ? t.common.save : t.common.create}
      submitting={submitting} error={error} onSubmit={() => void submit()} onClose={onClose} qa="user-dialog"
    >
      {user ? (
        <Field label={u.login}><Text>{user.login} · {user.organization.shortName}</Text></Field>
      ) : (
        <TextField label={`${u.login} *`} name="login" value={form.login} onUpdate={set('login')} error={error} hint={u.loginHint} autoFocus autoComplete="off" />
      )}
      <TextField label={`${u.fullName} *`} name="fullName" value={form.fullName} onUpdate={set('fullName')} error={error} autoFocus={!!user} />
      <div className="form-row">
        <SelectField
          label={`${u.role} *`} name="role" value={form.role} onUpdate={(v) => set('role')(v as Role | '')} error={error}
          options={roles.map((r) => ({ value: r, content: ROLE_LABELS[locale][r] }))}
        />
        {!user && (
          <SelectField
            label={`${u.organization} *`} name="organizationId" value={form.organizationId} onUpdate={set('organizationId')} error={error}
            options={fittingOrganizations.map((o) => ({ value: o.id, content: o.shortName }))} filterable={fittingOrganizations.length > 8}
          />
        )}
      </div>
      <TextField label={u.position} name="position" value={form.position} onUpdate={set('position')} error={error} />
      <div className="form-row">
        <TextField label={u.email} name="email" type="email" value={form.email} onUpdate={set('email')} error={error} autoComplete="off" />
        <TextField label={u.phone} name="phone" type="tel" value={form.phone} onUpdate={set('phone')} error={error} autoComplete="off" />
      </div>
      {user && <Checkbox checked={form.active} onUpdate={set('active')} content={u.active} size="l" qa="user-active" />}
    </FormDialog>
  );
}
