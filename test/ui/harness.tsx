import React, { act } from 'react';
import { render } from 'ink-testing-library';
import { Course } from '../../src/course.js';
import { App } from '../../src/ui/App.js';
import { initialState, type TutorState } from '../../src/ui/state.js';
import type { Theme } from '../../src/ui/theme.js';

export const KEY = {
  right: '\x1b[C',
  left: '\x1b[D',
  up: '\x1b[A',
  down: '\x1b[B',
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  shiftTab: '\x1b[Z',
  backspace: '\x7f',
  home: '\x1b[H',
  end: '\x1b[F',
  ctrlC: '\x03',
};

const tick = (ms = 15) => new Promise((resolve) => setTimeout(resolve, ms));

/** The tutor rendered in memory, with a way to type and to read the last frame. */
export async function openTutor(
  options: { resume?: { id: string; step: number }; quiz?: boolean; theme?: Theme; size?: { columns: number; rows: number } } = {},
) {
  const course = new Course();
  const states: TutorState[] = [];
  const app = render(
    <App
      course={course}
      initial={initialState(course, options.resume, options.quiz, ['add'])}
      theme={options.theme ?? { color: true }}
      onChange={(s) => states.push(s)}
    />,
  );
  const stdout = app.stdout as unknown as NodeJS.WriteStream & { emit(event: string): boolean };
  let size = options.size ?? { columns: 100, rows: 30 };
  Object.defineProperty(stdout, 'columns', { get: () => size.columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { get: () => size.rows, configurable: true });
  await act(async () => {
    stdout.emit('resize');
    await tick();
  });
  return {
    course,
    states,
    frame: () => app.lastFrame() ?? '',
    state: () => states[states.length - 1],
    /** Write keys as one chunk — a burst, as a fast typist or a paste sends them. */
    async type(...keys: string[]) {
      await act(async () => {
        app.stdin.write(keys.join(''));
        await tick();
      });
    },
    async resize(columns: number, rows: number) {
      size = { columns, rows };
      await act(async () => {
        stdout.emit('resize');
        await tick();
      });
    },
    unmount: () => app.unmount(),
  };
}
