// The frame of the citizen's pages: a light header with the two public services, no sign-in needed.
import { useEffect, type ReactNode } from 'react';
import { Link as RouterLink, NavLink } from 'react-router';
import { Text } from '@gravity-ui/uikit';
import { useI18n } from '../i18n';
import { Logo } from './Logo';
import { LanguageSwitch } from './LanguageSwitch';

export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const r = t.reception;

  useEffect(() => {
    document.title = `${title} — ${t.product}`;
    return () => { document.title = t.product; };
  }, [title, t.product]);

  return (
    <div className="public">
      <a className="skip-link" href="#public-main">{title}</a>
      <header className="public__header">
        <RouterLink to="/reception" className="public__brand">
          <Logo size={32} />
          <span>
            <span className="public__product">{t.product}</span>
            <span className="public__tagline">{r.title}</span>
          </span>
        </RouterLink>
        <LanguageSwitch />
      </header>
      <nav className="public__nav" aria-label={r.title}>
        <NavLink to="/reception" className={({ isActive }) => `public__tab${isActive ? ' public__tab_active' : ''}`}>{r.tabSubmit}</NavLink>
        <NavLink to="/status" className={({ isActive }) => `public__tab${isActive ? ' public__tab_active' : ''}`}>{r.tabStatus}</NavLink>
      </nav>
      <main className="public__main" id="public-main">
        <Text as="h1" variant="header-2" className="public__title">{title}</Text>
        {children}
      </main>
      <footer className="public__footer">
        <Text color="secondary">{t.productTagline}</Text>
        <RouterLink className="text-link" to="/login">{r.staffLogin}</RouterLink>
      </footer>
    </div>
  );
}
