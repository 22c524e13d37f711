/**
 * Fresh problems: a skill and a seed give a small scenario and its
 * questions, the same every time for the same pair, with answers from the
 * engine. A set mixes the skills (interleaved) unless one is asked for.
 */

import { parseScenario, type Scenario } from '../scenario/index.js';
import { backprop, nudge, withValues, type Trace } from '../engine/index.js';
import { isTopological, num, rightOrder } from '../lesson/index.js';
import { GENERATORS, type Worked } from './generators.js';
import { judgeAnswer, shuffled, type PracticeQuestion } from './questions.js';
import { childSeed, draw } from './random.js';
import { SKILLS } from './skills.js';

export interface Problem {
  skill: string;
  seed: number;
  /** A scenario in the project's format, as YAML text `grad-tutor check` accepts, and loaded. */
  source: string;
  scenario: Scenario;
  /** Questions whose answers come from the engine (choices shuffled by the seed). */
  questions: PracticeQuestion[];
  /**
   * A practice round asks it as the ordering task, its nodes numbered in this order (drawn from the seed, never a
   * right order, which would be 1 2 3 … every time). The self-test asks its questions: one key an item.
   */
  order?: string[];
}

/** A problem set's size: enough for a week of practice, small enough to print. */
export const MAX_PROBLEMS = 200;

/** Seeds are whole numbers a learner can type back: 0 to 2³² - 1. */
export const MAX_SEED = 2 ** 32 - 1;

/** Draws per problem before giving up: every generator is tested to find one in far fewer. */
const TRIES = 100;

export function generate(skill: string, seed: number): Problem {
  const generator = GENERATORS[skill];
  const title = SKILLS.find((s) => s.id === skill)?.title;
  if (!generator || !title) throw new Error(`no skill "${skill}"`);
  for (let k = 0; k < TRIES; k++) {
    const d = draw(childSeed(seed, k));
    const drawn = generator(d);
    if (!drawn) continue;
    // JSON's quoting is YAML's too: a title may hold a colon.
    const source = [`title: ${JSON.stringify(`Practice: ${title}`)}`, ...drawn.lines, ''].join('\n');
    const scenario = parseScenario(source, `practice-${skill}-${seed}.yaml`);
    const lesson = worked(scenario);
    const questions = drawn.ask(lesson, seed);
    if (!questions || !questions.every(fair)) continue;
    const order = drawn.orderTask ? { order: listing(lesson.trace, childSeed(seed, TRIES)) } : {};
    return { skill, seed, source, scenario, questions: questions.map((q) => shuffled(q, d)), ...order };
  }
  throw new Error(`no fair problem for ${skill} from seed ${seed}`);
}

/** The task's nodes in an order of the seed's that is not a right one (its own stream: the questions' draws stay as they were). */
function listing(trace: Trace, seed: number): string[] {
  const d = draw(seed);
  const nodes = rightOrder(trace);
  for (let k = 0; k < TRIES; k++) {
    const listed = d.shuffle(nodes);
    if (!isTopological(trace, listed)) return listed;
  }
  // The forward order is never a right one where one node uses another.
  return [...nodes].reverse();
}

/**
 * The passes and the nudge as buildLesson works them out, without the
 * lesson's steps: a tenth of the time, which thousands of seeds in the
 * tests and a problem set on the command line both feel.
 */
function worked(scenario: Scenario): Worked {
  const rows = scenario.examples ?? [{}];
  const trace = backprop(withValues(scenario.graph, rows[0]));
  return { trace, nudge: nudge(trace, scenario.nudge, { params: scenario.params, rows }) };
}

/**
 * Nothing a guess passes by accident: a number that is not zero nor infinite,
 * at least two choices, no two that read the same, and no wrong one the judge
 * would take for right (exp(0.7) = 2.01375 against the upstream 2).
 */
function fair(question: PracticeQuestion): boolean {
  const shown = question.choices.map((c) => (typeof c.value === 'number' ? num(c.value) : c.value));
  const numeric = typeof question.answer === 'number';
  if (numeric && (!Number.isFinite(question.answer) || question.answer === 0)) return false;
  if (question.choices.some((c) => !c.right && judgeAnswer(question, c.value).right)) return false;
  return question.choices.length >= (numeric ? 3 : 2) && new Set(shown).size === shown.length;
}

/**
 * `count` problems from one seed: of one skill, or of every skill in turn,
 * in an order drawn again each round so no two neighbours share a skill.
 * No two problems of a set have the same numbers, while the skill has that many.
 */
export function problemSet(options: { skill?: string; count: number; seed: number }): Problem[] {
  const { skill, count, seed } = options;
  const d = draw(seed);
  const skills: string[] = [];
  while (skills.length < count) {
    if (skill) {
      skills.push(skill);
      continue;
    }
    const round = d.shuffle(SKILLS.map((s) => s.id));
    // A round that would start with the skill the last one ended on starts with the next instead.
    if (round[0] === skills[skills.length - 1]) round.push(round.shift()!);
    skills.push(...round);
  }
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const [k, id] of skills.slice(0, count).entries()) {
    // The first is the set's own seed: `--skill S --count 1 --seed K` makes any problem again from its skill and seed.
    let problem = generate(id, k === 0 ? seed : childSeed(seed, k));
    for (let again = 1; seen.has(problem.source) && again < TRIES; again++)
      problem = generate(id, childSeed(seed, count + k * TRIES + again));
    seen.add(problem.source);
    problems.push(problem);
  }
  return problems;
}
