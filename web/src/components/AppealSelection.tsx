// The conditions a link brings into the registry beyond the filter bar (a report figure: municipality,
// registration period, kind, result, marks), shown as removable chips so the list never looks unfiltered.
import { Label } from '@gravity-ui/uikit';
import { KIND_LABELS, RESULT_CODE_LABELS, type AppealKind, type ResultCode } from '../../../domain/appeals';
import type { RegistryFilter } from '../state/appealQuery';
import { useI18n } from '../i18n';

const MARKS = ['collective', 'repeated', 'extended', 'answeredLate', 'rated'] as const;

export function AppealSelection({ filter, onChange, municipalityName }: { filter: RegistryFilter; onChange(next: RegistryFilter): void; municipalityName(slug: string): string }) {
  const { t, locale, formatDate } = useI18n();
  const s = t.appeals.selection;
  const chips: { key: string; text: string; clear: Partial<RegistryFilter> }[] = [];
  if (filter.municipality) chips.push({ key: 'municipality', text: municipalityName(filter.municipality), clear: { municipality: '' } });
  if (filter.registeredFrom || filter.registeredTo) {
    chips.push({ key: 'registered', text: s.registered(filter.registeredFrom ? formatDate(filter.registeredFrom) : '…', filter.registeredTo ? formatDate(filter.registeredTo) : '…'), clear: { registeredFrom: '', registeredTo: '' } });
  }
  for (const kind of filter.kind.split(',').filter(Boolean)) chips.push({ key: `kind-${kind}`, text: KIND_LABELS[locale][kind as AppealKind] ?? kind, clear: { kind: '' } });
  for (const result of filter.result.split(',').filter(Boolean)) chips.push({ key: `result-${result}`, text: RESULT_CODE_LABELS[locale][result as ResultCode] ?? result, clear: { result: '' } });
  if (filter.deadlineFrom || filter.deadlineTo) {
    chips.push({ key: 'deadline', text: s.deadline(filter.deadlineFrom ? formatDate(filter.deadlineFrom) : '…', filter.deadlineTo ? formatDate(filter.deadlineTo) : '…'), clear: { deadlineFrom: '', deadlineTo: '' } });
  }
  if (filter.ratedFrom) chips.push({ key: 'ratedFrom', text: s.ratedFrom(formatDate(filter.ratedFrom)), clear: { ratedFrom: '' } });
  if (filter.rating) chips.push({ key: 'rating', text: s.rating(filter.rating.split(',').join(', ')), clear: { rating: '' } });
  for (const mark of MARKS) if (filter[mark]) chips.push({ key: mark, text: s.marks[mark], clear: { [mark]: false } });
  if (!chips.length) return null;
  return (
    <div className="appeal-selection" data-qa="appeal-selection" aria-label={s.label}>
      {chips.map((c) => (
        <Label key={c.key} type="close" onCloseClick={() => onChange({ ...filter, ...c.clear })} closeButtonLabel={s.remove}>{c.text}</Label>
      ))}
    </div>
  );
}
