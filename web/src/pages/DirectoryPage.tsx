// Contact officials (§9): ЦУР's directory of every administration, and an administration's own
// contacts with add / edit / relieve; the history of changes for both.
import { useState } from 'react';
import '../directory.css';
import { Button, Dialog, Label, Select, Table, Text, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { directoryApi, type ContactInput, type ContactOfficial } from '../directoryApi';
import { useI18n } from '../i18n';
import { useSubmit } from '../components/useSubmit';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { useLiveReload } from '../state/notifications';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';
import { ContactChangeDetails } from '../components/ContactChange';

type Tab = 'directory' | 'history';
const FIELDS = ['surname', 'name', 'patronymic', 'position', 'email', 'phone'] as const;

function ContactDialog({ contact, municipalities, needsMunicipality, onClose, onSaved }: {
  contact: ContactOfficial | null;
  municipalities: { slug: string; shortName: string }[];
  needsMunicipality: boolean;
  onClose(): void;
  onSaved(saved: ContactOfficial): void;
}) {
  const { t } = useI18n();
  const s = t.directory.contacts;
  const [values, setValues] = useState<ContactInput>(() => (contact ? { surname: contact.surname, name: contact.name, patronymic: contact.patronymic, position: contact.position, email: contact.email, phone: contact.phone } : {}));
  const { errors, failure, busy, run } = useSubmit();
  const save = () => run(async () => {
    const saved = contact ? await directoryApi.updateContact(contact.id, values) : await directoryApi.createContact(values);
    onSaved(saved);
  });
  return (
    <Dialog open onClose={onClose} size="m">
      <Dialog.Header caption={contact ? s.dialogEdit : s.dialogCreate} />
      <Dialog.Body>
        <div className="directory-form">
          {needsMunicipality && !contact && (
            <label className="directory-field">
              <Text variant="subheader-1">{s.fields.municipality}</Text>
              <Select
                value={values.municipality ? [values.municipality] : []}
                onUpdate={([slug]) => setValues((v) => ({ ...v, municipality: slug }))}
                options={municipalities.map((m) => ({ value: m.slug, content: m.shortName }))}
                validationState={errors.municipality ? 'invalid' : undefined}
                errorMessage={errors.municipality}
                width="max"
              />
            </label>
          )}
          {FIELDS.map((field) => (
            <label key={field} className="directory-field">
              <Text variant="subheader-1">{s.fields[field]}</Text>
              <TextInput
                value={values[field] ?? ''}
                onUpdate={(value) => setValues((v) => ({ ...v, [field]: value }))}
                validationState={errors[field] ? 'invalid' : undefined}
                errorMessage={errors[field]}
                controlProps={{ 'aria-label': s.fields[field] }}
              />
            </label>
          ))}
          {failure && <Text color="danger">{failure}</Text>}
        </div>
      </Dialog.Body>
      <Dialog.Footer onClickButtonCancel={onClose} onClickButtonApply={save} textButtonApply={s.save} textButtonCancel={s.cancel} loading={busy} />
    </Dialog>
  );
}

export function DirectoryPage() {
  const { t, errorText, formatDateTime } = useI18n();
  const s = t.directory.contacts;
  const session = useCurrentSession();
  const regional = session.user.organization.kind === 'regional_center';
  const canAdd = session.policies['contacts.create'] === true;
  const { municipalities, selected } = useMunicipality();
  const notify = useNotify();
  const [tab, setTab] = useState<Tab>('directory');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ contact: ContactOfficial | null } | null>(null);
  const [relieving, setRelieving] = useState<ContactOfficial | null>(null);
  // Why the server refused to relieve (e.g. the last active contact official): shown in the dialog itself.
  const [relieveError, setRelieveError] = useState<string | null>(null);
  const municipality = selected?.slug;

  // Asked a moment after the search box stops changing; the lists shown stay meanwhile.
  const directory = useResource(async () => {
    const [list, changes] = await Promise.all([directoryApi.contacts({ municipality, q: q.trim() || undefined }), directoryApi.history(municipality)]);
    return { items: list.items, history: changes.items };
  }, [municipality, q], { keep: true, delayMs: 250 });
  // Another person's change of a contact shows here at once, with its line in the history.
  useLiveReload(['contact'], directory.reload);
  const { error } = directory;
  const items = directory.data?.items ?? null;
  const history = directory.data?.history ?? null;

  const toggle = async (contact: ContactOfficial, active: boolean) => {
    try {
      await directoryApi.updateContact(contact.id, { active });
      notify.success(s.saved);
      setRelieving(null);
      await directory.reload();
    } catch (e) {
      if (active) notify.failure(e);
      else setRelieveError(errorText(e));
    }
  };
  const closeRelieving = () => { setRelieving(null); setRelieveError(null); };

  const columns: TableColumnConfig<ContactOfficial>[] = [
    ...(regional ? [{ id: 'municipalityName', name: s.columns.municipality }] : []),
    { id: 'fullName', name: s.columns.fullName },
    { id: 'position', name: s.columns.position },
    { id: 'email', name: s.columns.email, template: (c) => <a href={`mailto:${c.email}`}>{c.email}</a> },
    { id: 'phone', name: s.columns.phone, template: (c) => <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a> },
    { id: 'active', name: s.columns.active, template: (c) => <Label theme={c.active ? 'success' : 'unknown'}>{c.active ? s.yes : s.no}</Label> },
    ...(items?.some((c) => c.can.edit) ? [{
      id: 'actions', name: '',
      template: (c: ContactOfficial) => c.can.edit && (
        <div className="directory-actions">
          <Button size="s" view="flat" onClick={() => setEditing({ contact: c })}>{s.edit}</Button>
          {c.active
            ? <Button size="s" view="flat-danger" onClick={() => { setRelieveError(null); setRelieving(c); }}>{s.deactivate}</Button>
            : <Button size="s" view="flat" onClick={() => void toggle(c, true)}>{s.activate}</Button>}
        </div>
      ),
    }] : []),
  ];

  return (
    <div className="page">
      <PageHeader
        title={s.title}
        actions={<>
          <Button view="outlined" href={directoryApi.exportUrl({ municipality, q: q.trim() || undefined })}>{s.exportCsv}</Button>
          {canAdd && <Button view="action" onClick={() => setEditing({ contact: null })}>{s.add}</Button>}
        </>}
      />
      <div className="directory-toolbar">
        <Button view={tab === 'directory' ? 'normal' : 'flat'} selected={tab === 'directory'} onClick={() => setTab('directory')}>{s.directory}</Button>
        <Button view={tab === 'history' ? 'normal' : 'flat'} selected={tab === 'history'} onClick={() => setTab('history')}>{s.history}</Button>
        {tab === 'directory' && <TextInput className="directory-search" value={q} onUpdate={setQ} placeholder={s.search} hasClear controlProps={{ 'aria-label': s.search }} />}
      </div>
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {tab === 'directory' && items && (
        items.length ? <Table data={items} columns={columns} wordWrap getRowDescriptor={(c) => ({ id: c.id, classNames: c.active ? [] : ['directory-row_inactive'] })} width="max" />
          : <Text color="secondary">{s.empty}</Text>
      )}
      {tab === 'history' && history && (
        history.length ? (
          <ol className="directory-history">
            {history.map((h) => (
              <li key={h.id}>
                <Text variant="subheader-1">{s.changes[h.change]}</Text>{' '}
                <Text color="secondary">{formatDateTime(h.at)}{h.actor ? ` · ${s.by}: ${h.actor}` : ''}{regional ? ` · ${municipalities.find((m) => m.slug === h.municipality)?.shortName ?? h.municipality}` : ''}</Text>
                <ContactChangeDetails change={h} />
              </li>
            ))}
          </ol>
        ) : <Text color="secondary">{s.historyEmpty}</Text>
      )}
      {editing && (
        <ContactDialog
          contact={editing.contact}
          municipalities={municipalities.map((m) => ({ slug: m.slug, shortName: m.shortName }))}
          needsMunicipality={regional}
          onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); notify.success(s.saved); void directory.reload(); }}
        />
      )}
      {relieving && (
        <Dialog open onClose={closeRelieving} size="s">
          <Dialog.Header caption={s.deactivate} />
          <Dialog.Body>
            <div className="directory-form">
              <Text>{s.confirmDeactivate(relieving.fullName)}</Text>
              {relieveError && <Text color="danger" role="alert">{relieveError}</Text>}
            </div>
          </Dialog.Body>
          <Dialog.Footer onClickButtonCancel={closeRelieving} onClickButtonApply={() => void toggle(relieving, false)} textButtonApply={s.deactivate} textButtonCancel={s.cancel} />
        </Dialog>
      )}
    </div>
  );
}
