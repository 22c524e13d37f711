/**
 * The whole tutor as one state and one pure reducer: the menu, a lesson, the
 * prompts, the help. Every event is an action (a key, a resize, a lesson
 * opened or not); the reducer does no I/O and returns what the shell should
 * do instead (open this lesson, save progress), which the shell answers with
 * more actions. Ink can run a stale input handler when keys arrive in one
 * burst; a reducer always sees the latest state, so `↓ ↓ Enter` in one write
 * opens the third lesson.
 */
import { entryOf, lessonKey, sameLesson, type LessonRef, type MenuEntry } from '../lesson/index.js';
import { judge, kindAt, kindKeys, knobAt, nextLessonAt, questionAt, type Given, type Step } from '../lesson/index.js';
import { encodeSeen, decodeSeen, type Again } from '../progress/index.js';
import { PROMPT_GRAPH, type Scenario } from '../scenario/index.js';
import { buildFrame, carryFrame } from './frame.js';
import {
  actionFor,
  HELP_KEYS,
  keyOf,
  LESSON_KEYS,
  lessonKeysOn,
  MENU_KEYS,
  PAN,
  PROMPT_KEYS,
  QUIZ_KEYS,
  SCROLL_DOWN,
  WAITING,
  WORKING_KEYS,
  type KeyName,
} from '../keys/index.js';
import { lessonFor } from './lessons.js';
import { practiceKey, startRound, type PracticeEffect } from './practice.js';
import { choiceKey, typedKey, type Typed } from './typed.js';
import { lessonOrderKey, lessonOrderPractice } from './order.js';
import { skillsOfQuestion, type Problem } from '../practice/index.js';
import type { SkillRecord } from '../mastery/index.js';
import type { SelfTestScore } from '../progress/index.js';
import {
  fileScenario,
  lessonOf,
  menuLessons,
  phaseOf,
  reviewing,
  situationOf,
  waitingOf,
  type OpenLesson,
  type Prompt,
  type Session,
} from './state.js';
import { answerEdited, exploreKey, unsaid } from './explore.js';
import type { Waiting } from '../lesson/index.js';
import { inspectKey } from './inspect.js';

export * from './state.js';

/** Where a lesson was asked for, which decides where a failure is told. */
export type From = 'menu' | 'prompt' | 'resume' | 'review';

export type Action =
  | { type: 'key'; key: KeyName }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'course'; entries: MenuEntry[] }
  | { type: 'opened'; lesson: LessonRef; scenario: Scenario; step: number; from: From }
  | { type: 'open-failed'; lesson: LessonRef; error: string; from: From }
  /** A lesson is being opened in the background: say so, and take only q and Ctrl+C until it is. */
  | { type: 'working'; what: string }
  /** At the start of a session: ask these again, missed last time, then go on to `then` (or the menu). */
  | { type: 'review'; items: Again[]; then?: { lesson: LessonRef; step: number } }
  /** A save failed: told once, as every later save will most likely fail the same way. */
  | { type: 'progress-trouble'; sentence: string }
  /** A practice round begins with these problems (made from `seed`); `test`: it is the self-test. */
  | { type: 'practice'; problems: Problem[]; seed: number; test?: boolean }
  /** The self-test's score, dated by the shell's clock. */
  | { type: 'test-kept'; score: SelfTestScore }
  /** A skill's record after a practice answer, worked out by the shell with the clock. */
  | { type: 'recorded'; skill: string; record: SkillRecord };

export type Effect =
  { type: 'open'; lesson: LessonRef; step: number; from: From } | { type: 'read-course' } | { type: 'save' } | PracticeEffect;

export interface Result {
  state: Session;
  effects: Effect[];
}

