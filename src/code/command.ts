import { parseArgs } from 'node:util';
import type { Io } from '../cli.js';
import { visibleLine } from '../io/visible.js';
import { CannotCheck, checkFolder } from './check.js';
import { initFolder } from './init.js';
import { reportJson, reportText } from './report.js';
import { TIME_LIMIT_MS } from './run.js';
import { watchFolder } from './watch.js';

export const CODE_HELP = `grad-tutor code — write micrograd yourself, checked against the tutor

Usage
  grad-tutor code init DIR           a new folder DIR with micrograd's files
                                     (engine.py, nn.py, train.py), every body a
                                     TODO, and EXERCISES.md: the three exercises
  grad-tutor code check DIR [--json] run your micrograd and compare every value,
                                     gradient and loss with the tutor's
  grad-tutor code watch DIR          check again on every save; the first
                                     failing exercise on screen (q quits)

The check runs your code with python3 (or the program GRAD_TUTOR_PYTHON
names), and stops it after ${TIME_LIMIT_MS / 1000} s, so a loop that never ends cannot hang it.
It builds the course's graphs with your Value, the lecture's MLP(3, [4, 4, 1])
with the tutor's starting weights, and trains it on the four examples; where
your numbers show a classic bug (accumulate, topological, zero_grad, tanh,
exp, backward twice) it names it.

Exit codes: 0 every exercise passes, 1 one fails, 2 the check cannot run (no
folder, not an exercise folder, no Python).
`;

/** A mistake in how `code` was typed: one sentence, exit 2. */
class CodeUsage extends Error {}

export async function codeCommand(argv: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    const [what, dir, ...extra] = positionals;
    if (values.help || what === undefined) {
      io.stdout.write(CODE_HELP);
      return values.help ? 0 : 2;
    }
    if (!['init', 'check', 'watch'].includes(what))
      throw new CodeUsage(`unknown "code ${what}" — use code init, code check or code watch ("grad-tutor code --help").`);
    if (dir === undefined) throw new CodeUsage(`code ${what} needs a folder — e.g. "grad-tutor code ${what} my-micrograd".`);
    if (extra.length > 0) throw new CodeUsage(`code ${what} takes one folder — drop "${extra[0]}".`);
    if (values.json && what !== 'check') throw new CodeUsage(`--json is for code check — drop it.`);
    if (what === 'init') {
      const written = initFolder(dir);
      io.stdout.write(
        written.map((file) => `wrote ${visibleLine(file)}\n`).join('') +
          `Start with EXERCISES.md, then "grad-tutor code watch ${visibleLine(dir)}".\n`,
      );
      return 0;
    }
    if (what === 'watch') {
      return await watchFolder(dir, io);
    }
    const report = await checkFolder(dir, io.env);
    io.stdout.write(values.json ? reportJson(report) : reportText(report));
    return report.passed === report.total ? 0 : 1;
  } catch (error) {
    if (error instanceof CannotCheck || error instanceof CodeUsage) {
      io.stderr.write(`${visibleLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`grad-tutor code: ${visibleLine(error.message)} — "grad-tutor code --help" lists the options.\n`);
      return 2;
    }
    throw error;
  }
}
