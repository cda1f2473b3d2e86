// The home page: what needs the user today — counts with links to exactly those lists — then the sections.
import { Link as RouterLink } from 'react-router';
import { Card, Icon, Loader, Text } from '@gravity-ui/uikit';
import { ROLE_LABELS } from '../../../domain/labels';
import { api, type Today } from '../api';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useResource } from '../state/useResource';
import { knownNavigation } from '../navigation';

/** «Ольга Викторовна» of «Смирнова Ольга Викторовна»: the polite Russian address. */
function addressOf(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.length >= 3 ? parts.slice(1).join(' ') : fullName;
}

/** Items that are late, not just waiting: shown in red when they count anything. */
const URGENT = new Set(['appeals_overdue', 'appeals_due_today', 'low_ratings', 'risks_unread', 'requests_overdue', 'report_due']);

function TodayList({ today }: { today: Today }) {
  const { t, formatDate } = useI18n();
  const d = t.dashboard;
  const open = today.items.filter((i) => i.count > 0);
  return (
    <div className="today" data-qa="today">
      {open.length === 0 && <Text color="secondary" qa="today-nothing">{d.nothing}</Text>}
      <ul className="today__list">
        {today.items.map((i) => (
          <li key={i.key} className={`today__item${i.count === 0 ? ' today__item_zero' : ''}`} data-qa={`today-${i.key}`}>
            <RouterLink to={i.link} className="today__link">
              <Text variant="header-1" as="span" className="today__count" color={i.count > 0 && URGENT.has(i.key) ? 'danger' : i.count > 0 ? 'primary' : 'secondary'}>{i.count}</Text>
              <span className="today__label">
                <Text as="span">{d.items[i.key] ?? i.key}</Text>
                {i.due && <Text as="span" color="secondary" variant="caption-2"> · {d.due(formatDate(i.due))}</Text>}
              </span>
            </RouterLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function DashboardPage() {
  const session = useCurrentSession();
  const { t, locale, formatDate, errorText } = useI18n();
  const { user } = session;
  const today = useResource(() => api.me.today(), [user.id], { refreshMs: 60_000 });
  const sections = knownNavigation(session.navigation).filter((n) => n.item !== 'dashboard');
  return (
    <div className="page">
      <section className="welcome">
        <Text as="h1" variant="header-2">{t.dashboard.greeting(addressOf(user.fullName))}</Text>
        <Text as="p" variant="body-2" color="secondary" qa="dashboard-role">
          {t.dashboard.roleIn(ROLE_LABELS[locale][user.role], user.organization.name)}
        </Text>
      </section>
      <section aria-labelledby="today-title">
        <Text as="h2" id="today-title" variant="subheader-3" className="section-title">
          {t.dashboard.today(today.data ? formatDate(today.data.date) : '…')}
        </Text>
        {today.error !== null && <Text color="danger">{errorText(today.error)}</Text>}
        {!today.data && today.error === null && <Loader />}
        {today.data && <TodayList today={today.data} />}
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
