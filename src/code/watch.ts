import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { CannotCheck, checkFolder, exerciseFolder } from './check.js';
import { EXERCISES, type Report } from './judge.js';
import { exerciseLines } from './report.js';
import { readPassed, writePassed } from './state.js';
import { visibleLine } from '../io/visible.js';

/** Saves closer together than this are one save: an editor writes a file in several events. */
const SETTLE_MS = 150;

interface WatchTerminal {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  env: NodeJS.ProcessEnv;
}

/** What the screen shows: the last report (or, before the first, what passed last time), and whether a check runs. */
interface View {
  dir: string;
  report?: Report;
  before: string[];
  checking: boolean;
  runs: number;
  problem?: string;
}

/** The screen, rustlings-style: every exercise's mark, and the first failing one's difference and bug. */
export function watchScreen(view: View, cols: number, rows: number): string[] {
  const lines = [`grad-tutor code watch ${view.dir}`, ''];
  if (view.problem || !view.report) {
    // Before the first check, or when one cannot run: what passed last time.
    lines.push(...EXERCISES.map((e, i) => `${view.before.includes(e.id) ? '✓' : '·'} ${i + 1}. ${e.title}`), '');
    if (view.before.length > 0) lines.push(`Last time ${view.before.length} of 3 passed.`);
    lines.push(...wrap(view.problem ?? 'Checking…', cols));
  } else {
    const firstFailing = view.report.exercises.find((e) => !e.passed);
    for (const exercise of view.report.exercises) {
      const shown = exerciseLines(exercise);
      lines.push(...(exercise === firstFailing ? shown.flatMap((line) => wrap(line, cols)) : shown.slice(0, 1)));
    }
    lines.push(
      '',
      ...wrap(
        firstFailing
          ? `${view.report.passed} of 3 pass. Fix exercise ${firstFailing.number} and save.${view.checking ? ' Checking…' : ''}`
          : `All 3 pass: your micrograd trains the lecture's MLP as the tutor does.${view.checking ? ' Checking…' : ''}`,
        cols,
      ),
    );
  }
  const footer = `Save a file in micrograd/ to check again (check ${view.runs}) · q quits`;
  const body = lines.map((line) => cut(line, cols)).slice(0, Math.max(1, rows - 2));
  return [...body, '', cut(footer, cols)];
}

/** A long line as several, each indented as the first was, broken at spaces. */
function wrap(line: string, cols: number): string[] {
  const indent = /^ */.exec(line)?.[0] ?? '';
  const out: string[] = [];
  let rest = line;
  while ([...rest].length > cols) {
    const room = [...rest].slice(0, cols).join('');
    const at = room.lastIndexOf(' ');
    const cutAt = at > indent.length ? at : room.length;
    out.push(rest.slice(0, cutAt));
    rest = indent + rest.slice(cutAt).trimStart();
  }
  return [...out, rest];
}

/** One row: what the learner's folder name or Python wrote is shown, never acted on; cut at the window's edge. */
const cut = (line: string, cols: number) => [...visibleLine(line)].slice(0, cols).join('');

/**
 * `code watch DIR`: checks at once, then again after every save in
 * micrograd/ (one check at a time; saves during a check make one more after
 * it). Which exercises passed is kept in the folder, so coming back shows
 * where you were before the first check is done.
 */
export async function watchFolder(dir: string, terminal: WatchTerminal): Promise<number> {
  const root = exerciseFolder(dir);
  const { stdin, stdout } = terminal;
  if (!stdin.isTTY || !stdout.isTTY || !stdin.setRawMode)
    throw new CannotCheck(`code watch needs a terminal to draw in — use "grad-tutor code check ${dir}" instead.`);
  const view: View = { dir, before: readPassed(root), checking: false, runs: 0 };
  const draw = () => {
    const screen = watchScreen(view, stdout.columns ?? 80, stdout.rows ?? 24);
    // Home, then each row cleared to its end: no flicker of a whole-screen clear. One synchronized frame, as Ink draws.
    stdout.write('\x1b[?2026h\x1b[H' + screen.map((line) => `${line}\x1b[K`).join('\r\n') + '\x1b[J\x1b[?2026l');
  };

  // Quitting mid-check stops the learner's Python, which would otherwise keep the tutor alive.
  const stop = new AbortController();
  let again = false;
  let running: Promise<void> | undefined;
  const check = () => {
    if (running) return void (again = true);
    view.checking = true;
    view.runs += 1;
    draw();
    running = checkFolder(dir, terminal.env, { signal: stop.signal })
      .then((report) => {
        if (stop.signal.aborted) return;
        view.report = report;
        view.problem = undefined;
        writePassed(
          root,
          report.exercises.filter((e) => e.passed).map((e) => e.id),
        );
      })
      .catch((error: unknown) => {
        // The folder gone, or Python: said on screen, and the watch goes on in case it comes back.
        if (!(error instanceof CannotCheck)) throw error;
        view.problem = error.message;
      })
      .finally(() => {
        if (stop.signal.aborted) return;
        view.checking = false;
        running = undefined;
        draw();
        if (again) {
          again = false;
          check();
        }
      });
  };

  let settle: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(join(root, 'micrograd'), (_event, file) => {
    if (file && !String(file).endsWith('.py')) return;
    clearTimeout(settle);
    settle = setTimeout(check, SETTLE_MS);
  });

  stdout.write('\x1b[?1049h\x1b[?25l');
  stdin.setRawMode(true);
  stdin.resume();
  check();
  return await new Promise<number>((resolve) => {
    const quit = () => {
      stop.abort();
      clearTimeout(settle);
      watcher.close();
      stdin.off('data', onKey);
      stdin.setRawMode?.(false);
      stdin.pause();
      stdout.write('\x1b[?25h\x1b[?1049l');
      const { report } = view;
      if (report)
        stdout.write(`${report.passed} of ${report.total} exercises pass — "grad-tutor code watch ${visibleLine(dir)}" takes you back.\n`);
      resolve(0);
    };
    const onKey = (data: Buffer | string) => {
      const keys = String(data);
      if (keys.includes('q') || keys.includes('\x03')) quit();
    };
    stdin.on('data', onKey);
    (stdout as NodeJS.WriteStream).on?.('resize', draw);
  });
}
