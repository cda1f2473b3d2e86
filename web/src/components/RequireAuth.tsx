// Gates of the authenticated shell: a session for every page, a navigation item for each section.
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Loader } from '@gravity-ui/uikit';
import type { NavItem } from '../../../domain/roles';
import { useI18n } from '../i18n';
import { useSession } from '../state/session';
import { MessagePage } from './MessagePage';

export function FullPageLoader() {
  return (
    <div className="full-page-center">
      <Loader size="l" />
    </div>
  );
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, loadError, refresh, signedOut } = useSession();
  const { t, errorText } = useI18n();
  const location = useLocation();
  // Coming from a citizen's page, the session is asked for only now.
  useEffect(() => { if (status === 'idle') void refresh(); }, [status, refresh]);
  if (status === 'loading' || status === 'idle') return <FullPageLoader />;
  if (status === 'error') {
    return (
      <div className="full-page-center">
        <MessagePage title={t.product} text={errorText(loadError)} action={<Button view="action" onClick={() => void refresh()}>{t.common.retry}</Button>} />
      </div>
    );
  }
  if (status === 'anonymous') {
    const next = location.pathname + location.search;
    const target = next === '/' || signedOut ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <>{children}</>;
}

/** Shows the section only when the server's navigation for the user contains it. */
export function RequireNavItem({ item, children }: { item: NavItem; children: ReactNode }) {
  const { session } = useSession();
  const { t } = useI18n();
  if (!session?.navigation.includes(item)) return <MessagePage title={t.forbidden.title} text={t.forbidden.text} home />;
  return <>{children}</>;
}
