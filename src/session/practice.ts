/**
 * A practice round in the session model: fresh problems one after another,
 * each a small graph and one question. The learner answers (a choice, or a
 * typed number, with hints if they ask), then says how sure they were, then
 * sees the verdict; a confident miss comes back sooner (mastery schedules
 * it). A problem missed or answered only with every hint comes back once at
 * the end of the round, with new numbers. Pure: the shell records each answer
 * with the clock (effect `practiced`) and answers with `recorded`.
 */
import { actionFor, PRACTICE_DONE_KEYS, PRACTICE_SURE_KEYS, PRACTICE_TOLD_KEYS, QUIZ_KEYS, type KeyName } from '../keys/index.js';
import type { Given, Outcome } from '../lesson/index.js';
import { generate, judgeAnswer, type PracticeQuestion, type Problem } from '../practice/index.js';
import { childSeed } from '../practice/random.js';
import type { Session } from './state.js';
import { choiceKey, typedKey } from './typed.js';
import { orderOutcome, practiceOrderKey } from './order.js';
import type { SelfTestScore } from '../progress/index.js';

export interface PracticeState {
  problems: Problem[];
  /** The problem on screen. */
  at: number;
  /** Answering, saying how sure, or reading the verdict; `done` once the round is over. */
  stage: 'ask' | 'sure' | 'told' | 'done';
  given?: Given | string;
  sure?: boolean;
  /** Each answer of the round, in order. */
  results: { skill: string; outcome: Outcome; sure: boolean }[];
  /** The round's seed, from which re-asked problems take theirs. */
  seed: number;
  /** Skills already re-asked this round: each comes back once. */
  again: string[];
  /** The self-test (`grad-tutor test`): no hints, no "how sure", nothing asked again; its score is kept. */
  test?: { first?: SelfTestScore };
}

/** The question a problem asks in a round: one of its questions, by the problem's seed, so kinds vary across a round. */
export function questionOf(problem: Problem): PracticeQuestion {
  return problem.questions[problem.seed % problem.questions.length];
}

/** The outcome of an answer: right, right only with every hint out (helped), or wrong. */
export function outcomeOf(question: PracticeQuestion, given: Given | string, hints: number): Outcome {
  return judgeAnswer(question, given, hints).outcome;
}

export type PracticeEffect =
  | { type: 'practiced'; skill: string; answer: { outcome: Outcome; sure: boolean; fresh?: boolean } }
  /** The self-test is over: its score, for progress. */
  | { type: 'tested'; score: number; of: number };

/** A round begins: the first problem, its question waiting. */
export function startRound(state: Session, problems: Problem[], seed: number, test = false): Session {
  const round: PracticeState = { problems, at: 0, stage: problems.length > 0 ? 'ask' : 'done', results: [], seed, again: [] };
  return {
    ...state,
    screen: 'practice',
    practice: test ? { ...round, test: { first: state.tests[0] } } : round,
    cursor: 0,
    hints: 0,
    typed: undefined,
    order: undefined,
    help: false,
  };
}