function jumpPhase(steps: Step[], from: number, direction: 1 | -1): number {
  const here = phaseOf(steps[from].phase);
  if (direction === 1) {
    const next = steps.findIndex((s, i) => i > from && phaseOf(s.phase) !== here);
    return next === -1 ? steps.length - 1 : next;
  }
  // Back: to the start of this phase, or if already there, to the start of the one before.
  let i = from;
  while (i > 0 && phaseOf(steps[i - 1].phase) === here) i--;
  if (i < from) return i;
  if (i === 0) return 0;
  const before = phaseOf(steps[i - 1].phase);
  while (i > 0 && phaseOf(steps[i - 1].phase) === before) i--;
  return i;
}

/** One place on in a list that wraps around at both ends (the menu, a question's choices). */
function cycle(index: number, by: 1 | -1, count: number): number {
  return (index + by + count) % count;
}

export function reduce(state: Session, action: Action): Result {
  const { state: next, effects } = step(state, action);
  if (next === state) return { state, effects };
  const settled = settle(next);
  // Progress follows what the learner did; the shell writes it once per burst.
  const save = saved(state) !== saved(settled) ? [{ type: 'save' } as const] : [];
  const ordered = settled.order !== state.order && settled.open ? lessonOrderPractice(state, settled, lessonOf(settled)!) : [];
  return { state: settled, effects: [...effects, ...lessonPractice(state, settled), ...ordered, ...save] };
}

/**
 * A first answer in a lesson's predict mode counts for the skills its question exercises, as a practice answer
 * does: on the lesson's own numbers, so it schedules the review without adding to the streak (`fresh: false`).
 * Found by comparing the answers kept before and after, wherever in the reducer the answer was taken.
 */
function lessonPractice(before: Session, after: Session): PracticeEffect[] {
  if (!after.open || after.answers === before.answers) return [];
  const key = lessonKey(after.open.lesson);
  const now = after.answers[key] ?? {};
  const was = before.answers[key] ?? {};
  const lesson = lessonFor(fileScenario(after.open));
  return Object.keys(now)
    .filter((step) => was[Number(step)] === undefined)
    .flatMap((step) => {
      const question = questionAt(lesson, Number(step));
      if (!question) return [];
      const { given, hints } = now[Number(step)];
      const outcome = judge(question, given, hints).outcome;
      return skillsOfQuestion(lesson, Number(step)).map((skill): PracticeEffect => ({
        type: 'practiced',
        skill,
        answer: { outcome, sure: false, fresh: false },
      }));
    });
}

/** What progress keeps of a state, to tell whether it changed. */
function saved(state: Session): string {
  const open = state.screen === 'lesson' && state.open ? [lessonKey(state.open.lesson), state.open.step] : [];
  return JSON.stringify([
    open,
    state.predict,
    state.finished.length,
    state.answers,
    state.again,
    state.cleared.length,
    state.skills,
    state.tests.length,
  ]);
}

/**
 * The frame decides how far text can scroll and where the drawing's window
 * sits; both are kept here, not in the view, so the next key starts from
 * what the learner sees.
 */
function settle(state: Session): Session {
  if (state.screen !== 'lesson' || !state.open)
    return settleMenu(
      state.origin || state.scroll ? { ...state, origin: undefined, style: undefined, panned: undefined, scroll: 0 } : state,
    );
  const frame = buildFrame(state);
  if (frame.kind !== 'lesson') return state;
  const scroll = Math.min(state.scroll, frame.text.scrollLimit);
  const origin = frame.drawing?.origin;
  const style = frame.drawing?.style;
  if (scroll === state.scroll && origin?.row === state.origin?.row && origin?.col === state.origin?.col && style === state.style)
    return state;
  const settled = { ...state, scroll, origin, style };
  carryFrame(state, settled);
  return settled;
}

/** The menu's first entry in view, as the frame keeps the highlight in view: the list scrolls only at its edges. */
function settleMenu(state: Session): Session {
  if (state.screen !== 'menu') return state;
  const frame = buildFrame(state);
  if (frame.kind !== 'menu' || frame.top === state.menuTop) return state;
  const settled = { ...state, menuTop: frame.top };
  carryFrame(state, settled);
  return settled;
}

