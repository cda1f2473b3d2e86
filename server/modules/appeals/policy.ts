// What a user may do with an appeal besides its lifecycle steps (those come from domain/appeals/lifecycle.ts).
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { definePolicy, isRegional } from '../../platform/policy';

export interface AppealResource { organizationId: string; executorId: string | null }

/** The capabilities the appeal card offers; the `can` block of an appeal. */
export const appealPolicy = definePolicy<'edit' | 'upload' | 'comment', AppealResource>({
  // The regional centre reads and steers appeals; the administration keeps the card and its files.
  edit: (actor) => !isRegional(actor),
  upload: (actor) => !isRegional(actor),
  comment: () => true,
}, {
  edit: () => forbidden('forbidden', 'Карточку обращения изменяет администрация муниципального образования'),
  upload: () => forbidden('forbidden', 'Файлы к обращению прикладывает администрация муниципального образования'),
});

/** An executor works only on the appeals assigned to them (or not yet assigned to anyone). */
export const assignmentPolicy = definePolicy<'work', AppealResource>({
  work: (actor: Actor, appeal) => actor.role !== 'executor' || !appeal.executorId || appeal.executorId === actor.userId,
}, {
  work: () => forbidden('not_assigned_to_you', 'Обращение назначено другому исполнителю'),
});
