// Who sees analytics: ЦУР (the whole region), and a municipality's head and contact official (their own
// municipality). The ЦУР administrator sets the rating weights.
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { definePolicy } from '../../platform/policy';

const READERS = ['cur_admin', 'cur_analyst', 'head', 'contact_official'];

export const analyticsPolicy = definePolicy<'read' | 'weights', void>({
  read: (actor: Actor) => READERS.includes(actor.role),
  weights: (actor: Actor) => actor.role === 'cur_admin',
}, {
  read: () => forbidden('forbidden', 'Аналитика доступна ЦУР, главе и контактному лицу администрации'),
  weights: () => forbidden('forbidden', 'Веса рейтинга задаёт администратор ЦУР'),
});