/**
 * A pan key moves the window onto a cut drawing by a third of its width or
 * half its height; the frame keeps it on the drawing, and it stays there
 * until the next step brings the current node back. Nothing to move where
 * the drawing is whole or not shown.
 */
function panned(state: Session, key: KeyName): Session {
  const frame = buildFrame(state);
  const by = PAN[key];
  if (frame.kind !== 'lesson' || !by || !frame.drawing?.beyond || !state.origin) return state;
  const { width, height } = frame.drawing;
  const rows = Math.max(1, Math.floor((height - 2) / 2));
  const cols = Math.max(4, Math.floor(width / 3));
  const origin = { row: state.origin.row + by.row * rows, col: state.origin.col + by.col * cols };
  return { ...state, origin, panned: true };
}

function step(state: Session, action: Action): Result {
  const none = (s: Session): Result => ({ state: s, effects: [] });
  switch (action.type) {
    case 'resize':
      if (action.columns === state.window.columns && action.rows === state.window.rows) return none(state);
      return none({
        ...state,
        window: { columns: action.columns, rows: action.rows },
        origin: undefined,
        style: undefined,
        panned: undefined,
      });
    case 'course': {
      // Read after a lesson was opened from the command line: the menu highlights that lesson.
      const next = { ...state, course: action.entries };
      const open = state.open ? menuLessons(next).findIndex((e) => sameLesson(e.lesson, state.open!.lesson)) : -1;
      return none(open === -1 ? next : { ...next, menuIndex: open });
    }
    case 'working':
      return none({ ...state, working: action.what });
    case 'opened': {
      const next = opened({ ...state, working: undefined }, action.lesson, action.scenario, action.step);
      // A step missed last time that asks nothing any more (its lesson was edited since): dropped, and the review goes on.
      if (action.from === 'review' && state.review && !questionAt(lessonFor(action.scenario), next.open!.step))
        return reviewNext(clearAgain(next, state.review.items[0]));
      return none(next);
    }
    case 'review':
      if (action.items.length === 0) return none(state);
      return {
        state: { ...state, review: { items: action.items, then: action.then } },
        effects: [{ type: 'open', lesson: action.items[0].lesson, step: action.items[0].step, from: 'review' }],
      };
    case 'open-failed':
      if (state.working) return step({ ...state, working: undefined }, action);
      if (action.from === 'prompt' && state.prompt) return none(promptFailed(state, state.prompt, action.error));
      // A lesson missed last time that cannot be opened any more: its question is dropped, and the review goes on.
      if (action.from === 'review' && state.review) return reviewNext(clearAgain(state, state.review.items[0]));
      return toMenu({ ...state, notice: action.error });
    case 'progress-trouble':
      return none(
        state.aboutProgress?.sentence === action.sentence
          ? state
          : { ...state, aboutProgress: { sentence: action.sentence, showing: true } },
      );
    case 'practice':
      return none(startRound(state, action.problems, action.seed, action.test));
    case 'test-kept':
      return none({ ...state, tests: [...state.tests, action.score] });
    case 'recorded':
      return none({ ...state, skills: { ...state.skills, [action.skill]: action.record } });
    case 'key':
      // The sentence has been read by the time a key is pressed: the footer comes back.
      return keyed(
        state.aboutProgress?.showing ? { ...state, aboutProgress: { ...state.aboutProgress, showing: false } } : state,
        action.key,
      );
  }
}

