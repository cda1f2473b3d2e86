// Providers and routes of the single-page app.
import { BrowserRouter, Route, Routes } from 'react-router';
import { ThemeProvider, Toaster, ToasterComponent, ToasterProvider } from '@gravity-ui/uikit';
import { I18nProvider, TimeZoneScope, useI18n, useSetTimeZone } from './i18n';
import { SessionProvider } from './state/session';
import { MunicipalityProvider, useMunicipality } from './state/municipality';
import { useSession } from './state/session';
import { RequireAuth, RequireNavItem } from './components/RequireAuth';
import { AppShell } from './components/AppShell';
import { LoginPage } from './pages/LoginPage';
import { DashboardPage } from './pages/DashboardPage';
import { AppealsPage } from './pages/AppealsPage';
import { AppealCardPage } from './pages/AppealCardPage';
import { AppealNewPage } from './pages/AppealNewPage';
import { ReceptionPage } from './pages/ReceptionPage';
import { ReceptionFormPage } from './pages/ReceptionFormPage';
import { StatusPage } from './pages/StatusPage';
import { OrganizationsPage } from './pages/OrganizationsPage';
import { WebhooksPage } from './pages/WebhooksPage';
import { UsersPage } from './pages/UsersPage';
import { AuditPage } from './pages/AuditPage';
import { SettingsPage } from './pages/SettingsPage';
import { ProfilePage } from './pages/ProfilePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { InfoRequestsPage } from './pages/InfoRequestsPage';
import { InfoRequestPage } from './pages/InfoRequestPage';
import { DirectoryPage } from './pages/DirectoryPage';
import { ImportsPage } from './pages/ImportsPage';
import { RisksPage } from './pages/RisksPage';
import { RiskNewPage } from './pages/RiskNewPage';
import { RiskCardPage } from './pages/RiskCardPage';
import { RiskStatisticsPage } from './pages/RiskStatisticsPage';
import { RefutationsPage } from './pages/RefutationsPage';
import { ReportsPage } from './pages/ReportsPage';
import { ReportCardPage } from './pages/ReportCardPage';
import { AnalyticsPage } from './pages/AnalyticsPage';
import { MonitoringPage } from './pages/MonitoringPage';
import { OfficialPagesPage } from './pages/OfficialPagesPage';
import { RecommendationsPage } from './pages/RecommendationsPage';
import { RecommendationPage } from './pages/RecommendationPage';
import { PracticesPage } from './pages/PracticesPage';
import { PracticePage } from './pages/PracticePage';
import { TrainingsPage } from './pages/TrainingsPage';
import { TrainingPage } from './pages/TrainingPage';
import { RoadmapsPage } from './pages/RoadmapsPage';
import { RoadmapCardPage } from './pages/RoadmapCardPage';
import { InformingPage } from './pages/InformingPage';
import { PollsPage } from './pages/PollsPage';
import { SubscribePage, SubscriptionLinkPage } from './pages/SubscribePage';
import { ClustersPage } from './pages/ClustersPage';

const toaster = new Toaster();

function Themed() {
  const { locale } = useI18n();
  return (
    <ThemeProvider theme="light" lang={locale}>
      <ToasterProvider toaster={toaster}>
        <SessionProvider>
          <MunicipalityProvider>
            <TimeZoneScope>
              <DisplayTimeZone />
              <BrowserRouter>
                <AppRoutes />
              </BrowserRouter>
            </TimeZoneScope>
          </MunicipalityProvider>
        </SessionProvider>
        <ToasterComponent />
      </ToasterProvider>
    </ThemeProvider>
  );
}

