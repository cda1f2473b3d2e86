import { useI18n } from '../i18n';
import { MessagePage } from '../components/MessagePage';

export function NotFoundPage() {
  const { t } = useI18n();
  return <MessagePage title={t.notFound.title} text={t.notFound.text} home />;
}
