import { main } from './cli.js';

// A reader that stops early (`grad-tutor list | head -1`) closes the pipe;
// that is the reader's choice, not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

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
