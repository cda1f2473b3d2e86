// The e-reception's first step: the citizen chooses the municipality the appeal is for.
import { Link as RouterLink, useLocation } from 'react-router';
import { Alert, Loader, Text } from '@gravity-ui/uikit';
import { api } from '../api';
import { useI18n } from '../i18n';
import { PublicLayout } from '../components/PublicLayout';
import { useResource } from '../state/useResource';

export function ReceptionPage() {
  const { t, errorText } = useI18n();
  const r = t.reception;
  const location = useLocation();
  const unknown = (location.state as { unknown?: boolean } | null)?.unknown === true;
  const { data: items, error } = useResource(() => api.public.municipalities().then((r) => r.items), []);

  return (
    <PublicLayout title={r.title}>
      <Text as="h2" variant="subheader-3">{r.chooseTitle}</Text>
      <Text as="p" color="secondary">{r.chooseLead}</Text>
      {unknown && <Alert theme="warning" message={r.unknownMunicipality} />}
      {error !== null && <Alert theme="danger" message={errorText(error)} />}
      {items === null && error === null && <Loader />}
      {items && (
        <ul className="municipality-list" data-qa="municipality-list">
          {items.map((m) => (
            <li key={m.slug}>
              <RouterLink className="municipality-link" to={`/reception/${m.slug}`}>
                <span className="municipality-link__name">{m.shortName}</span>
                <span className="municipality-link__full">{m.name}</span>
              </RouterLink>
            </li>
          ))}
        </ul>
      )}
    </PublicLayout>
  );
}
