// Who sees analytics: ЦУР (the whole region), and a municipality's head and contact official (their own
// municipality). The ЦУР administrator sets the rating weights and the sector curators.
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { definePolicy } from '../../platform/policy';

const READERS = ['cur_admin', 'cur_analyst', 'head', 'contact_official'];

const CUR = ['cur_admin', 'cur_analyst'];

export const analyticsPolicy = definePolicy<'read' | 'weights' | 'sectors' | 'curators', void>({
  read: (actor: Actor) => READERS.includes(actor.role),
  weights: (actor: Actor) => actor.role === 'cur_admin',
  sectors: (actor: Actor) => CUR.includes(actor.role),
  curators: (actor: Actor) => actor.role === 'cur_admin',
}, {
  sectors: () => forbidden('forbidden', 'Отраслевые направления ЦУР доступны только сотрудникам ЦУР'),
  curators: () => forbidden('forbidden', 'Кураторов направлений назначает администратор ЦУР'),
  read: () => forbidden('forbidden', 'Аналитика доступна ЦУР, главе и контактному лицу администрации'),
  weights: () => forbidden('forbidden', 'Веса рейтинга задаёт администратор ЦУР'),
});
