// What the registry does with the selected appeals: assign, set on control or off it, export exactly them.
// Each appeal goes through its own step on the server; the ones that could not are listed with the reason.
import { useState } from 'react';
import { Alert, Button, Icon, Text } from '@gravity-ui/uikit';
import { ArrowDownToLine } from '@gravity-ui/icons';
import { ROLE_LABELS } from '../../../domain/labels';
import { api, type AppealFilter, type BulkActionResult } from '../api';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useResource } from '../state/useResource';
import { FormDialog, SelectField } from './form';
import { useNotify } from './notify';

interface AppealBulkBarProps {
  selected: string[];
  /** The municipality whose departments and staff are offered for assigning; null when the selection spans several. */
  municipality: { slug: string; id: string } | null;
  query: AppealFilter;
  onDone(): void;
  onClear(): void;
}

export function AppealBulkBar({ selected, municipality, query, onDone, onClear }: AppealBulkBarProps) {
  const { t, locale } = useI18n();
  const b = t.appeals.bulk;
  const session = useCurrentSession();
  const notify = useNotify();
  const [assigning, setAssigning] = useState(false);
  const [departmentId, setDepartmentId] = useState('');
  const [executorId, setExecutorId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<BulkActionResult | null>(null);
  const departments = useResource(assigning && municipality ? () => api.departments.list(municipality.slug).then((r) => r.items.filter((d) => d.active)) : null, [assigning, municipality?.slug]);
  const staff = useResource(assigning && municipality ? () => api.users.list({ organizationId: municipality.id, active: true }).then((r) => r.items.filter((u) => u.role === 'executor' || u.role === 'head' || u.role === 'contact_official')) : null, [assigning, municipality?.id]);

  const run = async (action: 'assign' | 'set_control' | 'unset_control') => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.appeals.bulk({ ids: selected, action, ...(action === 'assign' ? { payload: { departmentId: departmentId || undefined, executorId: executorId || undefined } } : {}) });
      setResult(res);
      setAssigning(false);
      if (res.failed === 0) notify.success(b.done(res.done));
      onDone();
    } catch (e) {
      setError(e);
      if (action !== 'assign') notify.failure(e);
    } finally {
      setBusy(false);
    }
  };

  const canAssign = session.policies['appeals.assign'] === true;
  const canControl = session.policies['appeals.control'] === true;
  const { cursor: _c, limit: _l, ...exportQuery } = query;
  const exportSelected = { ...exportQuery, ids: selected.join(',') };

  return (
    <div className="appeal-bulk" data-qa="appeal-bulk">
      {selected.length > 0 && (
        <div className="appeal-bulk__bar" role="group" aria-label={b.label}>
          <Text variant="subheader-1" qa="bulk-count">{b.selected(selected.length)}</Text>
          {canAssign && (
            <Button view="action" disabled={!municipality} title={municipality ? undefined : b.oneMunicipality} onClick={() => { setError(null); setAssigning(true); }} qa="bulk-assign">{b.assign}</Button>
          )}
          {canControl && <Button view="outlined" loading={busy} onClick={() => void run('set_control')} qa="bulk-set-control">{b.setControl}</Button>}
          {canControl && <Button view="outlined" loading={busy} onClick={() => void run('unset_control')} qa="bulk-unset-control">{b.unsetControl}</Button>}
          <Button view="outlined" href={api.appeals.exportUrl('xlsx', exportSelected)} qa="bulk-export">
            <Icon data={ArrowDownToLine} size={16} />{b.export}
          </Button>
          <Button view="flat" onClick={onClear} qa="bulk-clear">{b.clear}</Button>
        </div>
      )}
      {result && result.failed > 0 && (
        <Alert
          theme="warning" qa="bulk-failures" onClose={() => setResult(null)}
          title={b.partly(result.done, result.failed)}
          message={(
            <ul className="appeal-bulk__failures">
              {result.items.filter((i) => !i.ok).map((i) => <li key={i.id}><strong>{i.number ?? '—'}</strong>: {i.message}</li>)}
            </ul>
          )}
        />
      )}
      <FormDialog
        open={assigning} title={b.assignTitle(selected.length)} submitText={b.assign} submitting={busy}
        error={error} onSubmit={() => void run('assign')} onClose={() => setAssigning(false)} qa="bulk-assign-dialog"
      >
        <SelectField
          label={`${t.appeals.action.fields.departmentId ?? b.department} *`} name="payload.departmentId" value={departmentId} onUpdate={setDepartmentId} error={error}
          placeholder={t.appeals.action.chooseDepartment} options={(departments.data ?? []).map((d) => ({ value: d.id, content: d.name }))}
        />
        <SelectField
          label={t.appeals.action.fields.executorId ?? b.executor} name="payload.executorId" value={executorId || '__none__'} onUpdate={(v) => setExecutorId(v === '__none__' ? '' : v)} error={error}
          filterable={(staff.data?.length ?? 0) > 8}
          options={[{ value: '__none__', content: t.appeals.action.chooseExecutor }, ...(staff.data ?? []).map((u) => ({ value: u.id, content: `${u.fullName} · ${ROLE_LABELS[locale][u.role]}` }))]}
        />
      </FormDialog>
    </div>
  );
}
