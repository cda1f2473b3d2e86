// A choice of several municipalities of the region in alphabetical order, with «all» and «none»: the addressees of ЦУР's requests and recommendations.
import { Button, Checkbox, Text } from '@gravity-ui/uikit';
import { useMunicipality } from '../state/municipality';

interface Props {
  label: string;
  chosen: string[];
  onChange(slugs: string[]): void;
  labels: { all: string; none: string };
  error?: string;
}

export function MunicipalityChecklist({ label, chosen, onChange, labels, error }: Props) {
  const { municipalities: all } = useMunicipality();
  const municipalities = [...all].sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'));
  return (
    <div className="directory-field">
      <Text variant="subheader-1">{label}</Text>
      <div className="directory-actions" style={{ justifyContent: 'flex-start' }}>
        <Button size="s" view="flat" onClick={() => onChange(municipalities.map((m) => m.slug))}>{labels.all}</Button>
        <Button size="s" view="flat" onClick={() => onChange([])}>{labels.none}</Button>
      </div>
      <div className="requests-municipalities">
        {municipalities.map((m) => (
          <Checkbox key={m.slug} checked={chosen.includes(m.slug)} onUpdate={(on) => onChange(on ? [...chosen, m.slug] : chosen.filter((x) => x !== m.slug))}>{m.shortName}</Checkbox>
        ))}
      </div>
      {error && <Text color="danger">{error}</Text>}
    </div>
  );
}
