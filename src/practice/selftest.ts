/**
 * The self-test: twelve fresh items across the skills, two for each of the
 * known misconceptions (= for += where a node has two paths, the upstream
 * without the local derivative, the wrong backward order, a forgotten
 * zero_grad, tanh's slope from its input) and one each of the product and
 * sum rules. Taken before lesson 1, after lesson 17, and a week later; the
 * gain is (after − before) / (max − before), the usual normalised gain.
 */
import type { SelfTestScore } from '../progress/index.js';
import { generate, type Problem } from './generate.js';
import { childSeed } from './random.js';

/** The items' skills, in order: the misconceptions in turn, so no two neighbours share one. */
export const SELF_TEST = [
  'two-paths',
  'chain',
  'backward-order',
  'zero-grad',
  'tanh',
  'product-rule',
  'two-paths',
  'chain',
  'backward-order',
  'zero-grad',
  'tanh',
  'sum-rule',
] as const;

/** A week, after which the test is offered again. */
const WEEK = 7 * 86_400_000;

export function selfTestProblems(seed: number): Problem[] {
  return SELF_TEST.map((skill, k) => generate(skill, childSeed(seed, k)));
}

/** (after − before) / (max − before): the share of what was left to learn that was learned. Undefined where nothing was left. */
export function gain(before: SelfTestScore, after: SelfTestScore): number | undefined {
  const left = after.of - before.score;
  return left > 0 ? (after.score - before.score) / left : undefined;
}

/** Why to take the test now, if it is time: before the first lesson, after the last, or a week after the last test. One menu row at 60 columns. */
export function testOffer(tests: SelfTestScore[], finished: string[], lastLesson: string, now: Date): string | undefined {
  const taken = tests.length > 0;
  if (!taken && finished.length === 0) return 'New here? "grad-tutor test" first shows what you know.';
  if (!taken) return undefined;
  const last = tests[tests.length - 1];
  const doneSince = finished.includes(lastLesson) && tests.length === 1;
  if (doneSince) return 'Course done: "grad-tutor test" shows what you gained.';
  if (now.getTime() - Date.parse(last.when) >= WEEK) return 'A week on: "grad-tutor test" shows what stayed.';
  return undefined;
}
