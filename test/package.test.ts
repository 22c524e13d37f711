import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
/** The course as the checkout holds it: the tarball carries every one of these files. */
const COURSE = readdirSync(join(ROOT, 'scenarios')).filter((f) => /\.(ya?ml|json)$/.test(f)).length;
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_loglevel: 'error',
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    },
  });

describe('the package as published', () => {
  it('npx runs the packed tarball from an empty folder with an empty cache, and it holds only what runs', () => {
    const out = mkdtempSync(join(tmpdir(), 'gt-pack-'));
    // --ignore-scripts: npm test has just built dist/; packing must not rebuild it under other tests' feet.
    const report = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', out], ROOT)) as {
      filename: string;
      size: number;
      files: { path: string }[];
    }[];
    const { filename, files } = report[0];
    const paths = files.map((f) => f.path).sort();
    expect(paths).toContain('bin/grad-tutor.js');
    expect(paths).toContain('dist/cli.cjs');
    expect(paths.filter((p) => p.startsWith('scenarios/'))).toHaveLength(COURSE);
    // Nothing for development: no sources, tests, benchmarks or maps.
    expect(paths.filter((p) => /^(src|test|bench|scripts)\/|\.map$/.test(p))).toEqual([]);
    // The bundle carries everything: installing it fetches nothing else.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object };
    expect(manifest.dependencies).toBeUndefined();
    const tarball = join(out, filename);
    expect(statSync(tarball).size).toBeLessThan(1024 * 1024);

    const empty = mkdtempSync(join(tmpdir(), 'gt-npx-'));
    const cache = mkdtempSync(join(tmpdir(), 'gt-cache-'));
    const listed = execFileSync('npx', ['--yes', '--cache', cache, `--package=${tarball}`, 'grad-tutor', 'list'], {
      cwd: empty,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    expect(listed).toMatch(/^add-then-mul +Addition feeding a product$/m);
    expect(listed.trim().split('\n')).toHaveLength(COURSE);
    expect(readdirSync(empty)).toEqual([]);
  }, 60_000);
});
