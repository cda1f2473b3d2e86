// Classifying an appeal on its card: the topic (searched by words and codes, with the text's likeliest
// topics as one-click choices), kind, address, department, collective and repeated marks. Only what
// changed is sent with PATCH /api/appeals/{id}; the change is audited and the topic teaches the model.
import { useEffect, useState } from 'react';
import { Button, Checkbox, Select, Text } from '@gravity-ui/uikit';
import { APPEAL_KINDS, KIND_LABELS, type AppealKind } from '../../../domain/appeals';
import { api, type Appeal, type UpdateAppeal } from '../api';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { Field, FormDialog, TextField, fieldErrorOf } from './form';
import { Panel, Facts } from './Facts';
import { TopicSelect, useTopicGroups, useTopics } from './TopicSelect';
import { TopicSuggestions } from './TopicSuggestions';
import { useNotify } from './notify';

const NONE = '__none__';

interface Values { topic: string; kind: string; address: string; department: string; collective: boolean; repeated: boolean }

function valuesOf(appeal: Appeal): Values {
  return {
    topic: appeal.topic ?? '', kind: appeal.kind ?? '', address: appeal.address ?? '', department: appeal.department?.id ?? '',
    collective: appeal.author.kind === 'collective', repeated: appeal.repeated,
  };
}

/** Only the fields that differ from the appeal: a save changes (and audits) nothing else. */
export function changesOf(appeal: Appeal, v: Values): UpdateAppeal {
  const was = valuesOf(appeal);
  const body: UpdateAppeal = {};
  if (v.topic !== was.topic) body.topic = v.topic || null;
  if (v.kind !== was.kind) body.kind = (v.kind || null) as AppealKind | null;
  if (v.address.trim() !== was.address) body.address = v.address.trim() || null;
  if (v.department !== was.department) body.department = v.department || null;
  if (v.collective !== was.collective) body.collective = v.collective;
  if (v.repeated !== was.repeated) body.repeated = v.repeated;
  return body;
}

export function AppealClassification({ appeal, onChange }: { appeal: Appeal; onChange(appeal: Appeal): void }) {
  const { t, locale } = useI18n();
  const c = t.appeals.classify;
  const f = t.appeals.form;
  const notify = useNotify();
  const topics = useTopics();
  const groups = useTopicGroups();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(() => valuesOf(appeal));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const departments = useResource(open ? () => api.departments.list(appeal.municipality).then((r) => r.items) : null, [open, appeal.municipality]).data ?? [];

  useEffect(() => { if (open) { setValues(valuesOf(appeal)); setError(null); } }, [open, appeal]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const groupCode = topics.find((x) => x.code === appeal.topic)?.groupCode ?? null;
  const groupTitle = groups.find((g) => g.code === groupCode)?.title ?? null;

  const save = async () => {
    const body = changesOf(appeal, values);
    if (Object.keys(body).length === 0) { setOpen(false); return; }
    setSaving(true);
    setError(null);
    try {
      onChange(await api.appeals.update(appeal.id, body));
      notify.success(c.saved);
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  // Departments that are retired are not offered, except the one the appeal already has.
  const departmentOptions = departments.filter((d) => d.active || d.id === values.department);

  return (
    <Panel title={c.title} qa="appeal-classification">
      <Facts rows={[
        [f.topic, appeal.topic ? <span title={appeal.topic}>{appeal.topicTitle ?? appeal.topic}</span> : <Text color="secondary">—</Text>, 'classification-topic'],
        [c.group, groupTitle],
        [f.kind, appeal.kind ? KIND_LABELS[locale][appeal.kind] : null],
        [c.department, appeal.department?.name ?? null],
      ]} />
      <Button view="outlined" onClick={() => setOpen(true)} qa="appeal-classify">{c.edit}</Button>
      <FormDialog open={open} title={c.dialog} submitText={c.save} submitting={saving} error={error} onSubmit={() => void save()} onClose={() => setOpen(false)} qa="classify-dialog">
        <div className="stack">
          <Field label={f.topic} hint={c.searchHint} error={fieldErrorOf(error, 'topic')} qa="classify-topic">
            <TopicSelect value={values.topic} onUpdate={(v) => set('topic', v)} label={f.topic} placeholder={f.chooseTopic} error={fieldErrorOf(error, 'topic')} qa="classify-topic-select" />
            <TopicSuggestions suggestions={appeal.suggestions} current={values.topic || null} onChoose={(s) => set('topic', s.topic)} />
          </Field>
          <Field label={f.kind} qa="classify-kind">
            <Select
              width="max" value={[values.kind || NONE]} onUpdate={([v]) => set('kind', v === NONE ? '' : v ?? '')} aria-label={f.kind} qa="classify-kind-select"
              options={[{ value: NONE, content: f.noKind }, ...APPEAL_KINDS.map((k) => ({ value: k, content: KIND_LABELS[locale][k] }))]}
            />
          </Field>
          <TextField label={f.address} name="address" value={values.address} onUpdate={(v) => set('address', v)} error={error} />
          <Field label={c.department} error={fieldErrorOf(error, 'department')} qa="classify-department">
            <Select
              width="max" value={[values.department || NONE]} onUpdate={([v]) => set('department', v === NONE ? '' : v ?? '')} aria-label={c.department} qa="classify-department-select"
              options={[{ value: NONE, content: c.noDepartment }, ...departmentOptions.map((d) => ({ value: d.id, content: d.name }))]}
            />
          </Field>
          <div className="appeal-form__flags">
            <Checkbox checked={values.collective} onUpdate={(v) => set('collective', v)} qa="classify-collective">{c.collective}</Checkbox>
            <Checkbox checked={values.repeated} onUpdate={(v) => set('repeated', v)} qa="classify-repeated">{c.repeated}</Checkbox>
          </div>
        </div>
      </FormDialog>
    </Panel>
  );
}
