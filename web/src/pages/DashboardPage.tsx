// The start page: who the user is and the sections their role opens.
import { Link as RouterLink } from 'react-router';
import { Card, Icon, Text } from '@gravity-ui/uikit';
import { ROLE_LABELS } from '../../../domain/labels';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { knownNavigation } from '../navigation';

/** «Ольга Викторовна» of «Смирнова Ольга Викторовна»: the polite Russian address. */
function addressOf(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.length >= 3 ? parts.slice(1).join(' ') : fullName;
}

export function DashboardPage() {
  const session = useCurrentSession();
  const { t, locale } = useI18n();
  const { user } = session;
  const sections = knownNavigation(session.navigation).filter((n) => n.item !== 'dashboard');
  return (
    <div className="page">
      <section className="welcome">
        <Text as="h1" variant="header-2">{t.dashboard.greeting(addressOf(user.fullName))}</Text>
        <Text as="p" variant="body-2" color="secondary" qa="dashboard-role">
          {t.dashboard.roleIn(ROLE_LABELS[locale][user.role], user.organization.name)}
        </Text>
      </section>
      <Text as="h2" variant="subheader-3" className="section-title">{t.dashboard.sections}</Text>
      <div className="cards">
        {sections.map(({ item, path, icon }) => (
          <RouterLink key={item} to={path} className="card-link" data-qa={`card-${item}`}>
            <Card type="action" view="outlined" className="section-card">
              <Icon data={icon} size={22} className="section-card__icon" />
              <Text as="div" variant="subheader-2">{t.nav[item]}</Text>
              <Text as="div" color="secondary">{t.navHints[item]}</Text>
            </Card>
          </RouterLink>
        ))}
      </div>
    </div>
  );
}
