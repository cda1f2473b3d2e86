// Providers and routes of the single-page app.
import { BrowserRouter, Route, Routes } from 'react-router';
import { ThemeProvider, Toaster, ToasterComponent, ToasterProvider } from '@gravity-ui/uikit';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider } from './state/session';
import { MunicipalityProvider } from './state/municipality';
import { RequireAuth, RequireNavItem } from './components/RequireAuth';
import { AppShell } from './components/AppShell';
import { LoginPage } from './pages/LoginPage';
import { DashboardPage } from './pages/DashboardPage';
import { AppealsPage } from './pages/AppealsPage';
import { OrganizationsPage } from './pages/OrganizationsPage';
import { UsersPage } from './pages/UsersPage';
import { AuditPage } from './pages/AuditPage';
import { ProfilePage } from './pages/ProfilePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SectionPlaceholderPage } from './pages/SectionPlaceholderPage';

const toaster = new Toaster();

function Themed() {
  const { locale } = useI18n();
  return (
    <ThemeProvider theme="light" lang={locale}>
      <ToasterProvider toaster={toaster}>
        <SessionProvider>
          <MunicipalityProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </MunicipalityProvider>
        </SessionProvider>
        <ToasterComponent />
      </ToasterProvider>
    </ThemeProvider>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth><AppShell /></RequireAuth>}>
        <Route index element={<DashboardPage />} />
        <Route path="appeals" element={<RequireNavItem item="appeals"><AppealsPage /></RequireNavItem>} />
        <Route path="organizations" element={<RequireNavItem item="organizations"><OrganizationsPage /></RequireNavItem>} />
        <Route path="users" element={<RequireNavItem item="users"><UsersPage /></RequireNavItem>} />
        <Route path="audit" element={<RequireNavItem item="audit"><AuditPage /></RequireNavItem>} />
        {(['risks', 'reports', 'requests', 'contacts'] as const).map((item) => (
          <Route key={item} path={item} element={<RequireNavItem item={item}><SectionPlaceholderPage item={item} /></RequireNavItem>} />
        ))}
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
