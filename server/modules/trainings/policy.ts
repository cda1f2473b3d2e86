// Who may do what with a training: ЦУР runs trainings and marks attendance; an administration's head or
// contact official enrols its own staff (before the start), and anyone may enrol themself.
import type { Actor } from '../../platform/actor';
import { conflict, forbidden } from '../../platform/errors';
import { definePolicy, isRegional } from '../../platform/policy';

/** A training as the actor meets it: whether it has started, and whose enrolment is asked about. */
export interface TrainingResource { started: boolean; userId?: string; organizationId?: string }

const enrolsOthers = (actor: Actor) => isRegional(actor) || ['head', 'contact_official'].includes(actor.role);

export const trainingPolicy = definePolicy<'enrol' | 'markAttendance' | 'addMaterials', TrainingResource>({
  enrol: (actor, t) => isRegional(actor) || (!t.started && (t.userId === undefined
    ? enrolsOthers(actor) || actor.role === 'executor'
    : t.userId === actor.userId || (enrolsOthers(actor) && t.organizationId === actor.organizationId))),
  markAttendance: (actor) => isRegional(actor),
  addMaterials: (actor) => isRegional(actor),
}, {
  enrol: (_actor, t) => (t.started ? conflict('step_not_allowed', 'Запись закрыта: мероприятие уже началось') : forbidden('forbidden', 'Записывать сотрудников администрации может её руководитель или контактное лицо')),
  markAttendance: () => forbidden('forbidden', 'Посещение отмечает ЦУР'),
  addMaterials: () => forbidden('forbidden', 'Материалы добавляет ЦУР'),
});
