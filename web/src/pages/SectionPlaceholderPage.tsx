// Sections the server may list before their pages exist here.
import { Text } from '@gravity-ui/uikit';
import type { NavItem } from '../../../domain/roles';
import { useI18n } from '../i18n';
import { PageHeader } from '../components/PageHeader';

export function SectionPlaceholderPage({ item }: { item: NavItem }) {
  const { t } = useI18n();
  return (
    <div className="page">
      <PageHeader title={t.nav[item]} />
      <Text as="p" variant="body-2">{t.navHints[item]}</Text>
      <Text as="p" color="secondary">{t.placeholder.lead}</Text>
    </div>
  );
}