function keyed(state: Session, key: KeyName): Result {
  const none = (s: Session): Result => ({ state: s, effects: [] });
  if (state.quit) return none(state);
  if (key === 'ctrl-c') return none({ ...state, quit: true });
  if (state.working) return none(actionFor(WORKING_KEYS, key) === 'quit' ? { ...state, quit: true } : state);
  if (state.help) return none(helpKeyed(state, key));
  if (state.screen === 'prompt' && state.prompt) return promptKey(state, state.prompt, key);
  if (state.screen === 'practice' && state.practice) return practiceKey(state, state.practice, key);
  if (state.screen === 'lesson' && state.open) {
    // Explore takes e, E and every key while its line is typed; any other key has read the line of the last edit.
    const explored = exploreKey(state, key);
    if (explored) return none(explored);
    const read = unsaid(state);
    return lessonKeyed(read, read.open!, key);
  }
  return menuKey(state, key);
}

/** The help turns to its next page where the window holds only part of it; any other key, or one on its last page, closes it. */
function helpKeyed(state: Session, key: KeyName): Session {
  const frame = buildFrame(state);
  if (frame.kind === 'help' && frame.page < frame.pages - 1 && actionFor(HELP_KEYS, key) === 'more')
    return { ...state, helpPage: frame.page + 1 };
  return { ...state, help: false, helpPage: undefined };
}

/** Back to the menu; the course's titles are read the first time it is shown. */
function toMenu(state: Session): Result {
  const next: Session = { ...state, screen: 'menu', prompt: undefined };
  return { state: next, effects: state.course ? [] : [{ type: 'read-course' }] };
}

/** The steps seen of every lesson, the open one's included, as progress keeps them. */
export function seenOf(state: Session): Record<string, string> {
  if (!state.open) return state.seen;
  return { ...state.seen, [lessonKey(state.open.lesson)]: encodeSeen(state.open.seen) };
}

function opened(state: Session, lesson: LessonRef, scenario: Scenario, at: number): Session {
  const key = lessonKey(lesson);
  const steps = lessonFor(scenario).steps.length;
  const step = Math.max(0, Math.min(steps - 1, at));
  // The steps seen before, in this session or an earlier one (kept in progress), and the one opened at.
  const before = seenOf(state);
  const seen = decodeSeen(before[key], steps).map((s, i) => s || i === step);
  let own = state.own;
  if (lesson.kind !== 'bundled') {
    own = [entryOf(lesson, scenario), ...own.filter((e) => !sameLesson(e.lesson, lesson))];
  }
  const next: Session = {
    ...state,
    own,
    screen: 'lesson',
    open: { lesson, scenario, step, seen },
    seen: before,
    typed: undefined,
    order: undefined,
    prompt: undefined,
    notice: undefined,
    cursor: 0,
    hints: 0,
    overwrite: false,
    scroll: 0,
    origin: undefined,
    style: undefined,
    panned: undefined,
    options: {},
  };
  const index = menuLessons(next).findIndex((e) => sameLesson(e.lesson, lesson));
  return finishIfSeen({ ...next, menuIndex: Math.max(0, index) }, key);
}

/** Mark the open lesson finished once every step has been on screen. */
function finishIfSeen(state: Session, key: string): Session {
  const open = state.open!;
  if (state.finished.includes(key) || open.seen.some((s) => !s)) return state;
  return { ...state, finished: [...state.finished, key] };
}

