// One entry of the contact officials history: whose record, and field by field what it was and what it became.
import { Text } from '@gravity-ui/uikit';
import type { ContactChange } from '../directoryApi';
import { useI18n } from '../i18n';

const FIELDS = ['fullName', 'position', 'email', 'phone', 'active'] as const;
type Field = (typeof FIELDS)[number];

export function ContactChangeDetails({ change }: { change: ContactChange }) {
  const { t } = useI18n();
  const s = t.directory.contacts;
  const label = (field: Field) => (field === 'active' || field === 'fullName' ? s.columns[field] : s.fields[field]);
  const show = (field: Field, value: unknown) => (field === 'active' ? (value ? s.yes : s.no) : value == null ? '—' : String(value));
  const { before, after } = change;
  const record = after ?? before;
  if (!record) return null;
  const person = `${String(record.fullName)}, ${String(record.position)}`;

  // A new record: the whole of it.
  if (!before) {
    return (
      <div className="directory-history__change">
        <Text>{person}, {String(record.email)}, {String(record.phone)}</Text>
      </div>
    );
  }
  const changed = FIELDS.filter((field) => after && before[field] !== after[field]);
  return (
    <div className="directory-history__change">
      <Text>{person}</Text>
      <div className="directory-history__fields">
        {changed.map((field) => (
          <div key={field}>
            <Text color="secondary">{label(field)}: </Text>
            <Text color="secondary"><s>{show(field, before[field])}</s></Text>
            <Text> → {show(field, after?.[field])}</Text>
          </div>
        ))}
      </div>
    </div>
  );
}
