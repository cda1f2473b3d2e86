// Create a municipality or edit an organisation; only changed fields are sent.
import { useEffect, useState } from 'react';
import { api, type Organization, type UpdateOrganization } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../state/session';
import { FormDialog, TextField } from './form';

/** An empty field clears the population; digits (spaces allowed) set it. */
const populationOf = (v: string): number | null => (v.trim() === '' ? null : Number(v.replace(/\s/g, '')));

type Form = { name: string; shortName: string; slug: string; oktmo: string; timeZone: string; numberPrefix: string; population: string; signalEmail: string };

/** A new municipality starts on the clock of the region that adds it. */
function formOf(org: Organization | null, timeZone: string): Form {
  if (!org) return { name: '', shortName: '', slug: '', oktmo: '', timeZone, numberPrefix: '', population: '', signalEmail: '' };
  return { name: org.name, shortName: org.shortName, slug: org.slug, oktmo: org.oktmo ?? '', timeZone: org.timeZone, numberPrefix: org.numberPrefix, population: org.population === null ? '' : String(org.population), signalEmail: org.signalEmail ?? '' };
}

interface Props {
  open: boolean;
  /** The organisation to edit; null creates a municipality. */
  organization: Organization | null;
  onClose(): void;
  onSaved(organization: Organization, created: boolean): void;
}

export function OrganizationDialog({ open, organization, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const timeZone = useSession().session?.user.organization.timeZone ?? '';
  const [form, setForm] = useState<Form>(formOf(organization, timeZone));
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (open) {
      setForm(formOf(organization, timeZone));
      setError(null);
    }
  }, [open, organization, timeZone]);

  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      if (organization) {
        const initial = formOf(organization, timeZone);
        const changes: UpdateOrganization = {};
        for (const key of Object.keys(form) as (keyof Form)[]) {
          if (key === 'population' || key === 'signalEmail' || form[key].trim() === initial[key]) continue;
          changes[key] = form[key].trim();
        }
        if (form.population.trim() !== initial.population) changes.population = populationOf(form.population);
        if (form.signalEmail.trim() !== initial.signalEmail) changes.signalEmail = form.signalEmail.trim() || null;
        if (Object.keys(changes).length === 0) {
          onClose();
          return;
        }
        onSaved(await api.organizations.update(organization.id, changes), false);
      } else {
        onSaved(await api.organizations.create({
          name: form.name.trim(),
          shortName: form.shortName.trim() || undefined,
          slug: form.slug.trim(),
          oktmo: form.oktmo.trim(),
          timeZone: form.timeZone.trim() || undefined,
          numberPrefix: form.numberPrefix.trim(),
          population: populationOf(form.population) ?? undefined,
          signalEmail: form.signalEmail.trim() || undefined,
        }), true);
      }
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const o = t.organizations;
  return (
    <FormDialog
      open={open} title={organization ? o.editTitle : o.createTitle} submitText={organization ? t.common.save : t.common.create}
      submitting={submitting} error={error} onSubmit={() => void submit()} onClose={onClose} qa="organization-dialog"
    >
      <TextField label={o.name} name="name" value={form.name} onUpdate={set('name')} error={error} autoFocus />
      <TextField label={o.shortName} name="shortName" value={form.shortName} onUpdate={set('shortName')} error={error} />
      <div className="form-row">
        <TextField label={o.slug} name="slug" value={form.slug} onUpdate={set('slug')} error={error} hint={o.slugHint} />
        <TextField label={o.oktmo} name="oktmo" value={form.oktmo} onUpdate={set('oktmo')} error={error} hint={o.oktmoHint} disabled={organization?.kind === 'regional_center'} />
      </div>
      <div className="form-row">
        <TextField label={o.timeZone} name="timeZone" value={form.timeZone} onUpdate={set('timeZone')} error={error} hint={o.timeZoneHint} />
        <TextField label={o.numberPrefix} name="numberPrefix" value={form.numberPrefix} onUpdate={set('numberPrefix')} error={error} hint={o.numberPrefixHint} />
      </div>
      {organization?.kind !== 'regional_center' && (
        <>
          <TextField label={o.population} name="population" value={form.population} onUpdate={set('population')} error={error} hint={o.populationHint} />
          <TextField label={o.signalEmail} name="signalEmail" type="email" value={form.signalEmail} onUpdate={set('signalEmail')} error={error} hint={o.signalEmailHint} />
        </>
      )}
    </FormDialog>
  );
}