function menuKey(state: Session, key: KeyName): Result {
  const none = (s: Session): Result => ({ state: s, effects: [] });
  const action = actionFor(MENU_KEYS, key);
  const typed = state.lessonNumber ?? '';
  // Any key but a digit ends the number: Enter opens the lesson it highlights, ↓ moves on from it.
  if (state.lessonNumber !== undefined) state = { ...state, lessonNumber: undefined };
  const lessons = menuLessons(state);
  const count = lessons.length + 2;
  const open = (index: number): Result => {
    const entry = lessons[index];
    return {
      state: { ...state, menuIndex: index, notice: undefined },
      effects: [{ type: 'open', lesson: entry.lesson, step: 0, from: 'menu' }],
    };
  };
  switch (action) {
    case 'down':
      return none({ ...state, menuIndex: cycle(state.menuIndex, 1, count) });
    case 'up':
      return none({ ...state, menuIndex: cycle(state.menuIndex, -1, count) });
    case 'open':
      if (state.menuIndex === lessons.length)
        return none({ ...state, screen: 'prompt', prompt: { kind: 'file', text: '' }, notice: undefined });
      if (state.menuIndex === lessons.length + 1)
        return none({ ...state, screen: 'prompt', prompt: { kind: 'expr', text: '' }, notice: undefined });
      return open(state.menuIndex);
    case 'number': {
      // The course's lesson of the number typed, or of this digit alone where the two make no lesson's number (1 8 of 17).
      const number = [Number(typed + key), Number(key)].find((n) => n >= 1 && n <= (state.course?.length ?? 0));
      if (number === undefined) return none(state);
      // No clock: it opens as soon as no longer number starts with it (3 of 17 at once); 1 waits for Enter or the 5 of 15.
      if (number * 10 > (state.course?.length ?? 0)) return open(number - 1);
      return none({ ...state, menuIndex: number - 1, lessonNumber: String(number) });
    }
    case 'help':
      return none({ ...state, help: true });
    case 'quit':
      return none({ ...state, quit: true });
    default:
      return none(state);
  }
}

/** Typing a path, an expression or values (PROMPT_KEYS); every other key types itself. */
function promptKey(state: Session, prompt: Prompt, key: KeyName): Result {
  const none = (s: Session): Result => ({ state: s, effects: [] });
  switch (actionFor(PROMPT_KEYS, key)) {
    case 'cancel':
      return toMenu(state);
    case 'quit':
      return none({ ...state, quit: true });
    case 'erase':
      return none({ ...state, prompt: { ...prompt, text: prompt.text.slice(0, -1), error: undefined } });
    case 'submit': {
      if (prompt.kind === 'expr') return none({ ...state, prompt: { kind: 'values', text: '', expression: prompt.text } });
      const path = prompt.text.trim();
      if (prompt.kind === 'file' && path === '')
        return none({
          ...state,
          prompt: { ...prompt, error: `Type the path of a .yaml or .json file (${keyOf(PROMPT_KEYS, 'cancel')} goes back).` },
        });
      const lesson: LessonRef =
        prompt.kind === 'file'
          ? { kind: 'file', path }
          : { kind: 'typed', expression: prompt.expression ?? '', values: prompt.text.split(/[\s,]+/).filter(Boolean) };
      return { state, effects: [{ type: 'open', lesson, step: 0, from: 'prompt' }] };
    }
    default: {
      const typed = key === 'space' ? ' ' : key;
      if ([...typed].length !== 1) return none(state);
      return none({ ...state, prompt: { ...prompt, text: prompt.text + typed, error: undefined } });
    }
  }
}

/** A bad expression sends the learner back to fix it; a bad value or path stays where it is. */
function promptFailed(state: Session, prompt: Prompt, error: string): Session {
  const back = prompt.kind === 'values' && error.startsWith(PROMPT_GRAPH);
  return { ...state, prompt: back ? { kind: 'expr', text: prompt.expression ?? '', error } : { ...prompt, error } };
}

/**
 * Answer the waiting question: a first answer, one asked again at the summary, or one missed last time.
 * Kept with the hints out, since an answer after the last hint is helped, not right. Wherever it is answered
 * right on the learner's own, it is off the list to ask again; a first answer that is not goes on it.
 */
