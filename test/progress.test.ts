import { bundledScenarios } from '../src/catalog.js';
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeSeen,
  encodeSeen,
  loadProgress,
  mergeProgress,
  progressPath,
  saveFailure,
  saveProgress,
  EMPTY,
  type Progress,
} from '../src/progress/index.js';
import { buildFrame } from '../src/session/frame.js';
import { progressOf, startSession } from '../src/ui/run.js';
import type { KeyName } from '../src/keys/index.js';
import type { Store } from '../src/session/store.js';
import { runCli } from './helpers/run-cli.js';

const stateDir = () => mkdtempSync(join(tmpdir(), 'gt-state-'));
const press = (store: Store, ...keys: KeyName[]) => {
  for (const key of keys) store.dispatch({ type: 'key', key });
  return store.getState();
};
const session = (progress: Progress = EMPTY, quiz = false) => startSession({ progress, quiz, window: { columns: 100, rows: 30 } }).store;

describe('the progress file', () => {
  it('lives under $XDG_STATE_HOME/grad-tutor/, else ~/.local/state/grad-tutor/', () => {
    expect(progressPath({ XDG_STATE_HOME: '/x/state' })).toBe('/x/state/grad-tutor/progress.json');
    expect(progressPath({ HOME: '/home/learner' })).toBe('/home/learner/.local/state/grad-tutor/progress.json');
    // The XDG spec says a relative path is invalid and must be ignored.
    expect(progressPath({ XDG_STATE_HOME: 'relative', HOME: '/h' })).toBe('/h/.local/state/grad-tutor/progress.json');
  });

  it('is nowhere, rather than in the current folder, when HOME is empty and XDG_STATE_HOME unset', () => {
    expect(progressPath({ HOME: '' })).toBeUndefined();
    expect(progressPath({ HOME: 'relative' })).toBeUndefined();
  });

  it('a missing state directory is a first run, and saving creates it, readable by the user only', () => {
    const dir = stateDir();
    const path = join(dir, 'not', 'yet', 'grad-tutor', 'progress.json');
    expect(loadProgress(path)).toEqual({ progress: EMPTY });
    saveProgress(path, { ...EMPTY, finished: ['add'] });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 2, finished: ['add'], quiz: {}, recent: [] });
    expect(statSync(join(dir, 'not', 'yet', 'grad-tutor')).mode & 0o777).toBe(0o700);
  });

  it('writes atomically: no temporary file is left beside it', () => {
    const dir = stateDir();
    const path = join(dir, 'progress.json');
    saveProgress(path, EMPTY);
    saveProgress(path, { ...EMPTY, finished: ['mul'] });
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it('a corrupt file is moved aside, kept, with a warning, and the tutor starts fresh', () => {
    const dir = stateDir();
    const path = join(dir, 'progress.json');
    writeFileSync(path, '{"version": 1, "finished": [');
    const loaded = loadProgress(path);
    expect(loaded.progress).toEqual(EMPTY);
    expect(loaded.warning).toMatch(/could not read your progress file; it was moved to .*progress\.json\.unreadable-/);
    expect(existsSync(path)).toBe(false);
    const aside = readdirSync(dir).find((f) => f.startsWith('progress.json.unreadable-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"version": 1, "finished": [');
  });

  it('a file of another version or shape is moved aside too, down to a score that is null', () => {
    for (const bad of [
      { version: 99, finished: 'all' },
      { version: 2, finished: [], quiz: { add: null }, recent: [] },
      { version: 1, finished: [], quiz: { add: null } },
    ]) {
      const path = join(stateDir(), 'progress.json');
      writeFileSync(path, JSON.stringify(bad));
      expect(loadProgress(path).warning, JSON.stringify(bad)).toBeDefined();
    }
  });

  it('reads a version 1 file: its finished ids are bundled ids, its current lesson a bundled one', () => {
    const path = join(stateDir(), 'progress.json');
    writeFileSync(
      path,
      JSON.stringify({
        version: 1,
        finished: ['add'],
        quiz: { add: { right: 1, asked: 2 } },
        current: { id: 'mul', file: '/x/02-mul.yaml', step: 3 },
      }),
    );
    expect(loadProgress(path).progress).toEqual({
      version: 2,
      finished: ['add'],
      quiz: { add: { right: 1, asked: 2 } },
      recent: [],
      current: { lesson: { kind: 'bundled', id: 'mul' }, step: 3 },
    });
  });
});

describe('two tutors at once', () => {
  it('merging keeps both tutors’ finished lessons and scores; the current lesson is the last saver’s', () => {
    const one: Progress = {
      ...EMPTY,
      finished: ['add'],
      quiz: { add: { right: 1, asked: 1 } },
      current: { lesson: { kind: 'bundled', id: 'add' }, step: 1 },
    };
    const two: Progress = {
      ...EMPTY,
      finished: ['mul'],
      quiz: { mul: { right: 0, asked: 2 } },
      current: { lesson: { kind: 'bundled', id: 'neuron' }, step: 4 },
    };
    expect(mergeProgress(one, two)).toEqual({
      ...EMPTY,
      finished: ['add', 'mul'],
      quiz: { add: { right: 1, asked: 1 }, mul: { right: 0, asked: 2 } },
      current: two.current,
    });
  });

  it('two tutors started from the same file, finishing different lessons, are both recorded', () => {
    const path = join(stateDir(), 'progress.json');
    saveProgress(path, EMPTY);
    const start = loadProgress(path).progress;
    const first = startSession({ progress: start, path, window: { columns: 100, rows: 30 } });
    const second = startSession({ progress: start, path, window: { columns: 100, rows: 30 } });
    press(first.store, '2', ...Array(12).fill('l'));
    press(second.store, '3', ...Array(12).fill('l'));
    // Each saves what it knows: first, then second, then first again.
    saveProgress(path, progressOf(first.store.getState()));
    saveProgress(path, progressOf(second.store.getState()));
    saveProgress(path, progressOf(first.store.getState()));
    expect(loadProgress(path).progress.finished.sort()).toEqual(['add', 'mul']);
  });
});

describe('resuming', () => {
  it('records the lesson and step, and a restart lands on the same step', () => {
    const path = join(stateDir(), 'progress.json');
    const state = press(session(), 'down', 'down', 'down', 'enter', 'right', 'right', 'right');
    saveProgress(path, progressOf(state));
    const { progress } = loadProgress(path);
    expect(progress.current).toEqual({ lesson: { kind: 'bundled', id: 'add-then-mul' }, step: 3 });
    const again = session(progress).getState();
    expect(again.screen).toBe('lesson');
    expect(again.open?.lesson).toEqual({ kind: 'bundled', id: 'add-then-mul' });
    expect(again.open?.step).toBe(3);
  });

  it('a lesson seen to its end is marked and not resumed; G alone does neither', () => {
    const jumped = press(session(), '2', 'G');
    expect(progressOf(jumped).finished).toEqual([]);
    const stepped = press(session(), '2', ...Array(12).fill('right'));
    const progress = progressOf(stepped);
    expect(progress.finished).toEqual(['add']);
    expect(progress.current).toBeUndefined();
  });

  it('keeps predict-mode scores', () => {
    const state = press(session({ ...EMPTY, current: { lesson: { kind: 'bundled', id: 'add' }, step: 4 } }, true), '1');
    expect(progressOf(state).quiz.add.asked).toBe(1);
  });

  it('keeps how many were right only with every hint out, reads it back, and refuses a count that does not add up', () => {
    // add, step 4: z → a's local derivative, 1 (a + b), answered after its three hints.
    const state = press(session({ ...EMPTY, current: { lesson: { kind: 'bundled', id: 'add' }, step: 4 } }, true), 'H', 'H', 'H', '1');
    const saved = progressOf(state);
    expect(saved.quiz.add).toEqual({ right: 0, asked: 1, helped: 1 });
    const path = join(stateDir(), 'progress.json');
    saveProgress(path, saved);
    const read = loadProgress(path);
    expect(read.warning).toBeUndefined();
    expect(read.progress.quiz.add).toEqual({ right: 0, asked: 1, helped: 1 });
    // A score from before helped was kept reads as it was; one where right and helped come to more than asked does not.
    for (const [score, reads] of [
      [{ right: 1, asked: 2 }, true],
      [{ right: 1, asked: 2, helped: 1 }, true],
      [{ right: 1, asked: 2, helped: 2 }, false],
      [{ right: 1, asked: 2, helped: -1 }, false],
      [{ right: 1, asked: 2, helped: null }, false],
    ] as const) {
      writeFileSync(path, JSON.stringify({ version: 2, finished: [], quiz: { add: score }, recent: [] }));
      const loaded = loadProgress(path);
      expect(loaded.warning === undefined, JSON.stringify(score)).toBe(reads);
      if (reads) expect(loaded.progress.quiz.add).toEqual(score);
    }
  });

  it('a lesson whose file has gone says so in one sentence and shows the menu', () => {
    const state = session({ ...EMPTY, current: { lesson: { kind: 'file', path: '/nowhere/gone.yaml' }, step: 2 } }).getState();
    expect(state.screen).toBe('menu');
    expect(state.notice).toMatch(/^\/nowhere\/gone\.yaml:1:1: cannot open the scenario: there is no such file — check the path\.$/);
    expect(state.course?.length).toBe(bundledScenarios().length);
  });

  it('two typed graphs are tracked apart: finishing one leaves the other unticked', () => {
    const typed = (expression: string, values: string) =>
      ['enter', ...expression, 'enter', ...values, 'enter'].map((k) => (k === ' ' ? 'space' : k));
    const store = session();
    // From the first entry, ↑ wraps to "Type your own graph"; back at the menu, the typed graph is highlighted, two above it.
    press(store, 'up', ...typed('z = a * b', 'a=2 b=3'), ...Array(12).fill('l'), 'escape');
    press(store, 'down', 'down', ...typed('z = a + b', 'a=2 b=3'), 'l', 'escape');
    const state = store.getState();
    expect(state.finished).toEqual(['typed:z = a * b with a=2 b=3']);
    expect(state.own.map((e) => e.title)).toHaveLength(2);
    expect(state.own[0].expression).toBe('z = a + b');
  });
});

describe('progress and reset commands', () => {
  it('progress prints the path and counts the course against the course', async () => {
    const dir = stateDir();
    saveProgress(join(dir, 'grad-tutor', 'progress.json'), {
      ...EMPTY,
      finished: ['add', 'mul', 'file:/home/me/add.yaml', 'typed:z = a * b with a=1 b=2', 'typed:z = a + b with a=1 b=2'],
      current: { lesson: { kind: 'bundled', id: 'neuron' }, step: 4 },
    });
    const { code, stdout } = await runCli(['progress'], { XDG_STATE_HOME: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(join(dir, 'grad-tutor', 'progress.json'));
    expect(stdout).toContain(`finished: 2 of ${bundledScenarios().length} lessons (add, mul)\n`);
    expect(stdout).toContain('finished of your own: file:/home/me/add.yaml, typed:z = a * b with a=1 b=2, typed:z = a + b with a=1 b=2');
    expect(stdout).toContain('now on: neuron, step 5');
  });

  it('progress shows ids from the file with their control characters made visible', async () => {
    const dir = stateDir();
    saveProgress(join(dir, 'grad-tutor', 'progress.json'), {
      ...EMPTY,
      finished: ['file:/x/\x1b]52;c;evil\x07.yaml'],
      quiz: { '\x1b[2J': { right: 0, asked: 1 } },
    });
    const { stdout } = await runCli(['progress'], { XDG_STATE_HOME: dir });
    expect(stdout).not.toContain('\x1b');
    expect(stdout).toContain('file:/x/␛]52;c;evil^G.yaml');
    expect(stdout).toContain('predict mode, ␛[2J: 0 of 1 right');
  });

  it('progress with "quiz": {"add": null} in the file moves it aside instead of crashing', async () => {
    const dir = stateDir();
    mkdirSync(join(dir, 'grad-tutor'));
    writeFileSync(join(dir, 'grad-tutor', 'progress.json'), JSON.stringify({ version: 1, finished: [], quiz: { add: null } }));
    const { code, stdout, stderr } = await runCli(['progress'], { XDG_STATE_HOME: dir });
    expect(code).toBe(0);
    expect(stderr).toMatch(/could not read your progress file; it was moved to/);
    expect(stdout).toContain(`finished: 0 of ${bundledScenarios().length} lessons`);
  });

  it('progress with HOME="" and no XDG_STATE_HOME says so, and writes nothing', async () => {
    const { code, stdout } = await runCli(['progress'], { HOME: '' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/will not be saved/);
  });

  it('reset without a terminal refuses to delete without --yes, exit 2', async () => {
    const dir = stateDir();
    const path = join(dir, 'grad-tutor', 'progress.json');
    saveProgress(path, EMPTY);
    const { code, stderr } = await runCli(['reset'], { XDG_STATE_HOME: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('add --yes');
    expect(existsSync(path)).toBe(true);
  });

  it('reset --yes deletes it', async () => {
    const dir = stateDir();
    const path = join(dir, 'grad-tutor', 'progress.json');
    saveProgress(path, EMPTY);
    const { code, stdout } = await runCli(['reset', '--yes'], { XDG_STATE_HOME: dir });
    expect(code).toBe(0);
    expect(stdout).toBe(`deleted ${path}\n`);
    expect(existsSync(path)).toBe(false);
  });

  it('reset --yes when progress.json is a folder: one sentence, exit 2, the folder kept', async () => {
    const dir = stateDir();
    const path = join(dir, 'grad-tutor', 'progress.json');
    mkdirSync(path, { recursive: true });
    const { code, stderr } = await runCli(['reset', '--yes'], { XDG_STATE_HOME: dir });
    expect(code).toBe(2);
    expect(stderr).toBe(`${path} is not a file, so reset leaves it alone — remove it yourself if it is yours.\n`);
    expect(existsSync(path)).toBe(true);
  });
});

describe('the steps seen, kept compactly', () => {
  it('as ranges of step indices, read back for a lesson of any length', () => {
    expect(encodeSeen([true, true, true, false, true])).toBe('0-2,4');
    expect(encodeSeen([false, false])).toBe('');
    expect(decodeSeen('0-2,4', 6)).toEqual([true, true, true, false, true, false]);
    // A lesson edited to fewer steps since: the steps past its end are dropped.
    expect(decodeSeen('0-2,9', 3)).toEqual([true, true, true]);
    expect(decodeSeen(undefined, 2)).toEqual([false, false]);
  });

  it('merging takes the union of both tutors’ steps seen, and drops a finished lesson’s', () => {
    const disk: Progress = { ...EMPTY, seen: { add: '0-2', mul: '0-1' } };
    const mine: Progress = { ...EMPTY, finished: ['mul'], seen: { add: '4' } };
    expect(mergeProgress(disk, mine).seen).toEqual({ add: '0-2,4' });
  });

  it('a file whose steps seen are not ranges is moved aside', () => {
    const path = join(stateDir(), 'progress.json');
    writeFileSync(path, JSON.stringify({ ...EMPTY, seen: { add: 'all of them' } }));
    expect(loadProgress(path).warning).toBeDefined();
  });
});

describe('questions to ask again', () => {
  const add = (step: number) => ({ lesson: { kind: 'bundled' as const, id: 'add' }, step });

  it('merge as a union, less those this tutor saw answered right', () => {
    const disk: Progress = { ...EMPTY, again: [add(1), add(3)] };
    const mine: Progress = { ...EMPTY, again: [add(3), add(4)] };
    expect(mergeProgress(disk, mine).again).toEqual([add(1), add(3), add(4)]);
    // Another tutor still lists step 1, which this one has seen answered right: it goes.
    expect(mergeProgress(disk, mine, [add(1)]).again).toEqual([add(3), add(4)]);
    expect(mergeProgress(disk, { ...EMPTY }, [add(1), add(3)]).again).toBeUndefined();
  });

  it('a file whose list is not {lesson, step} pairs is moved aside', () => {
    const path = join(stateDir(), 'progress.json');
    writeFileSync(path, JSON.stringify({ ...EMPTY, again: [{ lesson: 'add', step: 1 }] }));
    expect(loadProgress(path).warning).toBeDefined();
  });

  it('a wrong answer is saved, asked first thing after a restart, and gone once answered right', () => {
    const path = join(stateDir(), 'progress.json');
    // add (the course's second lesson), predict mode, step 2 (index 1): z = a + b = 3 + (-5) = -2. Typed -8 is a − b, a known mistake.
    const first = startSession({ progress: EMPTY, path, quiz: true, window: { columns: 100, rows: 30 } });
    const wrong = press(first.store, 'down', 'enter', 'right', 't', '-', '8', 'enter');
    expect(wrong.again).toEqual([add(1)]);
    saveProgress(path, progressOf(wrong), wrong.cleared);
    const { progress } = loadProgress(path);
    expect(progress.again).toEqual([add(1)]);

    const second = startSession({ progress, path, window: { columns: 100, rows: 30 } });
    const asked = second.store.getState();
    expect(asked).toMatchObject({ screen: 'lesson', open: { step: 1 } });
    expect(asked.review?.items).toEqual([add(1)]);
    const right = press(second.store, 't', '-', '2', 'enter');
    expect(right.again).toEqual([]);
    saveProgress(path, progressOf(right), right.cleared);
    expect(loadProgress(path).progress.again).toBeUndefined();
    // → goes on to where the learner left off: add at step 2 again, from the resume.
    expect(press(second.store, 'right').open?.step).toBe(1);
  });
});

describe('a save that fails', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  /** A progress path under a regular file: every save fails (ENOTDIR), as one on a read-only or full disk would. */
  const unwritable = () => {
    const dir = stateDir();
    writeFileSync(join(dir, 'not-a-folder'), '');
    return join(dir, 'not-a-folder', 'grad-tutor', 'progress.json');
  };
  const footer = (store: Store) => {
    const frame = buildFrame(store.getState());
    return frame.kind === 'lesson' ? frame.footer : undefined;
  };

  it('is told once, in one sentence in the footer’s row, until the next key; later failures are not told again', async () => {
    const path = unwritable();
    const { store } = startSession({ progress: EMPTY, path, window: { columns: 100, rows: 30 } });
    const keysOnly = footer(press(store, '2') && store);
    await tick();
    expect(footer(store)).toBe('Progress is not being saved: a part of its path is not a folder — ' + path.slice(0, 34));
    press(store, 'right');
    await tick();
    expect(footer(store)).toBe(keysOnly);
    press(store, 'right');
    await tick();
    expect(footer(store)).toBe(keysOnly);
  });

  it('in the menu, as its notice, whole', async () => {
    const path = unwritable();
    const { store } = startSession({ progress: EMPTY, path, window: { columns: 100, rows: 30 } });
    press(store, '2', 'escape');
    await tick();
    const frame = buildFrame(store.getState());
    // Wrapped to the window: read back as one line.
    expect(frame.kind === 'menu' && frame.notice.join(' ').replace(/\s+/g, ' ')).toBe(
      `Progress is not being saved: a part of its path is not a folder — ${path}.`,
    );
  });

  it('at the end, a failure not told yet is handed back to be printed', () => {
    const { store, flush } = startSession({ progress: EMPTY, path: unwritable(), window: { columns: 100, rows: 30 } });
    press(store, '2');
    expect(flush()).toMatch(/^Progress is not being saved: a part of its path is not a folder — /);
    press(store, 'right');
    expect(flush()).toBeUndefined();
  });

  it('says what happened in the learner’s words', () => {
    const failed = (code: string) => saveFailure(Object.assign(new Error(code), { code }), '/s/progress.json');
    expect(failed('EROFS')).toBe('Progress is not being saved: the file system is read-only — /s/progress.json.');
    expect(failed('ENOSPC')).toBe('Progress is not being saved: the disk is full — /s/progress.json.');
    expect(failed('EACCES')).toBe('Progress is not being saved: you may not write there — /s/progress.json.');
    expect(failed('EIO')).toBe('Progress is not being saved: it could not be written (EIO) — /s/progress.json.');
  });
});
