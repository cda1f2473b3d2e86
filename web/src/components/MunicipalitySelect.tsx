// The municipality selector of regional-centre users; hidden for municipal users.
import { Select } from '@gravity-ui/uikit';
import { useI18n } from '../i18n';
import { useMunicipality } from '../state/municipality';

const ALL = '__all__';

export function MunicipalitySelect() {
  const { enabled, municipalities, selectedId, select } = useMunicipality();
  const { t } = useI18n();
  if (!enabled) return null;
  const options = [
    { value: ALL, content: t.shell.allMunicipalities },
    ...municipalities.map((m) => ({ value: m.id, content: m.shortName + (m.active ? '' : ` (${t.common.inactive.toLowerCase()})`) })),
  ];
  return (
    <Select
      className="municipality-select"
      qa="municipality-select"
      aria-label={t.shell.municipality}
      title={t.shell.municipality}
      width={260}
      filterable={municipalities.length > 8}
      value={[selectedId ?? ALL]}
      options={options}
      onUpdate={([value]) => select(value === ALL || !value ? null : value)}
    />
  );
}
