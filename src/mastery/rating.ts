/** FSRS's four grades, by the names Anki shows on its buttons. */
export type Rating = 'again' | 'hard' | 'good' | 'easy';

/** An answer on a fresh problem of a skill, as mastery counts it. */
export interface SkillAnswer {
  /** Right alone, right only after the last hint ("helped"), or wrong: the judge's outcome (its own type, in src/lesson/quiz.ts). */
  outcome: 'right' | 'helped' | 'wrong';
  /** What the learner said before the reveal: sure, or not sure. */
  sure: boolean;
  /**
   * false for an answer in a lesson's predict mode: its numbers are the lesson's, always the same, so a right
   * one schedules the review but adds nothing to the streak mastery counts (which is of fresh problems). A miss
   * anywhere is a miss.
   */
  fresh?: boolean;
}

/**
 * An answer's rating, from how it went and how sure the learner said they were.
 *
 * - wrong, sure or not: again. Again is FSRS's lowest grade, a lapse: the
 *   skill comes back at the first relearning step (ten minutes), before any
 *   right answer's. A confident miss is the one that matters most (a
 *   misconception, not a gap), and no grade is lower; what confidence adds
 *   there is the order of a round (`order`: a confident miss first).
 * - helped (right only after the last hint showed the numbers): hard. The
 *   learner followed the worked steps to the number, which is not a lapse,
 *   but not recall either: the interval grows as slowly as FSRS allows.
 * - right but not sure: hard. Anki's meaning of Hard: recalled, with doubt.
 * - right and sure: good, FSRS's ordinary "recalled". Never easy: one fresh
 *   problem answered is no evidence that the skill is too easy, and easy
 *   stretches the next interval several times over.
 */
export function ratingOf(answer: SkillAnswer): Rating {
  if (answer.outcome === 'wrong') return 'again';
  if (answer.outcome === 'helped') return 'hard';
  return answer.sure ? 'good' : 'hard';
}
