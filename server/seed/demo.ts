// The demo region: the ЦУР of Sverdlovsk region, seven of its municipalities and one login per role.
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { contactOfficials, departments, organizations, users } from '../db/schema';
import type { Role } from '../../domain/roles';
import { hashPassword } from '../platform/passwords';
import { writeAudit } from '../platform/audit';
import { forgetCached } from '../platform/cache';

export const DEMO_PASSWORD = 'demo';

export const REGIONAL_CENTER = {
  kind: 'regional_center' as const,
  name: 'Центр управления региона Свердловской области',
  shortName: 'ЦУР Свердловской области',
  slug: 'cur',
  oktmo: null,
  numberPrefix: 'ЦУР',
};

export const DEMO_MUNICIPALITIES = [
  { slug: 'beloyarsky', name: 'Белоярский городской округ', shortName: 'Белоярский ГО', oktmo: '65708000', numberPrefix: 'БЕЛ', population: 37000 },
  { slug: 'ekaterinburg', name: 'Муниципальное образование «город Екатеринбург»', shortName: 'Екатеринбург', oktmo: '65701000', numberPrefix: 'ЕКБ', population: 1544000 },
  { slug: 'nizhny-tagil', name: 'Город Нижний Тагил', shortName: 'Нижний Тагил', oktmo: '65751000', numberPrefix: 'НТГ', population: 338000 },
  { slug: 'kamensk-uralsky', name: 'Каменск-Уральский городской округ', shortName: 'Каменск-Уральский', oktmo: '65740000', numberPrefix: 'КУР', population: 161000 },
  { slug: 'pervouralsk', name: 'Городской округ Первоуральск', shortName: 'Первоуральск', oktmo: '65753000', numberPrefix: 'ПРВ', population: 118000 },
  { slug: 'berezovsky', name: 'Берёзовский городской округ', shortName: 'Берёзовский ГО', oktmo: '65731000', numberPrefix: 'БРЗ', population: 60000 },
  { slug: 'asbest', name: 'Асбестовский городской округ', shortName: 'Асбестовский ГО', oktmo: '65709000', numberPrefix: 'АСБ', population: 63000 },
];

export const DEMO_USERS: { login: string; fullName: string; position: string; role: Role; org: string }[] = [
  { login: 'cur.admin', fullName: 'Смирнова Ольга Викторовна', position: 'Администратор системы', role: 'cur_admin', org: 'cur' },
  { login: 'cur.analyst', fullName: 'Кузнецов Андрей Павлович', position: 'Куратор-аналитик', role: 'cur_analyst', org: 'cur' },
  { login: 'beloyarsky.contact', fullName: 'Иванова Мария Сергеевна', position: 'Начальник отдела по связям с общественностью', role: 'contact_official', org: 'beloyarsky' },
  { login: 'beloyarsky.executor', fullName: 'Петров Игорь Николаевич', position: 'Специалист отдела ЖКХ', role: 'executor', org: 'beloyarsky' },
  { login: 'beloyarsky.head', fullName: 'Соколов Дмитрий Александрович', position: 'Глава городского округа', role: 'head', org: 'beloyarsky' },
  { login: 'ekb.contact', fullName: 'Волкова Елена Игоревна', position: 'Заместитель начальника департамента информационной политики', role: 'contact_official', org: 'ekaterinburg' },
  { login: 'ekb.executor', fullName: 'Морозов Сергей Владимирович', position: 'Ведущий специалист', role: 'executor', org: 'ekaterinburg' },
  { login: 'ekb.head', fullName: 'Лебедев Алексей Юрьевич', position: 'Глава города', role: 'head', org: 'ekaterinburg' },
];

export const DEMO_DEPARTMENTS = [
  'Отдел жилищно-коммунального хозяйства',
  'Управление благоустройства и дорожного хозяйства',
  'Отдел архитектуры и градостроительства',
  'Управление образования',
  'Отдел социальной политики',
  'Общий отдел',
];

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return Number(row.n) === 0;
}

/** Creates the demo region; does nothing when organisations already exist. Returns whether it seeded. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  forgetCached();
  await db.transaction(async (tx) => {
    const orgs = await tx.insert(organizations).values([REGIONAL_CENTER, ...DEMO_MUNICIPALITIES.map((m) => ({ ...m, kind: 'municipality' as const }))]).returning();
    const bySlug = new Map(orgs.map((o) => [o.slug, o.id]));
    await tx.insert(users).values(DEMO_USERS.map((u) => ({
      login: u.login, fullName: u.fullName, position: u.position, role: u.role, organizationId: bySlug.get(u.org)!, passwordHash,
      email: `${u.login}@demo.otklik.local`,
    })));
    const createdUsers = await tx.select().from(users);
    const CONTACT_NAMES = ['Никитина Ирина Валерьевна', 'Орлов Максим Андреевич', 'Фёдорова Татьяна Николаевна', 'Зайцев Роман Сергеевич', 'Белова Ксения Дмитриевна'];
    await tx.insert(contactOfficials).values(orgs.filter((o) => o.kind === 'municipality').map((o, i) => {
      const user = createdUsers.find((u) => u.organizationId === o.id && u.role === 'contact_official');
      const fullName = user?.fullName ?? CONTACT_NAMES[i % CONTACT_NAMES.length];
      const [surname, name, ...patronymic] = fullName.split(' ');
      return {
        organizationId: o.id, userId: user?.id ?? null,
        surname, name, patronymic: patronymic.join(' ') || null, fullName,
        position: user?.position ?? 'Начальник отдела по связям с общественностью',
        email: user?.email ?? `press@${o.slug}.demo.otklik.local`,
        phone: `+7 (343) ${String(200 + i).padStart(3, '0')}-${String(10 + i * 7).padStart(2, '0')}-${String(30 + i).padStart(2, '0')}`,
      };
    }));
    await tx.insert(departments).values(orgs.filter((o) => o.kind === 'municipality').flatMap((o) => DEMO_DEPARTMENTS.map((name) => ({ organizationId: o.id, name }))));
    await writeAudit(tx, null, { action: 'system.seed_demo', entityType: 'system', entityId: null, organizationId: null, after: { organizations: orgs.length, users: DEMO_USERS.length } });
  });
  return true;
}

/** The first administrator of a production installation: the ЦУР organisation and one cur_admin. */
export async function createAdmin(db: Db, login: string, fullName: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    let [center] = await tx.select().from(organizations).where(sql`${organizations.kind} = 'regional_center'`).limit(1);
    if (!center) [center] = await tx.insert(organizations).values(REGIONAL_CENTER).returning();
    const [user] = await tx.insert(users).values({ login, fullName, role: 'cur_admin', organizationId: center.id, passwordHash, mustChangePassword: true }).returning();
    await writeAudit(tx, null, { action: 'user.create', entityType: 'user', entityId: user.id, organizationId: center.id, after: { login, role: 'cur_admin' } });
  });
}