function answer(state: Session, open: OpenLesson, waiting: Waiting, given: Given): Session {
  if (open.explore?.file) return answerEdited(state, open, waiting, given);
  const id = lessonKey(open.lesson);
  // The hints were this question's: the next one asked on this step (at the summary) starts with none out.
  const next: Session = { ...state, typed: undefined, hints: 0 };
  const kept = { given, hints: state.hints };
  const right = judge(waiting.question, given, state.hints).outcome === 'right';
  const item: Again = { lesson: open.lesson, step: waiting.step };
  if (waiting.again === 'last-time' && state.review) {
    const reviewed = { ...next, review: { ...state.review, answer: kept } };
    return right ? clearAgain(reviewed, state.review.items[0]) : reviewed;
  }
  if (waiting.again === 'earlier') {
    const retried = { ...next, retries: { ...state.retries, [id]: { ...state.retries[id], [waiting.step]: kept } } };
    return right ? clearAgain(retried, item) : retried;
  }
  const answers = { ...state.answers, [id]: { ...state.answers[id], [waiting.step]: kept } };
  // A first answer not right comes back at the summary, and at the start of the next session; a right one clears one missed before.
  if (right) return clearAgain({ ...next, answers }, item);
  if (state.again.some((a) => sameAgain(a, item))) return { ...next, answers };
  return { ...next, answers, again: [...state.again, item], cleared: state.cleared.filter((a) => !sameAgain(a, item)) };
}

const sameAgain = (a: Again, b: Again) => a.step === b.step && sameLesson(a.lesson, b.lesson);

/** A question answered right: off the `again` list, here and (through `cleared`) in the progress file. */
function clearAgain(state: Session, item: Again): Session {
  if (!state.again.some((a) => sameAgain(a, item)) && state.cleared.some((a) => sameAgain(a, item))) return state;
  return { ...state, again: state.again.filter((a) => !sameAgain(a, item)), cleared: [...state.cleared, item] };
}

/** On from a question missed last time: to the next one, or to where the learner left off, or the menu. */
function reviewNext(state: Session): Result {
  const [, ...rest] = state.review?.items ?? [];
  if (rest.length > 0)
    return {
      state: { ...state, review: { ...state.review!, items: rest, answer: undefined } },
      effects: [{ type: 'open', lesson: rest[0].lesson, step: rest[0].step, from: 'review' }],
    };
  const then = state.review?.then;
  const done: Session = { ...state, review: undefined };
  if (then) return { state: done, effects: [{ type: 'open', lesson: then.lesson, step: then.step, from: 'resume' }] };
  return toMenu(done);
}

function typingKey(state: Session, open: OpenLesson, key: KeyName, waiting: Waiting, typed: Typed): Session {
  const done = typedKey(typed, key, waiting.question.rule);
  if (done && 'value' in done) return answer(state, open, waiting, done.value);
  if (done) return { ...state, typed: done.typed };
  // ? is no number nor rule: it opens the help, which lists these keys; the text typed stays.
  if (actionFor(LESSON_KEYS, key) === 'help') return { ...state, help: true };
  // Every other key waits (q too, which a rule may hold; Ctrl+C quits): a half-typed answer is not lost to a stray key.
  return state;
}

function quizKey(state: Session, open: OpenLesson, key: KeyName, waiting: Waiting): Session | undefined {
  const { question } = waiting;
  if (state.typed) return typingKey(state, open, key, waiting, state.typed);
  // Tab in predict mode is the next phase, as on every other step: the question is left unanswered, so it is not
  // scored nor asked again later, and coming back asks it. One asked again (at the summary, or missed last time) waits.
  if (actionFor(QUIZ_KEYS, key) === 'skip') return waiting.again ? state : undefined;
  const chosen = choiceKey(state, question, key);
  if (chosen && 'given' in chosen) return answer(state, open, waiting, chosen.given as Given);
  if (chosen) return { ...state, ...chosen.change };
  // The tutor waits for an answer: moving on, or the = replay, would show it; a knob would change what is asked under
  // the learner (the nudge's "0.01 × its gradient").
  const action = actionFor(LESSON_KEYS, key);
  if (action && WAITING.includes(action)) return state;
  return undefined;
}

