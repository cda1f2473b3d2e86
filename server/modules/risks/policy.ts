// What a user may do with a risk besides its steps (those come from domain/risks/lifecycle.ts by role).
import { conflict } from '../../platform/errors';
import { definePolicy } from '../../platform/policy';

export interface RiskResource { organizationId: string; draftAt: Date | null; publicationText: string | null }

/** The capabilities the risk card offers; the `can` block of a risk. */
export const riskPolicy = definePolicy<'upload' | 'exportComment', RiskResource>({
  // Screenshots of the publication or refutation: anyone who sees the risk and works on it.
  upload: () => true,
  // The official comment exists once a draft was written or the comment published.
  exportComment: (_actor, risk) => risk.draftAt !== null || !!risk.publicationText,
}, {
  exportComment: () => conflict('no_comment_yet', 'Проект официального комментария ещё не подготовлен'),
});
