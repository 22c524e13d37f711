import React from 'react';
import { render } from 'ink';
import { Course } from '../course.js';
import { loadProgress, progressPath, saveProgress, type Progress } from '../progress.js';
import type { Scenario } from '../scenario/index.js';
import { App } from './App.js';
import { initialState, type TutorState } from './state.js';
import type { Theme } from './theme.js';

export interface RunOptions {
  /** Open this scenario straight away; otherwise resume, or show the menu. */
  scenario?: Scenario;
  theme: Theme;
  env: NodeJS.ProcessEnv;
  stderr: NodeJS.WritableStream;
}

/** Remember where the learner is; a lesson stepped to its end counts as finished and is not resumed. */
function record(progress: Progress, course: Course, state: TutorState): Progress {
  if (!state.lessonId || state.screen !== 'lesson') return { ...progress, current: undefined };
  const lesson = course.lesson(state.lessonId);
  const atEnd = state.step === lesson.steps.length - 1;
  const finished = atEnd && !progress.finished.includes(state.lessonId) ? [...progress.finished, state.lessonId] : progress.finished;
  return { ...progress, finished, current: atEnd ? undefined : { id: state.lessonId, file: lesson.scenario.file, step: state.step } };
}

/** The interactive tutor. The caller has checked that stdin and stdout are terminals. */
export async function runTutor(options: RunOptions): Promise<void> {
  const path = progressPath(options.env);
  const loaded = loadProgress(path);
  if (loaded.warning) options.stderr.write(`${loaded.warning}\n`);
  let progress = loaded.progress;

  const course = new Course(options.scenario ? [options.scenario] : []);
  const resume = options.scenario ? { id: options.scenario.id, step: 0 } : progress.current;
  const initial = initialState(course, resume && course.has(resume.id) ? resume : undefined);
  const finished = new Set(progress.finished);
  let saved = '';

  const onChange = (state: TutorState) => {
    progress = record(progress, course, state);
    const text = JSON.stringify(progress);
    if (text === saved) return;
    saved = text;
    try {
      saveProgress(path, progress);
    } catch {
      // A read-only home must not stop the lesson; progress is a convenience.
    }
  };

  const instance = render(<App course={course} initial={initial} finished={finished} theme={options.theme} onChange={onChange} />, {
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await instance.waitUntilExit();
}
