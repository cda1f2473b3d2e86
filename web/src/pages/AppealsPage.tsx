import { Text } from '@gravity-ui/uikit';
import { useI18n } from '../i18n';
import { PageHeader } from '../components/PageHeader';

export function AppealsPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <PageHeader title={t.appeals.title} />
      <Text as="p" variant="body-2">{t.appeals.lead}</Text>
    </div>
  );
}
