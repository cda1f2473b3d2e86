// The frame of every signed-in page: header, navigation from the server, the page itself.
import { NavLink, Outlet, Link as RouterLink, useLocation } from 'react-router';
import { Alert, Icon, Text } from '@gravity-ui/uikit';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { knownNavigation } from '../navigation';
import { Logo } from './Logo';
import { MunicipalitySelect } from './MunicipalitySelect';
import { UserMenu } from './UserMenu';
import { NotificationBell } from './NotificationBell';

export function AppShell() {
  const session = useCurrentSession();
  const { t } = useI18n();
  const location = useLocation();
  const items = knownNavigation(session.navigation);
  const organization = session.user.organization;

  return (
    <div className="shell">
      <header className="shell__header">
        <RouterLink to="/" className="shell__brand" aria-label={t.product}>
          <Logo />
          <span className="shell__product">{t.product}</span>
        </RouterLink>
        <span className="shell__org" data-qa="header-organization" title={organization.name}>{organization.shortName}</span>
        <div className="shell__spacer" />
        <MunicipalitySelect />
        <NotificationBell />
        <UserMenu />
      </header>
      <div className="shell__body">
        <nav className="shell__nav" aria-label={t.shell.navigation}>
          <ul>
            {items.map(({ item, path, icon }) => (
              <li key={item}>
                <NavLink to={path} end={path === '/'} className={({ isActive }) => `nav-link${isActive ? ' nav-link_active' : ''}`} title={t.nav[item]} data-qa={`nav-${item}`}>
                  <Icon data={icon} size={18} />
                  <span className="nav-link__label">{t.nav[item]}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main className="shell__main">
          {session.user.mustChangePassword && location.pathname !== '/profile' && (
            <Alert
              className="shell__banner"
              theme="warning"
              message={<Text>{t.shell.mustChangePassword} <RouterLink className="text-link" to="/profile">{t.shell.changePassword}</RouterLink></Text>}
            />
          )}
          <Outlet />
        </main>
      </div>
    </div>
  );
}
