// Staff accounts: filters, creation with a one-time temporary password, editing, password reset.
import { useEffect, useState } from 'react';
import { Button, Dialog, Icon, Label, Loader, Select, Table, Text, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { Key, Magnifier, Pencil, Plus } from '@gravity-ui/icons';
import { ROLES, type Role } from '../../../domain/roles';
import { ROLE_LABELS } from '../../../domain/labels';
import { api, type User, type UserFilter } from '../api';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { UserDialog } from '../components/UserDialog';
import { SecretDialog } from '../components/SecretDialog';
import { useNotify } from '../components/notify';

const ANY = '__any__';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function UsersPage() {
  const { t, locale, errorText } = useI18n();
  const session = useCurrentSession();
  const canManage = session.policies['users.manage'] === true;
  const { selectedId } = useMunicipality();
  const notify = useNotify();

  // The organisations of the filter and the dialog; without them the lists are just empty.
  const organizations = useResource(() => api.organizations.list().then((r) => r.items), []).data ?? [];
  const [organizationId, setOrganizationId] = useState<string>(selectedId ?? ANY);
  const [role, setRole] = useState<string>(ANY);
  const [active, setActive] = useState<string>(ANY);
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);

  const [editor, setEditor] = useState<{ open: boolean; user: User | null }>({ open: false, user: null });
  const [secret, setSecret] = useState<{ login: string; password: string } | null>(null);
  const [resetTarget, setResetTarget] = useState<User | null>(null);
  const [resetting, setResetting] = useState(false);

  // The municipality chosen in the header narrows the list, as on every page.
  useEffect(() => {
    setOrganizationId(selectedId ?? ANY);
  }, [selectedId]);

  const filter: UserFilter = {
    organizationId: organizationId === ANY ? undefined : organizationId,
    role: role === ANY ? undefined : (role as Role),
    active: active === ANY ? undefined : active === 'true',
    q: query || undefined,
  };
  // The list shown stays while a changed filter is asked.
  const list = useResource(() => api.users.list(filter).then((r) => r.items), [organizationId, role, active, query], { keep: true });
  const { data: items, error: loadError } = list;

  const resetPassword = async () => {
    if (!resetTarget) return;
    setResetting(true);
    try {
      const result = await api.users.resetPassword(resetTarget.id);
      setResetTarget(null);
      setSecret({ login: result.user.login, password: result.temporaryPassword ?? '' });
      void list.reload();
    } catch (e) {
      notify.failure(e);
    } finally {
      setResetting(false);
    }
  };

  const u = t.users;
  const columns: TableColumnConfig<User>[] = [
    {
      id: 'fullName', name: u.fullName, template: (user) => (
        <div>
          <div>{user.fullName}</div>
          <Text color="secondary" variant="caption-2">{user.position ?? ''}</Text>
        </div>
      ),
    },
    {
      id: 'login', name: u.login, template: (user) => (
        <div>
          <code>{user.login}</code>
          {user.email && <Text as="div" color="secondary" variant="caption-2">{user.email}</Text>}
        </div>
      ),
    },
    { id: 'role', name: u.role, template: (user) => ROLE_LABELS[locale][user.role] },
    { id: 'organization', name: u.organization, template: (user) => user.organization.shortName },
    {
      id: 'active', name: u.status, template: (user) => (
        <div className="labels">
          <Label theme={user.active ? 'success' : 'unknown'}>{user.active ? t.common.activeUser : t.common.inactiveUser}</Label>
          {user.mustChangePassword && <Label theme="warning">{u.mustChangePassword}</Label>}
        </div>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      id: 'actions', name: '', align: 'end', sticky: 'end', template: (user) => (
        <div className="row-actions">
          <Button view="flat" size="s" onClick={() => setEditor({ open: true, user })} title={t.common.edit} aria-label={`${t.common.edit}: ${user.login}`}>
            <Icon data={Pencil} size={14} />
          </Button>
          <Button view="flat" size="s" onClick={() => setResetTarget(user)} title={u.resetPassword} aria-label={`${u.resetPassword}: ${user.login}`}>
            <Icon data={Key} size={14} />
          </Button>
        </div>
      ),
    });
  }

  return (
    <div className="page">
      <PageHeader
        title={u.title}
        actions={canManage && (
          <Button view="action" onClick={() => setEditor({ open: true, user: null })} qa="add-user">
            <Icon data={Plus} size={16} />{u.add}
          </Button>
        )}
      >
        <div className="filters" data-qa="user-filters">
          <TextInput
            className="filters__search" value={q} onUpdate={setQ} placeholder={u.searchPlaceholder} hasClear
            startContent={<Icon data={Magnifier} size={14} className="filters__search-icon" />} controlProps={{ 'aria-label': t.common.search }}
          />
          <Select
            width={220} value={[organizationId]} onUpdate={([v]) => setOrganizationId(v ?? ANY)} aria-label={u.organization} filterable={organizations.length > 8}
            options={[{ value: ANY, content: u.allOrganizations }, ...organizations.map((o) => ({ value: o.id, content: o.shortName }))]}
          />
          <Select
            width={220} value={[role]} onUpdate={([v]) => setRole(v ?? ANY)} aria-label={u.role}
            options={[{ value: ANY, content: u.allRoles }, ...ROLES.map((r) => ({ value: r, content: ROLE_LABELS[locale][r] }))]}
          />
          <Select
            width={180} value={[active]} onUpdate={([v]) => setActive(v ?? ANY)} aria-label={u.status}
            options={[{ value: ANY, content: u.anyStatus }, { value: 'true', content: u.onlyActive }, { value: 'false', content: u.onlyInactive }]}
          />
        </div>
      </PageHeader>
      {loadError !== null && <Text color="danger">{errorText(loadError)}</Text>}
      {items === null && loadError === null && <Loader />}
      {items && (
        <div className="table-wrap">
          <Table data={items} columns={columns} width="max" wordWrap emptyMessage={t.common.empty} getRowDescriptor={(user) => ({ id: user.id })} qa="users-table" />
        </div>
      )}
      <UserDialog
        open={editor.open}
        user={editor.user}
        organizations={organizations}
        defaultOrganizationId={organizationId === ANY ? null : organizationId}
        onClose={() => setEditor((e) => ({ ...e, open: false }))}
        onCreated={(result) => {
          setEditor((e) => ({ ...e, open: false }));
          notify.success(u.created(result.user.fullName));
          if (result.temporaryPassword) setSecret({ login: result.user.login, password: result.temporaryPassword });
          void list.reload();
        }}
        onUpdated={() => {
          setEditor((e) => ({ ...e, open: false }));
          notify.success(t.common.saved);
          void list.reload();
        }}
      />
      <Dialog open={resetTarget !== null} onClose={() => setResetTarget(null)} size="s" qa="reset-password-dialog">
        <Dialog.Header caption={u.resetConfirmTitle} />
        <Dialog.Body>
          <Text>{resetTarget ? u.resetConfirmText(resetTarget.fullName) : ''}</Text>
        </Dialog.Body>
        <Dialog.Footer
          onClickButtonApply={() => void resetPassword()} onClickButtonCancel={() => setResetTarget(null)}
          textButtonApply={u.resetPassword} textButtonCancel={t.common.cancel} loading={resetting} preset="danger"
        />
      </Dialog>
      <SecretDialog
        open={secret !== null}
        title={u.temporaryPasswordTitle}
        text={secret ? u.temporaryPasswordText(secret.login) : ''}
        secret={secret?.password ?? ''}
        onClose={() => setSecret(null)}
        qa="temporary-password-dialog"
      />
    </div>
  );
}
