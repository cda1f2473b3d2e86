// The organisations of the region: the ЦУР and its municipalities; the administrator adds and edits them.
import { useState } from 'react';
import { Button, Icon, Label, Loader, Table, Text, type TableColumnConfig } from '@gravity-ui/uikit';
import { Envelope, Pencil, Plus } from '@gravity-ui/icons';
import { ORGANIZATION_KIND_LABELS } from '../../../domain/labels';
import { api, type Organization } from '../api';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { OrganizationDialog } from '../components/OrganizationDialog';
import { MailboxDialog } from '../components/MailboxDialog';
import { useNotify } from '../components/notify';

export function OrganizationsPage() {
  const { t, locale, errorText } = useI18n();
  const session = useCurrentSession();
  const canManage = session.policies['organizations.manage'] === true;
  const notify = useNotify();
  const list = useResource(() => api.organizations.list().then((r) => r.items), []);
  const { data: items, error: loadError } = list;
  const [dialog, setDialog] = useState<{ open: boolean; organization: Organization | null }>({ open: false, organization: null });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [mailboxOf, setMailboxOf] = useState<Organization | null>(null);

  const toggleActive = async (org: Organization) => {
    setBusyId(org.id);
    try {
      const updated = await api.organizations.update(org.id, { active: !org.active });
      if (items) list.set(items.map((o) => (o.id === updated.id ? updated : o)));
      notify.success(updated.active ? t.organizations.activated(updated.shortName) : t.organizations.deactivated(updated.shortName));
    } catch (e) {
      notify.failure(e);
    } finally {
      setBusyId(null);
    }
  };

  const o = t.organizations;
  const columns: TableColumnConfig<Organization>[] = [
    {
      id: 'name', name: o.name, template: (org) => (
        <div>
          <div>{org.name}</div>
          <Text color="secondary" variant="caption-2">{org.shortName} · {ORGANIZATION_KIND_LABELS[locale][org.kind]}</Text>
        </div>
      ),
    },
    { id: 'slug', name: o.slug, template: (org) => <code>{org.slug}</code> },
    { id: 'oktmo', name: o.oktmo, template: (org) => org.oktmo ?? '—' },
    { id: 'timeZone', name: o.timeZone },
    { id: 'numberPrefix', name: o.numberPrefix },
    { id: 'active', name: o.status, template: (org) => <Label theme={org.active ? 'success' : 'unknown'}>{org.active ? t.common.active : t.common.inactive}</Label> },
  ];
  if (canManage) {
    columns.push({
      id: 'actions', name: '', align: 'end', sticky: 'end', template: (org) => (
        <div className="row-actions">
          {org.can.edit && (
            <Button view="flat" size="s" onClick={() => setDialog({ open: true, organization: org })} title={t.common.edit} aria-label={`${t.common.edit}: ${org.shortName}`}>
              <Icon data={Pencil} size={14} />
            </Button>
          )}
          {org.can.mailbox && (
            <Button view="flat" size="s" onClick={() => setMailboxOf(org)} title={o.mailbox} aria-label={`${o.mailbox}: ${org.shortName}`} qa={`mailbox-${org.slug}`}>
              <Icon data={Envelope} size={14} />
            </Button>
          )}
          {(org.can.deactivate || org.can.activate) && (
            <Button view="outlined" size="s" loading={busyId === org.id} onClick={() => void toggleActive(org)}>
              {org.active ? o.deactivate : o.activate}
            </Button>
          )}
        </div>
      ),
    });
  }

  return (
    <div className="page">
      <PageHeader
        title={o.title}
        actions={canManage && (
          <Button view="action" onClick={() => setDialog({ open: true, organization: null })} qa="add-organization">
            <Icon data={Plus} size={16} />{o.add}
          </Button>
        )}
      />
      {loadError !== null && <Text color="danger">{errorText(loadError)}</Text>}
      {items === null && loadError === null && <Loader />}
      {items && (
        <div className="table-wrap">
          <Table data={items} columns={columns} width="max" wordWrap emptyMessage={t.common.empty} getRowDescriptor={(org) => ({ id: org.id })} qa="organizations-table" />
        </div>
      )}
      <MailboxDialog
        organization={mailboxOf}
        onClose={() => setMailboxOf(null)}
        onSaved={(message) => { setMailboxOf(null); notify.success(message); }}
      />
      <OrganizationDialog
        open={dialog.open}
        organization={dialog.organization}
        onClose={() => setDialog((d) => ({ ...d, open: false }))}
        onSaved={(saved, created) => {
          setDialog((d) => ({ ...d, open: false }));
          notify.success(created ? o.created(saved.shortName) : t.common.saved);
          void list.reload();
        }}
      />
    </div>
  );
}
