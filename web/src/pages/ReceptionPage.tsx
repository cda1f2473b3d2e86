// The e-reception's first step: the citizen chooses the municipality the appeal is for.
import { useLocation } from 'react-router';
import { Alert, Text } from '@gravity-ui/uikit';
import { useI18n } from '../i18n';
import { PublicLayout } from '../components/PublicLayout';
import { MunicipalityLinks } from '../components/MunicipalityLinks';

export function ReceptionPage() {
  const { t } = useI18n();
  const r = t.reception;
  const location = useLocation();
  const unknown = (location.state as { unknown?: boolean } | null)?.unknown === true;

  return (
    <PublicLayout title={r.title}>
      <Text as="h2" variant="subheader-3">{r.chooseTitle}</Text>
      <Text as="p" color="secondary">{r.chooseLead}</Text>
      {unknown && <Alert theme="warning" message={r.unknownMunicipality} />}
      <MunicipalityLinks to={(slug) => `/reception/${slug}`} qa="municipality-list" />
    </PublicLayout>
  );
}
