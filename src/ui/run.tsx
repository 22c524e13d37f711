import React from 'react';
import { render } from 'ink';
import { bundledScenarios } from '../catalog.js';
import { courseEntries, openLesson, type LessonRef } from '../course.js';
import { EMPTY, loadProgress, NOWHERE, progressPath, saveFailure, saveProgress, VERSION, type Progress } from '../progress/index.js';
import type { Scenario } from '../scenario/index.js';
import { App } from './App.js';
import { layOutInWorker, stopLayingOut, type LayOutFirst } from './background.js';
import { initialSession, lessonOf, scoresOf, seenOf, type Action, type Session } from '../session/session.js';
import { createStore, type Perform, type Store } from '../session/store.js';
import { onHangUp, onKeysGone } from '../io/terminal.js';
import { visibleLine } from '../io/visible.js';
import type { Theme } from './theme.js';
import { now } from '../io/clock.js';
import { recordAnswer } from '../mastery/index.js';
import { roundProblems, selfTestProblems, testOffer, type Problem, type RoundRequest } from '../practice/index.js';

export interface RunOptions {
  /** Open this lesson straight away; otherwise resume, or show the menu. */
  start?: { lesson: LessonRef; scenario: Scenario };
  /** Start in predict mode. */
  quiz?: boolean;
  theme: Theme;
  env: NodeJS.ProcessEnv;
  stderr: NodeJS.WritableStream;
  window?: { columns: number; rows: number };
  /** A practice round instead of a lesson: which skill (or the schedule's), how many problems, from which seed; or the self-test. */
  practice?: RoundRequest | { test: true; seed: number };
}

/** What progress keeps of a session: a lesson stepped to its last step is not resumed. */
export function progressOf(state: Session): Progress {
  const lesson = lessonOf(state);
  const open = state.screen === 'lesson' && state.open && lesson && state.open.step < lesson.steps.length - 1 ? state.open : undefined;
  // The steps seen of lessons not finished: a lesson resumed after a restart counts only what was really seen.
  const seen = Object.fromEntries(Object.entries(seenOf(state)).filter(([key, ranges]) => ranges && !state.finished.includes(key)));
  return {
    version: VERSION,
    ...(open ? { current: { lesson: open.lesson, step: open.step, ...(state.predict ? { quiz: true } : {}) } } : {}),
    finished: state.finished,
    quiz: scoresOf(state),
    recent: state.own.map((e) => ({ lesson: e.lesson, title: e.title, expression: e.expression })),
    ...(state.again.length > 0 ? { again: state.again } : {}),
    ...(Object.keys(seen).length > 0 ? { seen } : {}),
    ...(Object.keys(state.skills).length > 0 ? { skills: state.skills } : {}),
    ...(state.tests.length > 0 ? { tests: state.tests } : {}),
  };
}

/**
 * The tutor's session and the shell that performs its effects: reading
 * lessons and the course, and saving progress (at most once per burst of
 * keys, after the frame is on screen). `path` undefined: nowhere to save.
 */
