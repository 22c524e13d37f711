import { main } from './cli.js';
import { guardOutput } from './io/output.js';
import { watchHangUp } from './io/terminal.js';
import { layOutForTheTutor } from './ui/background.js';

// The bundle is also the tutor's layout worker (src/ui/background.ts): then it lays out and does nothing else.
if (!layOutForTheTutor()) {
  // A closed pipe, a full disk: never a stack trace, never exit 0 after a cut-short document.
  guardOutput();
  watchHangUp();

  // The bundle's entry. No top-level await: a bundle without it can be loaded
  // through a V8 code cache on Node 20. Let Node exit on its own so output is flushed.
  void main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
