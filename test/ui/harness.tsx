import React, { act } from 'react';
import { render } from 'ink-testing-library';
import { lessonKey } from '../../src/course.js';
import { EMPTY, type Progress } from '../../src/progress/index.js';
import { App } from '../../src/ui/App.js';
import type { LayOutFirst } from '../../src/ui/background.js';
import { startSession } from '../../src/ui/run.js';
import type { Session } from '../../src/session/session.js';
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

/** The session's state, with the open lesson's key and step at the top, as tests ask about them. */
export type Seen = Session & { lessonId?: string; step?: number };

/** The tutor rendered in memory, with a way to type and to read the last frame. */
export async function openTutor(
  options: {
    resume?: { id: string; step: number };
    quiz?: boolean;
    theme?: Theme;
    size?: { columns: number; rows: number };
    progress?: Progress;
    path?: string;
    /** What lays a large graph out before its lesson opens (the shell's worker by default). */
    layOutFirst?: LayOutFirst;
  } = {},
) {
  let size = options.size ?? { columns: 100, rows: 30 };
  const progress: Progress = options.progress ?? {
    ...EMPTY,
    finished: ['add'],
    ...(options.resume ? { current: { lesson: { kind: 'bundled', id: options.resume.id }, step: options.resume.step } } : {}),
  };
  const session = startSession({ progress, path: options.path, quiz: options.quiz, window: size, layOutFirst: options.layOutFirst });
  const app = render(<App store={session.store} theme={options.theme ?? { color: true }} />);
  const stdout = app.stdout as unknown as NodeJS.WriteStream & { emit(event: string): boolean };
  Object.defineProperty(stdout, 'columns', { get: () => size.columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { get: () => size.rows, configurable: true });
  await act(async () => {
    stdout.emit('resize');
    await tick();
  });
  const state = (): Seen => {
    const s = session.store.getState();
    return { ...s, lessonId: s.open ? lessonKey(s.open.lesson) : undefined, step: s.open?.step };
  };
  return {
    store: session.store,
    frame: () => app.lastFrame() ?? '',
    state,
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
    unmount: () => {
      app.unmount();
      session.flush();
    },
  };
}
