// The public pages' choice of a municipality: every municipality of the region as a link.
import { Link as RouterLink } from 'react-router';
import { Alert, Loader } from '@gravity-ui/uikit';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';

export function MunicipalityLinks({ to, qa }: { to(slug: string): string; qa: string }) {
  const { errorText } = useI18n();
  const { data: items, error } = useResource(() => api.public.municipalities().then((r) => r.items), []);
  return (
    <>
      {error !== null && <Alert theme="danger" message={errorText(error)} />}
      {items === null && error === null && <Loader />}
      {items && (
        <ul className="municipality-list" data-qa={qa}>
          {items.map((m) => (
            <li key={m.slug}>
              <RouterLink className="municipality-link" to={to(m.slug)}>
                <span className="municipality-link__name">{m.shortName}</span>
                <span className="municipality-link__full">{m.name}</span>
              </RouterLink>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