function lessonKeyed(state: Session, open: OpenLesson, key: KeyName): Result {
  const none = (s: Session): Result => ({ state: s, effects: [] });
  // f, / (and the name typed after it), c: before a waiting question's keys, as a name may hold digits.
  const inspected = inspectKey(state, key);
  if (inspected) return none(inspected);
  const waiting = waitingOf(state);
  if (waiting) {
    const handled = quizKey(state, open, key, waiting);
    if (handled) return none(handled);
  }
  // A question missed last time, answered: → goes on to the next one, or to where the learner left off.
  if (!waiting && state.review?.answer !== undefined && reviewing(state) && actionFor(LESSON_KEYS, key) === 'next')
    return reviewNext(state);
  const lesson = lessonOf(state)!;
  // On the ordering task's step, its keys pick and take back; the lesson's still work.
  const ordered = lessonOrderKey(state, lesson, key);
  if (ordered) return none(ordered);
  const last = lesson.steps.length - 1;
  const go = (to: number): Session => {
    if (to === open.step) return state;
    const seen = open.seen[to] ? open.seen : open.seen.map((s, i) => s || i === to);
    // A new step brings its current node back into view: the window follows it again, from where it was.
    const moved = {
      ...state,
      open: { ...open, step: to, seen },
      cursor: 0,
      hints: 0,
      scroll: 0,
      panned: undefined,
      typed: undefined,
      askWorked: undefined,
    };
    return finishIfSeen(moved, lessonKey(open.lesson));
  };
  // On a course lesson's summary NEXT_LESSON (Enter) opens the lesson after it, which the summary names; → stays put.
  const next = nextLessonAt(lesson, open.step);
  if (next && actionFor(lessonKeysOn(true), key) === 'nextLesson') {
    return { state, effects: [{ type: 'open', lesson: { kind: 'bundled', id: next.id }, step: 0, from: 'menu' }] };
  }
  switch (actionFor(LESSON_KEYS, key)) {
    case 'next':
      return none(go(Math.min(last, open.step + 1)));
    case 'previous':
      return none(go(Math.max(0, open.step - 1)));
    case 'first':
      return none(go(0));
    case 'last':
      return none(go(last));
    case 'nextPhase':
      return none(go(kindAt(lesson.steps, open.step).tab?.(lesson, open.step) ?? jumpPhase(lesson.steps, open.step, 1)));
    case 'previousPhase':
      return none(go(jumpPhase(lesson.steps, open.step, -1)));
    case 'predict':
      return none({ ...state, predict: !state.predict, cursor: 0, hints: 0, scroll: 0, typed: undefined });
    case 'overwrite':
      return none({ ...state, overwrite: !state.overwrite, scroll: 0 });
    case 'ask':
      // A step shown worked (its skills mastered) asks its question after all.
      return none(situationOf(state).worked ? { ...state, askWorked: open.step, cursor: 0, hints: 0, scroll: 0 } : state);
    case 'scroll':
      return none({ ...state, scroll: SCROLL_DOWN.includes(key) ? state.scroll + 1 : Math.max(0, state.scroll - 1) });
    case 'more':
    case 'less': {
      // What the step's phase kind turns: the check's h, the training's rate, elsewhere the nudge's rate.
      const direction = actionFor(LESSON_KEYS, key) === 'more' ? 1 : -1;
      return none({ ...state, options: { ...state.options, ...knobAt(lesson.steps, open.step)(lesson, direction) } });
    }
    case 'pan':
      return none(panned(state, key));
    case 'help':
      return none({ ...state, help: true });
    case 'menu':
      // Leaving a review: the questions not answered yet stay in progress for next time.
      return toMenu({ ...state, screen: 'menu', review: undefined });
    case 'quit':
      return none({ ...state, quit: true });
    default: {
      // A key of a phase kind the lesson has (the Train phase's z): it changes the lesson, so its text starts from the top.
      const own = kindKeys(lesson.steps).find(({ key: k }) => k.keys.includes(key));
      const options = own?.key.press(lesson, state.options);
      return none(options ? { ...state, options, scroll: 0 } : state);
    }
  }
}
