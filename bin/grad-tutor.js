#!/usr/bin/env node
// A tiny entry: switch on V8's code cache where Node has it (≥ 22), before the
// bundle is read, so a second start skips most of the compile.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/cli.js');