export function startSession(
  options: Pick<RunOptions, 'start' | 'quiz' | 'window'> & {
    /** A practice round's problems, the seed they were made from, and whether it is the self-test. */
    practice?: { problems: Problem[]; seed: number; test?: boolean };
    path?: string;
    progress: Progress;
    layOutFirst?: LayOutFirst;
    /** The clock practice answers are recorded by (GRAD_TUTOR_NOW in tests). */
    clock?: () => Date;
  },
): {
  store: Store;
  /** Save what is pending; returns why it failed when that was not on the screen yet (the tutor has closed it). */
  flush(): string | undefined;
} {
  const catalog = bundledScenarios();
  const { progress, path, layOutFirst = layOutInWorker, clock = () => now() } = options;
  let pending: NodeJS.Immediate | undefined;
  let store: Store | undefined;
  /** Saves; on failure, the sentence, if it is news to the learner. A read-only or full disk must not stop the lesson. */
  const save = (): string | undefined => {
    pending = undefined;
    if (!path || !store) return undefined;
    try {
      saveProgress(path, progressOf(store.getState()), store.getState().cleared);
      return undefined;
    } catch (error) {
      const sentence = saveFailure(error, path);
      const news = store.getState().aboutProgress?.sentence !== sentence;
      store.dispatch({ type: 'progress-trouble', sentence });
      return news ? sentence : undefined;
    }
  };
  const perform: Perform = (effect, dispatch) => {
    if (effect.type === 'save') {
      pending ??= setImmediate(save);
      return;
    }
    if (effect.type === 'read-course') {
      dispatch({ type: 'course', entries: courseEntries(catalog) });
      return;
    }
    if (effect.type === 'tested') {
      dispatch({ type: 'test-kept', score: { when: clock().toISOString(), score: effect.score, of: effect.of } });
      return;
    }
    if (effect.type === 'practiced') {
      const record = recordAnswer(store?.getState().skills[effect.skill], effect.answer, clock());
      dispatch({ type: 'recorded', skill: effect.skill, record });
      return;
    }
    const opened = openLesson(effect.lesson, catalog);
    if ('error' in opened) return dispatch({ type: 'open-failed', lesson: effect.lesson, error: opened.error, from: effect.from });
    whenLaidOut(opened.scenario, dispatch, () =>
      dispatch({ type: 'opened', lesson: opened.lesson, scenario: opened.scenario, step: effect.step, from: effect.from }),
    );
  };
  /** A large drawing is laid out in the background while the screen says so; a small one when the first frame asks. */
  const whenLaidOut = (scenario: Scenario, dispatch: (action: Action) => void, open: () => void) => {
    const working = layOutFirst(scenario.graph, open);
    if (working) dispatch({ type: 'working', what: working });
    else open();
  };
  const initial = initialSession({
    window: options.window ?? { columns: 80, rows: 24 },
    predict: options.quiz === true || (!options.start && progress.current?.quiz === true),
    finished: progress.finished,
    scores: progress.quiz,
    own: progress.recent,
    again: progress.again ?? [],
    seen: progress.seen ?? {},
    skills: progress.skills ?? {},
    tests: progress.tests ?? [],
    offer: options.practice ? undefined : testOffer(progress.tests ?? [], progress.finished, catalog.at(-1)?.id ?? '', clock()),
  });
  store = createStore(initial, perform);
  const current = progress.current;
  const start = options.start;
  if (options.practice) store.dispatch({ type: 'practice', ...options.practice });
  else if (start) whenLaidOut(start.scenario, store.dispatch, () => store.dispatch({ type: 'opened', ...start, step: 0, from: 'menu' }));
  // Questions missed last time come first, then the lesson left off in.
  else if (progress.again?.length) store.dispatch({ type: 'review', items: progress.again, then: current });
  else if (current) perform({ type: 'open', lesson: current.lesson, step: current.step, from: 'resume' }, store.dispatch);
  else perform({ type: 'read-course' }, store.dispatch);
  return {
    store,
    flush() {
      if (!pending) return undefined;
      clearImmediate(pending);
      return save();
    },
  };
}

/**
 * The interactive tutor. The caller has checked that stdin and stdout are
 * terminals. Returns the exit code: 0, or 129 when the terminal the keys come
 * from closed while the screen's stayed (stdin another terminal).
 */
export async function runTutor(options: RunOptions): Promise<number> {
  const path = progressPath(options.env);
  if (!path) options.stderr.write(`${NOWHERE}\n`);
  const loaded = path ? loadProgress(path) : { progress: structuredClone(EMPTY) };
  const clock = () => now(options.env);
  const { practice } = options;
  const session = startSession({
    ...options,
    practice:
      practice &&
      ('test' in practice
        ? { problems: selfTestProblems(practice.seed), seed: practice.seed, test: true }
        : { problems: roundProblems(loaded.progress.skills ?? {}, practice, clock()), seed: practice.seed }),
    path,
    progress: loaded.progress,
    window: { columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 },
    clock,
  });
  // On screen, not on stderr before the first frame: a frame as tall as the terminal scrolled it away unread.
  // It is printed again when the tutor closes, where the path it names can be copied.
  const warning = 'warning' in loaded ? loaded.warning : undefined;
  if (warning) session.store.dispatch({ type: 'progress-trouble', sentence: warning.replace(/^grad-tutor: /, '') });
  // Raw mode before the first frame: Ink turns it on only once its input hook has run, after the frame is written,
  // and keys typed in between were echoed by the terminal, whose line then pushed Ink's next frame down a row.
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  const instance = render(<App store={session.store} theme={options.theme} />, { exitOnCtrlC: false, patchConsole: false });
  // The terminal closing saves what is pending before the process ends.
  const stopSaving = onHangUp(() => session.flush());
  // In raw mode Ctrl+D is a key, so stdin ends only when its terminal has gone: the tutor closes as on q.
  let keysGone = false;
  const stopWaiting = onKeysGone(() => {
    keysGone = true;
    instance.unmount();
  });
  await instance.waitUntilExit();
  const busy = stopLayingOut();
  stopWaiting();
  stopSaving();
  const unsaved = session.flush();
  // The sentence may quote a key from the file: shown, never acted on by the terminal.
  if (warning) options.stderr.write(`${visibleLine(warning)}\n`);
  if (unsaved) options.stderr.write(`grad-tutor: ${visibleLine(unsaved)}\n`);
  if (keysGone) options.stderr.write('grad-tutor: the terminal the keys came from has closed, so the tutor stopped where you were.\n');
  const code = keysGone ? 129 : 0;
  // A worker stopped in the middle of a layout took as long to end as the layout would have (6 s for 5,000
  // terms), and Node waits for it: with the last frame written and progress saved, the tutor ends now.
  if (busy) setImmediate(() => process.exit(code));
  return code;
}
