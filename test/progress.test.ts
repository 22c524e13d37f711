import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProgress, progressPath, saveProgress, EMPTY } from '../src/progress.js';
import { Course } from '../src/course.js';
import { record } from '../src/ui/run.js';
import { initialState, reduce, type TutorState } from '../src/ui/state.js';
import { runCli } from './helpers/run-cli.js';

const stateDir = () => mkdtempSync(join(tmpdir(), 'gt-state-'));

describe('the progress file', () => {
  it('lives under $XDG_STATE_HOME/grad-tutor/, else ~/.local/state/grad-tutor/', () => {
    expect(progressPath({ XDG_STATE_HOME: '/x/state' })).toBe('/x/state/grad-tutor/progress.json');
    expect(progressPath({})).toMatch(/\/\.local\/state\/grad-tutor\/progress\.json$/);
    // The XDG spec says a relative path is invalid and must be ignored.
    expect(progressPath({ XDG_STATE_HOME: 'relative' })).toMatch(/\/\.local\/state\/grad-tutor\/progress\.json$/);
  });

  it('a missing state directory is a first run, and saving creates it', () => {
    const path = join(stateDir(), 'not', 'yet', 'grad-tutor', 'progress.json');
    expect(loadProgress(path)).toEqual({ progress: EMPTY });
    saveProgress(path, { ...EMPTY, finished: ['add'] });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, finished: ['add'], quiz: {} });
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

  it('a file of another version or shape is moved aside too', () => {
    const path = join(stateDir(), 'progress.json');
    writeFileSync(path, JSON.stringify({ version: 99, finished: 'all' }));
    expect(loadProgress(path).warning).toBeDefined();
  });
});

describe('resuming', () => {
  const course = new Course();
  const press = (state: TutorState, ...keys: string[]) => keys.reduce((s, key) => reduce(course, s, { type: 'key', key }), state);

  it('records the lesson and step, and a restart lands on the same step', () => {
    const path = join(stateDir(), 'progress.json');
    let state = press(initialState(course), 'down', 'down', 'enter', 'right', 'right', 'right', 'q');
    saveProgress(path, record(EMPTY, course, state));
    const { progress } = loadProgress(path);
    expect(progress.current).toMatchObject({ id: 'add-then-mul', step: 3 });
    state = initialState(course, progress.current);
    expect(state).toMatchObject({ screen: 'lesson', lessonId: 'add-then-mul', step: 3 });
  });

  it('a finished lesson is marked and not resumed', () => {
    const state = press(initialState(course), 'enter', 'G');
    const progress = record(EMPTY, course, state);
    expect(progress.finished).toEqual(['add']);
    expect(progress.current).toBeUndefined();
  });

  it('keeps predict-mode scores', () => {
    const state = press(initialState(course, { id: 'add', step: 4 }, true), '1');
    const progress = record(EMPTY, course, state);
    expect(progress.quiz.add.asked).toBe(1);
  });
});

describe('progress and reset commands', () => {
  it('progress prints the path and a summary', async () => {
    const dir = stateDir();
    saveProgress(join(dir, 'grad-tutor', 'progress.json'), { ...EMPTY, finished: ['add', 'mul'], current: { id: 'neuron', file: 'x', step: 4 } });
    const { code, stdout } = await runCli(['progress'], { XDG_STATE_HOME: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(join(dir, 'grad-tutor', 'progress.json'));
    expect(stdout).toContain('finished: 2 of 12 lessons (add, mul)');
    expect(stdout).toContain('now on: neuron, step 5');
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
    mkdirSync(join(dir, 'grad-tutor'), { recursive: true });
    saveProgress(path, EMPTY);
    const { code, stdout } = await runCli(['reset', '--yes'], { XDG_STATE_HOME: dir });
    expect(code).toBe(0);
    expect(stdout).toBe(`deleted ${path}\n`);
    expect(existsSync(path)).toBe(false);
  });
});
