import React from 'react';
import { render } from 'ink';
import { Course } from '../course.js';
import { loadProgress, progressPath, saveProgress, type Progress } from '../progress.js';
import type { Scenario } from '../scenario/index.js';
import { App } from './App.js';
import { onHangUp } from '../io/terminal.js';
import { initialState, score, type TutorState } from './state.js';
import type { Theme } from './theme.js';

export interface RunOptions {
  /** Open this scenario straight away; otherwise resume, or show the menu. */
  scenario?: Scenario;
  /** Start in predict mode. */
  quiz?: boolean;
  theme: Theme;
  env: NodeJS.ProcessEnv;
  stderr: NodeJS.WritableStream;
}

/** Remember where the learner is; a lesson stepped to its end (state.finished) is not resumed. */
export function record(progress: Progress, course: Course, state: TutorState): Progress {
  const quiz = { ...progress.quiz };
  for (const id of Object.keys(state.answers)) quiz[id] = score(course, state, id);
  const finished = [...new Set([...progress.finished, ...state.finished])];
  if (!state.lessonId || state.screen !== 'lesson') return { ...progress, quiz, finished, current: undefined };
  const id = state.lessonId;
  const lesson = course.lesson(id);
  const atEnd = state.step === lesson.steps.length - 1;
  // A typed graph lives only in this session: there is no file to come back to.
  const resumable = !atEnd && lesson.scenario.file !== '--expr';
  return { ...progress, quiz, finished, current: resumable ? { id, file: lesson.scenario.file, step: state.step, quiz: state.quiz } : undefined };
}

/** The interactive tutor. The caller has checked that stdin and stdout are terminals. */
export async function runTutor(options: RunOptions): Promise<void> {
  const path = progressPath(options.env);
  const loaded = loadProgress(path);
  if (loaded.warning) options.stderr.write(`${loaded.warning}\n`);
  let progress = loaded.progress;

  const course = new Course(options.scenario ? [options.scenario] : []);
  // Resuming a lesson from a file of the learner's: open it as the menu would.
  // If it no longer loads, has() stays false below and the menu shows instead.
  const current = progress.current;
  if (!options.scenario && current && !course.has(current.id)) course.open('file', current.file);
  const resume = options.scenario ? { id: options.scenario.id, step: 0 } : progress.current;
  const initial = initialState(course, resume && course.has(resume.id) ? resume : undefined, options.quiz || (!options.scenario && progress.current?.quiz === true), progress.finished);
  let saved = '';

  // Writing the file waits until the frame is on screen, and a burst of keys
  // writes it once; quitting writes whatever is still pending.
  let pending: NodeJS.Immediate | undefined;
  const save = () => {
    pending = undefined;
    const text = JSON.stringify(progress);
    if (text === saved) return;
    saved = text;
    try {
      saveProgress(path, progress);
    } catch {
      // A read-only home must not stop the lesson; progress is a convenience.
    }
  };
  const onChange = (state: TutorState) => {
    progress = record(progress, course, state);
    pending ??= setImmediate(save);
  };

  const stopSaving = onHangUp(() => pending && save());
  const instance = render(<App course={course} initial={initial} theme={options.theme} onChange={onChange} />, {
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await instance.waitUntilExit();
  stopSaving();
  if (pending) {
    clearImmediate(pending);
    save();
  }
}