export function practiceKey(state: Session, round: PracticeState, key: KeyName): { state: Session; effects: PracticeEffect[] } {
  const none = (s: Session) => ({ state: s, effects: [] as PracticeEffect[] });
  const set = (next: Partial<PracticeState>, rest: Partial<Session> = {}): Session => ({
    ...state,
    ...rest,
    practice: { ...round, ...next },
  });
  const problem = round.problems[round.at];
  switch (round.stage) {
    case 'ask':
      // The self-test tells at once: how sure matters for reviews, not for a score.
      if (round.test) {
        if (actionFor(QUIZ_KEYS, key) === 'hint') return none(state);
        let told: { state: Session; effects: PracticeEffect[] } | undefined;
        const asked = askKey(state, questionOf(problem), key, (given) => {
          const outcome = outcomeOf(questionOf(problem), given, 0);
          const results = [...round.results, { skill: problem.skill, outcome, sure: false }];
          told = {
            state: set({ stage: 'told', given, sure: false, results }, { typed: undefined }),
            effects: [{ type: 'practiced', skill: problem.skill, answer: { outcome, sure: false } }],
          };
          return told.state;
        });
        return told ?? none(asked);
      }
      // A problem asked as the ordering task: its keys pick and take back; the whole order is the answer.
      const ordered = practiceOrderKey(state, round, problem, key);
      if (ordered)
        return none(ordered.given ? { ...set({ stage: 'sure', given: ordered.given }), order: ordered.state.order } : ordered.state);
      if (problem.order) return none(actionFor(PRACTICE_DONE_KEYS, key) === 'quit' ? { ...state, quit: true } : state);
      return none(askKey(state, questionOf(problem), key, (given) => set({ stage: 'sure', given }, { typed: undefined })));
    case 'sure': {
      const action = actionFor(PRACTICE_SURE_KEYS, key);
      if (action === 'quit') return none({ ...state, quit: true });
      if (action !== 'sure' && action !== 'unsure') return none(state);
      const sure = action === 'sure';
      const outcome = orderOutcome(state, problem) ?? outcomeOf(questionOf(problem), round.given!, state.hints);
      // A miss, or a right answer only with every hint out, comes back at the end of the round with new numbers.
      const comeback = outcome === 'right' || round.again.includes(problem.skill) ? undefined : fresh(round, problem);
      const problems = comeback ? [...round.problems, comeback] : round.problems;
      const again = problems === round.problems ? round.again : [...round.again, problem.skill];
      return {
        state: set({ stage: 'told', sure, problems, again, results: [...round.results, { skill: problem.skill, outcome, sure }] }),
        effects: [{ type: 'practiced', skill: problem.skill, answer: { outcome, sure } }],
      };
    }
    case 'told': {
      const action = actionFor(PRACTICE_TOLD_KEYS, key);
      if (action === 'quit') return none({ ...state, quit: true });
      if (action !== 'next') return none(state);
      const at = round.at + 1;
      if (at >= round.problems.length) {
        const score = roundScore(round).right;
        return { state: set({ stage: 'done' }), effects: round.test ? [{ type: 'tested', score, of: round.results.length }] : [] };
      }
      return none(
        set({ at, stage: 'ask', given: undefined, sure: undefined }, { cursor: 0, hints: 0, typed: undefined, order: undefined }),
      );
    }
    case 'done':
      return none(actionFor(PRACTICE_DONE_KEYS, key) === 'quit' ? { ...state, quit: true } : state);
  }
}

/**
 * The same skill with new numbers: a seed the round has not used (the round's own draws are childSeed(seed, 0 … n)).
 * None where the generator finds no fair problem from it (its tests find one for every seed tried): the round goes on.
 */
function fresh(round: PracticeState, problem: Problem): Problem | undefined {
  try {
    return generate(problem.skill, childSeed(round.seed, 1000 + round.problems.length));
  } catch {
    return undefined;
  }
}

/** Keys while the question waits: choose, pick, type a number, ask for a hint, or quit. */
function askKey(state: Session, question: PracticeQuestion, key: KeyName, answered: (given: Given | string) => Session): Session {
  // (Ctrl+C quits before any screen's keys: the reducer's keyed().)
  if (state.typed) {
    const done = typedKey(state.typed, key, question.rule);
    if (done && 'value' in done) return answered(done.value);
    return done ? { ...state, typed: done.typed } : state;
  }
  const chosen = choiceKey(state, question, key);
  if (chosen && 'given' in chosen) return answered(chosen.given);
  if (chosen) return { ...state, ...chosen.change };
  return actionFor(PRACTICE_DONE_KEYS, key) === 'quit' ? { ...state, quit: true } : state;
}

/** How the round went, by outcome. */
export function roundScore(round: PracticeState): { right: number; helped: number; wrong: number } {
  const count = (o: Outcome) => round.results.filter((r) => r.outcome === o).length;
  return { right: count('right'), helped: count('helped'), wrong: count('wrong') };
}
