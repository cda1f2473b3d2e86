// Where each navigation item of the server's `navigation` list leads and which icon it shows.
import type { IconData } from '@gravity-ui/uikit';
import { ArrowUpFromSquare, BookOpen, Briefcase, Bulb, Calendar, ChartAreaStacked, ChartColumn, ChartPie, CircleExclamation, Comments, FileText, Flag, Gear, Globe, GraduationCap, Handset, House, ListUl, Magnifier, Person, Persons, PlugConnection, TriangleExclamation } from '@gravity-ui/icons';
import type { NavItem } from '../../domain/roles';

export interface NavTarget {
  item: NavItem;
  path: string;
  icon: IconData;
}

export const NAV_TARGETS: Record<NavItem, NavTarget> = {
  dashboard: { item: 'dashboard', path: '/', icon: House },
  analytics: { item: 'analytics', path: '/analytics', icon: ChartAreaStacked },
  clusters: { item: 'clusters', path: '/clusters', icon: CircleExclamation },
  appeals: { item: 'appeals', path: '/appeals', icon: Comments },
  risks: { item: 'risks', path: '/risks', icon: TriangleExclamation },
  reports: { item: 'reports', path: '/reports', icon: ChartColumn },
  requests: { item: 'requests', path: '/requests', icon: FileText },
  recommendations: { item: 'recommendations', path: '/recommendations', icon: BookOpen },
  practices: { item: 'practices', path: '/practices', icon: Bulb },
  trainings: { item: 'trainings', path: '/trainings', icon: GraduationCap },
  roadmaps: { item: 'roadmaps', path: '/roadmaps', icon: Flag },
  informing: { item: 'informing', path: '/informing', icon: Calendar },
  polls: { item: 'polls', path: '/polls', icon: ChartPie },
  contacts: { item: 'contacts', path: '/contacts', icon: Handset },
  imports: { item: 'imports', path: '/imports', icon: ArrowUpFromSquare },
  monitoring: { item: 'monitoring', path: '/monitoring', icon: Magnifier },
  officialPages: { item: 'officialPages', path: '/official-pages', icon: Globe },
  organizations: { item: 'organizations', path: '/organizations', icon: Briefcase },
  users: { item: 'users', path: '/users', icon: Persons },
  settings: { item: 'settings', path: '/settings', icon: Gear },
  audit: { item: 'audit', path: '/audit', icon: ListUl },
  webhooks: { item: 'webhooks', path: '/webhooks', icon: PlugConnection },
  profile: { item: 'profile', path: '/profile', icon: Person },
};

/** The server's navigation, in its order, without items this version of the UI does not know. */
export function knownNavigation(navigation: readonly string[]): NavTarget[] {
  return navigation.filter((item): item is NavItem => Object.hasOwn(NAV_TARGETS, item)).map((item) => NAV_TARGETS[item]);
}

export function isNavItem(item: string): item is NavItem {
  return Object.hasOwn(NAV_TARGETS, item);
}
