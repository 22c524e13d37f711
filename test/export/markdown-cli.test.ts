// The handout with questions from the built command line: the answer key in a
// file of its own (--answers), and --quiz through a pipe.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cleanEnv, NODE, ROOT } from '../e2e/pty.js';
import { bundledScenarios } from '../../src/catalog.js';
import { inCourse } from '../../src/course.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { quizHandout } from '../../src/export/markdown.js';
import { buildLesson, eachQuestion } from '../../src/lesson/index.js';

const dir = mkdtempSync(join(tmpdir(), 'gt-handout-'));
const env = cleanEnv({ HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache') });
const cli = `"${NODE}" "${BIN}"`;
const HANDOUT = 'export reuse-mul --format markdown --quiz';

function bash(script: string) {
  return spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env });
}

const entry = bundledScenarios().find((e) => e.id === 'reuse-mul')!;
const reuseMul = inCourse(loadScenarioFile(entry.file), entry.file);

/** One sentence on stderr, exit 2, nothing on stdout, no stack. */
function refused(result: ReturnType<typeof bash>, says: RegExp) {
  expect(result.stdout).toBe('');
  expect(result.status).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(says);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('export --quiz --answers FILE', () => {
  beforeAll(() => assertBuilt());

  it('puts the questions on stdout and the answer key, titled, in FILE', () => {
    const result = bash(`${cli} ${HANDOUT} --answers key.md`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { student, key } = quizHandout(reuseMul, true);
    expect(result.stdout).toBe(student);
    expect(result.stdout).not.toContain('Answer key');
    expect(readFileSync(join(dir, 'key.md'), 'utf8')).toBe(key);
    expect(key).toMatch(/^# A reused input in a product: answer key\n/);
  });

  it.each([
    ['the same name', 'out.md > out.md'],
    ['a link to it', 'link.md > out.md'],
    ['/dev/stdout, into a pipe', '/dev/stdout | cat'],
  ])('refuses FILE when it is where the handout goes: %s', (_name, tail) => {
    writeFileSync(join(dir, 'out.md'), 'kept\n');
    bash(`ln -sf out.md link.md`);
    const result = bash(`set -o pipefail; ${cli} ${HANDOUT} --answers ${tail}`);
    refused(result, /^--answers \S+ is where the handout itself goes — give the answer key a file of its own\.\n$/);
  });

  it('refuses --answers without --quiz, an empty FILE, and a FILE that is a folder', () => {
    refused(
      bash(`${cli} export reuse-mul --format markdown --answers key.md`),
      /^--answers is where a --quiz handout puts its answer key — add --quiz/,
    );
    refused(bash(`${cli} ${HANDOUT} --answers ''`), /^--answers needs a file name — e\.g\. --answers key\.md\.\n$/);
    mkdirSync(join(dir, 'folder'), { recursive: true });
    refused(bash(`${cli} ${HANDOUT} --answers folder`), /^could not write the answer key to folder: it is a folder — check the path\.\n$/);
  });
});

describe('grad-tutor <lesson> --quiz without a terminal', () => {
  beforeAll(() => assertBuilt());

  it('prints each question, then its answer, as show --quiz does', () => {
    const piped = bash(`${cli} reuse-add --quiz | cat`);
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(bash(`${cli} show reuse-add --quiz`).stdout);
    const lesson = buildLesson(
      inCourse(loadScenarioFile(join(ROOT, 'scenarios/08-reuse-add.yaml')), join(ROOT, 'scenarios/08-reuse-add.yaml')),
    );
    let asked = 0;
    lesson.steps.forEach((step, i) => {
      const question = eachQuestion(lesson, i);
      if (!question) return;
      asked++;
      const at = piped.stdout.indexOf(`Q (${question.kind}): ${question.prompt}`);
      expect(at, question.prompt).toBeGreaterThan(0);
      expect(piped.stdout.indexOf(step.text, at)).toBeGreaterThan(at);
    });
    expect(asked).toBeGreaterThan(4);
  });
});
