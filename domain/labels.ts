// Russian and English labels of the domain's enumerations, shared by the server and the web app.
import type { OrganizationKind, Role } from './roles';

export type Locale = 'ru' | 'en';

export const ROLE_LABELS: Record<Locale, Record<Role, string>> = {
  ru: {
    cur_admin: 'Администратор ЦУР',
    cur_analyst: 'Аналитик ЦУР',
    contact_official: 'Контактное должностное лицо',
    executor: 'Исполнитель',
    head: 'Руководитель',
  },
  en: {
    cur_admin: 'Regional centre administrator',
    cur_analyst: 'Regional centre analyst',
    contact_official: 'Contact official',
    executor: 'Executor',
    head: 'Head',
  },
};

export const ORGANIZATION_KIND_LABELS: Record<Locale, Record<OrganizationKind, string>> = {
  ru: { regional_center: 'Центр управления региона', municipality: 'Муниципальное образование' },
  en: { regional_center: 'Regional management centre', municipality: 'Municipality' },
};
