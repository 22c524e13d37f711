/**
 * The problems of a practice round: due reviews first, then the weakest
 * skills, taken in turn so the round mixes them (mastery's `order`), or one
 * skill throughout when the learner names it. Each problem is made from the
 * round's seed, so the same seed and the same records give the same round;
 * a seed given on the command line asks the set `practice --json` prints.
 */
import { order, type SkillRecords } from '../mastery/index.js';
import { generate, problemSet, type Problem } from './generate.js';
import { childSeed } from './random.js';
import { SKILLS } from './skills.js';

export interface RoundRequest {
  skill?: string;
  count: number;
  seed: number;
  /** A seed given on the command line: the round is the set `practice --json` prints for it, whatever is due. */
  fixed?: boolean;
}

export function roundProblems(records: SkillRecords, request: RoundRequest, when: Date): Problem[] {
  const { skill, count, seed } = request;
  // A teacher's seed names a set (a worksheet, --json): the tutor asks that set, in its order.
  if (request.fixed) return problemSet({ skill, count, seed });
  const skills = skill
    ? Array.from({ length: count }, () => skill)
    : order(
        records,
        SKILLS.map((s) => s.id),
        when,
        count,
      );
  // The first problem from the seed itself, as a problem set's is: `practice --json --seed K` shows it.
  return skills.map((id, k) => generate(id, k === 0 ? seed : childSeed(seed, k)));
}
