import { describe, expect, it } from 'vitest';
import { PRACTICE_ACTIONS, PRACTICE_STATUSES, practiceTransition, type PracticeAction, type PracticeStatus } from './lifecycle';

const EXPECTED: Record<PracticeStatus, Partial<Record<PracticeAction, PracticeStatus>>> = {
  proposed: { edit: 'proposed', publish: 'published', return: 'returned' },
  published: {},
  returned: { edit: 'proposed' },
};
const BY: Record<PracticeAction, 'head' | 'cur_analyst'> = { edit: 'head', publish: 'cur_analyst', return: 'cur_analyst' };

describe('life cycle of a practice', () => {
  it.each(PRACTICE_STATUSES.flatMap((s) => PRACTICE_ACTIONS.map((a) => [s, a] as const)))('from %s, %s', (status, action) => {
    expect(practiceTransition(status, action, BY[action])).toBe(EXPECTED[status][action] ?? null);
  });
  it.each([
    ['edit', 'cur_analyst'], ['edit', 'executor'], ['publish', 'head'], ['return', 'contact_official'],
  ] as const)('%s is not for %s', (action, role) => {
    expect(practiceTransition('proposed', action, role)).toBeNull();
  });
});
