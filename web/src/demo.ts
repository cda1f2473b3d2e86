// Logins of the demo region (password «demo»), listed on the login page when the server runs in demo mode.
import type { Role } from '../../domain/roles';

export const DEMO_LOGINS: { login: string; role: Role; organization: string }[] = [
  { login: 'cur.admin', role: 'cur_admin', organization: 'ЦУР' },
  { login: 'cur.analyst', role: 'cur_analyst', organization: 'ЦУР' },
  { login: 'beloyarsky.contact', role: 'contact_official', organization: 'Белоярский ГО' },
  { login: 'beloyarsky.executor', role: 'executor', organization: 'Белоярский ГО' },
  { login: 'beloyarsky.head', role: 'head', organization: 'Белоярский ГО' },
  { login: 'ekb.contact', role: 'contact_official', organization: 'Екатеринбург' },
  { login: 'ekb.executor', role: 'executor', organization: 'Екатеринбург' },
  { login: 'ekb.head', role: 'head', organization: 'Екатеринбург' },
];

export const DEMO_PASSWORD = 'demo';
