// Roles of the people who work in Otklik and what each one may reach.

export const ROLES = ['cur_admin', 'cur_analyst', 'contact_official', 'executor', 'head'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['regional_center', 'municipality'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Roles that belong to the regional centre (ЦУР) and see every municipality of the region. */
export const REGIONAL_ROLES: readonly Role[] = ['cur_admin', 'cur_analyst'];
/** Roles that belong to a municipal administration and see only it. */
export const MUNICIPAL_ROLES: readonly Role[] = ['contact_official', 'executor', 'head'];

export function isRegionalRole(role: Role): boolean {
  return REGIONAL_ROLES.includes(role);
}

/** The kind of organisation a role must belong to. */
export function organizationKindForRole(role: Role): OrganizationKind {
  return isRegionalRole(role) ? 'regional_center' : 'municipality';
}

export type NavItem = 'dashboard' | 'analytics' | 'clusters' | 'appeals' | 'risks' | 'monitoring' | 'reports' | 'requests' | 'recommendations' | 'roadmaps' | 'practices' | 'informing' | 'polls' | 'trainings' | 'contacts' | 'imports' | 'officialPages' | 'organizations' | 'users' | 'settings' | 'audit' | 'webhooks' | 'profile';

/** Navigation of the web shell by role: the server sends it, the UI only renders it. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  cur_admin: ['dashboard', 'analytics', 'clusters', 'appeals', 'risks', 'monitoring', 'reports', 'requests', 'recommendations', 'roadmaps', 'practices', 'informing', 'polls', 'trainings', 'contacts', 'imports', 'officialPages', 'organizations', 'users', 'settings', 'audit', 'webhooks', 'profile'],
  cur_analyst: ['dashboard', 'analytics', 'clusters', 'appeals', 'risks', 'monitoring', 'reports', 'requests', 'recommendations', 'roadmaps', 'practices', 'informing', 'polls', 'trainings', 'contacts', 'imports', 'officialPages', 'profile'],
  contact_official: ['dashboard', 'analytics', 'clusters', 'appeals', 'risks', 'reports', 'requests', 'recommendations', 'roadmaps', 'practices', 'informing', 'polls', 'trainings', 'contacts', 'imports', 'officialPages', 'profile'],
  executor: ['dashboard', 'appeals', 'practices', 'trainings', 'profile'],
  head: ['dashboard', 'analytics', 'clusters', 'appeals', 'risks', 'reports', 'requests', 'recommendations', 'roadmaps', 'practices', 'informing', 'polls', 'trainings', 'contacts', 'imports', 'officialPages', 'webhooks', 'profile'],
};