/** Times are shown on the clock of the user's municipality, or of the municipality a ЦУР user has chosen. */
function DisplayTimeZone() {
  const { session } = useSession();
  const { selected } = useMunicipality();
  useSetTimeZone(selected?.timeZone ?? session?.user.organization.timeZone);
  return null;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* The citizen's pages: no account, no shell. */}
      <Route path="/reception" element={<ReceptionPage />} />
      <Route path="/reception/:slug" element={<ReceptionFormPage />} />
      <Route path="/status" element={<StatusPage />} />
      <Route path="/status/:number" element={<StatusPage />} />
      <Route path="/refutations" element={<RefutationsPage />} />
      <Route path="/refutations/:slug" element={<RefutationsPage />} />
      <Route path="/subscribe/confirm" element={<SubscriptionLinkPage action="confirm" />} />
      <Route path="/subscribe/unsubscribe" element={<SubscriptionLinkPage action="unsubscribe" />} />
      <Route path="/subscribe/:slug" element={<SubscribePage />} />
      <Route element={<RequireAuth><AppShell /></RequireAuth>}>
        <Route index element={<DashboardPage />} />
        <Route path="analytics" element={<RequireNavItem item="analytics"><AnalyticsPage /></RequireNavItem>} />
        <Route path="clusters" element={<RequireNavItem item="clusters"><ClustersPage /></RequireNavItem>} />
        <Route path="appeals" element={<RequireNavItem item="appeals"><AppealsPage /></RequireNavItem>} />
        <Route path="appeals/new" element={<RequireNavItem item="appeals"><AppealNewPage /></RequireNavItem>} />
        <Route path="appeals/:id" element={<RequireNavItem item="appeals"><AppealCardPage /></RequireNavItem>} />
        <Route path="organizations" element={<RequireNavItem item="organizations"><OrganizationsPage /></RequireNavItem>} />
        <Route path="webhooks" element={<RequireNavItem item="webhooks"><WebhooksPage /></RequireNavItem>} />
        <Route path="users" element={<RequireNavItem item="users"><UsersPage /></RequireNavItem>} />
        <Route path="settings" element={<RequireNavItem item="settings"><SettingsPage /></RequireNavItem>} />
        <Route path="audit" element={<RequireNavItem item="audit"><AuditPage /></RequireNavItem>} />
        <Route path="risks" element={<RequireNavItem item="risks"><RisksPage /></RequireNavItem>} />
        <Route path="risks/new" element={<RequireNavItem item="risks"><RiskNewPage /></RequireNavItem>} />
        <Route path="risks/statistics" element={<RequireNavItem item="risks"><RiskStatisticsPage /></RequireNavItem>} />
        <Route path="risks/:id" element={<RequireNavItem item="risks"><RiskCardPage /></RequireNavItem>} />
        <Route path="monitoring" element={<RequireNavItem item="monitoring"><MonitoringPage /></RequireNavItem>} />
        <Route path="official-pages" element={<RequireNavItem item="officialPages"><OfficialPagesPage /></RequireNavItem>} />
        <Route path="reports" element={<RequireNavItem item="reports"><ReportsPage /></RequireNavItem>} />
        <Route path="reports/:id" element={<RequireNavItem item="reports"><ReportCardPage /></RequireNavItem>} />
        <Route path="requests" element={<RequireNavItem item="requests"><InfoRequestsPage /></RequireNavItem>} />
        <Route path="requests/:id" element={<RequireNavItem item="requests"><InfoRequestPage /></RequireNavItem>} />
        <Route path="recommendations" element={<RequireNavItem item="recommendations"><RecommendationsPage /></RequireNavItem>} />
        <Route path="recommendations/:id" element={<RequireNavItem item="recommendations"><RecommendationPage /></RequireNavItem>} />
        <Route path="practices" element={<RequireNavItem item="practices"><PracticesPage /></RequireNavItem>} />
        <Route path="practices/:id" element={<RequireNavItem item="practices"><PracticePage /></RequireNavItem>} />
        <Route path="trainings" element={<RequireNavItem item="trainings"><TrainingsPage /></RequireNavItem>} />
        <Route path="trainings/:id" element={<RequireNavItem item="trainings"><TrainingPage /></RequireNavItem>} />
        <Route path="roadmaps" element={<RequireNavItem item="roadmaps"><RoadmapsPage /></RequireNavItem>} />
        <Route path="roadmaps/:id" element={<RequireNavItem item="roadmaps"><RoadmapCardPage /></RequireNavItem>} />
        <Route path="informing" element={<RequireNavItem item="informing"><InformingPage /></RequireNavItem>} />
        <Route path="polls" element={<RequireNavItem item="polls"><PollsPage /></RequireNavItem>} />
        <Route path="contacts" element={<RequireNavItem item="contacts"><DirectoryPage /></RequireNavItem>} />
        <Route path="imports" element={<RequireNavItem item="imports"><ImportsPage /></RequireNavItem>} />
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
