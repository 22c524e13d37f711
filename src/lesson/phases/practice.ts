/**
 * Practice: fresh problems, one question each, outside any lesson (the round
 * is `src/session/practice.ts`). A kind of its own so the phase bar names it;
 * it adds no steps to a lesson and reads no scenario key.
 */
import type { PhaseKind } from './kind.js';

export const practice: PhaseKind = {
  phase: 'practice',
  label: 'Practice',
  steps: () => [],
};
