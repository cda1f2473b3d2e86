// A page with one message: not found, no access, server unavailable.
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Text } from '@gravity-ui/uikit';
import { useI18n } from '../i18n';

export function MessagePage({ title, text, action, home }: { title: string; text: string; action?: ReactNode; home?: boolean }) {
  const { t } = useI18n();
  return (
    <section className="message-page">
      <Text as="h1" variant="display-1">{title}</Text>
      <Text as="p" variant="body-2" color="secondary">{text}</Text>
      {action}
      {home && <RouterLink className="text-link" to="/">{t.common.home}</RouterLink>}
    </section>
  );
}
