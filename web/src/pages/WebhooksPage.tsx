// Webhook subscriptions: the ЦУР administrator (any municipality or the whole region) and a head (its own)
// subscribe information systems to events, see each delivery with its attempts and send one again.
import { useState } from 'react';
import { Button, Checkbox, Icon, Label, Loader, Table, Text, type TableColumnConfig } from '@gravity-ui/uikit';
import { Plus } from '@gravity-ui/icons';
import { WEBHOOK_DELIVERY_STATUS_LABELS, WEBHOOK_EVENT_LABELS, type WebhookEvent } from '../../../domain/webhooks/events';
import { api } from '../api';
import { webhookApi, type WebhookDelivery, type WebhookSubscription } from '../webhookApi';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { Field, FormDialog, SelectField, TextField, fieldErrorOf } from '../components/form';
import { SecretDialog } from '../components/SecretDialog';
import { useNotify } from '../components/notify';

const DELIVERY_THEME = { pending: 'warning', delivered: 'success', failed: 'danger' } as const;

function SubscriptionDialog({ open, regionWide, events, onClose, onCreated }: {
  open: boolean; regionWide: boolean; events: { type: WebhookEvent; label: string }[];
  onClose(): void; onCreated(secret: string): void;
}) {
  const { t } = useI18n();
  const w = t.webhooks;
  const [form, setForm] = useState({ name: '', url: '', secret: '', municipality: '' });
  const [chosen, setChosen] = useState<WebhookEvent[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const municipalities = useResource(() => (regionWide ? api.organizations.list({ kind: 'municipality', active: true }).then((r) => r.items) : Promise.resolve([])), [regionWide]);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      const created = await webhookApi.create({
        name: form.name.trim(), url: form.url.trim(), events: chosen,
        secret: form.secret.trim() || undefined,
        municipality: regionWide ? form.municipality || null : undefined,
      });
      setForm({ name: '', url: '', secret: '', municipality: '' });
      setChosen([]);
      onCreated(created.secret);
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const eventsError = fieldErrorOf(error, 'events');
  return (
    <FormDialog open={open} title={w.add} submitText={w.save} submitting={submitting} error={error} onSubmit={() => void submit()} onClose={onClose} qa="webhook-dialog">
      <TextField label={w.name} name="name" value={form.name} onUpdate={set('name')} error={error} autoFocus />
      <TextField label={w.url} name="url" value={form.url} onUpdate={set('url')} error={error} placeholder="https://" />
      <TextField label={w.secret} name="secret" value={form.secret} onUpdate={set('secret')} error={error} hint={w.secretHint} autoComplete="off" />
      {regionWide && (
        <SelectField
          label={w.municipality} name="municipality" value={form.municipality || 'region'} onUpdate={(v) => set('municipality')(v === 'region' ? '' : v)} error={error}
          options={[{ value: 'region', content: w.regionWide }, ...(municipalities.data ?? []).map((m) => ({ value: m.slug, content: m.shortName }))]}
        />
      )}
      <Field label={w.events} error={eventsError} qa="field-events">
        <div className="webhook-events">
          {events.map((e) => (
            <Checkbox
              key={e.type} checked={chosen.includes(e.type)} qa={`event-${e.type}`}
              onUpdate={(on) => setChosen((c) => (on ? [...c, e.type] : c.filter((x) => x !== e.type)))}
            >
              {e.label} <Text color="secondary" variant="caption-2">{e.type}</Text>
            </Checkbox>
          ))}
        </div>
      </Field>
    </FormDialog>
  );
}

function Deliveries({ subscription }: { subscription: WebhookSubscription }) {
  const { t, locale, formatDateTime } = useI18n();
  const w = t.webhooks;
  const notify = useNotify();
  const list = useResource(() => webhookApi.deliveries(subscription.id).then((r) => r.items), [subscription.id]);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const redeliver = async (d: WebhookDelivery) => {
    setBusy(d.id);
    try {
      const updated = await webhookApi.redeliver(subscription.id, d.id);
      if (list.data) list.set(list.data.map((x) => (x.id === updated.id ? updated : x)));
      notify.success(w.redelivered);
    } catch (e) {
      notify.failure(e);
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnConfig<WebhookDelivery>[] = [
    { id: 'event', name: w.event, template: (d) => <div><div>{WEBHOOK_EVENT_LABELS[d.event]}</div><Text color="secondary" variant="caption-2">{d.event}</Text></div> },
    { id: 'occurredAt', name: w.occurredAt, template: (d) => formatDateTime(d.occurredAt) },
    { id: 'status', name: w.status, template: (d) => <Label theme={DELIVERY_THEME[d.status]} qa="delivery-status">{locale === 'ru' ? WEBHOOK_DELIVERY_STATUS_LABELS[d.status] : d.status}</Label> },
    { id: 'attempts', name: w.attempts, template: (d) => String(d.attempts) },
    { id: 'last', name: w.lastAnswer, template: (d) => (d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : d.lastError ?? '—') },
    { id: 'next', name: w.nextAttempt, template: (d) => (d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—') },
    {
      id: 'actions', name: '', align: 'end', template: (d) => (
        <div className="row-actions">
          <Button view="flat" size="s" onClick={() => setOpen(open === d.id ? null : d.id)} qa="delivery-log">{w.show}</Button>
          {d.can.retry && <Button view="outlined" size="s" loading={busy === d.id} onClick={() => void redeliver(d)} qa="delivery-retry">{w.redeliver}</Button>}
        </div>
      ),
    },
  ];
  const shown = list.data?.find((d) => d.id === open) ?? null;
  return (
    <div className="webhook-deliveries" data-qa="webhook-deliveries">
      {list.data === null && list.error === null && <Loader size="s" />}
      {list.data && (
        <Table data={list.data} columns={columns} width="max" wordWrap emptyMessage={w.noDeliveries} getRowDescriptor={(d) => ({ id: d.id })} qa="deliveries-table" />
      )}
      {shown && (
        <div className="webhook-log" data-qa="delivery-attempts">
          <Text variant="subheader-1">{w.log}</Text>
          <ul>
            {shown.log.map((a) => (
              <li key={a.attempt}>
                {w.attempt(a.attempt)} · {formatDateTime(a.at)} · {a.statusCode !== null ? `HTTP ${a.statusCode}` : a.error} · {w.duration(a.durationMs)}
              </li>
            ))}
          </ul>
          <Text variant="subheader-1">{w.body}</Text>
          <pre className="webhook-body">{JSON.stringify(JSON.parse(shown.body), null, 2)}</pre>
        </div>
      )}
    </div>
  );
}

export function WebhooksPage() {
  const { t, errorText } = useI18n();
  const w = t.webhooks;
  const notify = useNotify();
  const list = useResource(() => webhookApi.list(), []);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const toggle = async (s: WebhookSubscription) => {
    setBusy(s.id);
    try {
      await webhookApi.update(s.id, { active: !s.active });
      await list.reload();
    } catch (e) {
      notify.failure(e);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (s: WebhookSubscription) => {
    if (!window.confirm(w.deleteConfirm(s.name))) return;
    try {
      await webhookApi.remove(s.id);
      notify.success(w.deleted);
      await list.reload();
    } catch (e) {
      notify.failure(e);
    }
  };

  const columns: TableColumnConfig<WebhookSubscription>[] = [
    { id: 'name', name: w.name, template: (s) => <div><div>{s.name}</div><Text color="secondary" variant="caption-2"><code>{s.url}</code></Text></div> },
    { id: 'municipality', name: w.municipality, template: (s) => s.municipality?.name ?? w.regionWide },
    { id: 'events', name: w.events, template: (s) => <div className="webhook-chips">{s.events.map((e) => <Label key={e} size="xs">{e}</Label>)}</div> },
    { id: 'status', name: w.status, template: (s) => <Label theme={s.active ? 'success' : 'unknown'}>{s.active ? w.active : w.paused}</Label> },
    { id: 'deliveries', name: w.deliveries, template: (s) => <span data-qa="delivery-counts">{w.deliveryCounts(s.deliveries.delivered, s.deliveries.pending, s.deliveries.failed)}</span> },
    {
      id: 'actions', name: '', align: 'end', template: (s) => (
        <div className="row-actions">
          <Button view="flat" size="s" onClick={() => setExpanded(expanded === s.id ? null : s.id)} qa="show-deliveries">{w.deliveries}</Button>
          {s.can.edit && <Button view="outlined" size="s" loading={busy === s.id} onClick={() => void toggle(s)}>{s.active ? w.pause : w.resume}</Button>}
          {s.can.delete && <Button view="flat-danger" size="s" onClick={() => void remove(s)}>{w.delete}</Button>}
        </div>
      ),
    },
  ];

  const data = list.data;
  const current = data?.items.find((s) => s.id === expanded) ?? null;
  return (
    <div className="page">
      <PageHeader
        title={w.title}
        actions={data?.can.create && <Button view="action" onClick={() => setCreating(true)} qa="add-webhook"><Icon data={Plus} size={16} />{w.add}</Button>}
      />
      <Text as="p" color="secondary">{w.intro}</Text>
      {list.error !== null && <Text color="danger">{errorText(list.error)}</Text>}
      {data === null && list.error === null && <Loader />}
      {data && (
        <div className="table-wrap">
          <Table data={data.items} columns={columns} width="max" wordWrap emptyMessage={w.empty} getRowDescriptor={(s) => ({ id: s.id })} qa="webhooks-table" />
        </div>
      )}
      {current && (
        <section className="webhook-section">
          <Text variant="subheader-2" as="h2">{w.deliveries}: {current.name}</Text>
          <Deliveries subscription={current} />
        </section>
      )}
      {data && (
        <SubscriptionDialog
          open={creating} regionWide={data.can.regionWide} events={data.events} onClose={() => setCreating(false)}
          onCreated={(s) => { setCreating(false); setSecret(s); notify.success(w.created); void list.reload(); }}
        />
      )}
      <SecretDialog open={secret !== null} title={w.secretTitle} text={w.secretText} secret={secret ?? ''} onClose={() => setSecret(null)} qa="webhook-secret" />
    </div>
  );
}
