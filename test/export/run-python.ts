import { spawnSync } from 'node:child_process';

/**
 * Runs many scripts in one Python process, each in a fresh namespace, and
 * hands back what each printed: PyTorch takes seconds to import, once is enough.
 */
const DRIVER = `
import contextlib, io, json, sys, traceback
results = []
for source in json.load(sys.stdin):
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, '<export>', 'exec'), {'__name__': '__main__'})
        results.append({'stdout': out.getvalue()})
    except BaseException:
        results.append({'stdout': out.getvalue(), 'error': traceback.format_exc()})
sys.stdout.write(json.dumps(results))
`;

export interface Ran {
  stdout: string;
  error?: string;
}

export function runScripts(python: string, scripts: string[]): Ran[] {
  const ran = spawnSync(python, ['-c', DRIVER], { input: JSON.stringify(scripts), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (ran.status !== 0) throw new Error(`${python} failed: ${ran.stderr || ran.error?.message}`);
  return JSON.parse(ran.stdout) as Ran[];
}

/**
 * The first Python that can import `module`, or null: python3 on PATH may be
 * a pyenv one without Debian's packages, which /usr/bin/python3 has.
 * GRAD_TUTOR_PYTHON, when set, is the only one tried.
 */
export function pythonWith(module: string): string | null {
  const chosen = process.env.GRAD_TUTOR_PYTHON;
  const candidates = chosen ? [chosen] : ['python3', '/usr/bin/python3', 'python'];
  const probe = `import importlib.util, sys; sys.exit(0 if importlib.util.find_spec(${JSON.stringify(module)}) else 1)`;
  for (const python of candidates) {
    if (spawnSync(python, ['-c', probe], { encoding: 'utf8' }).status === 0) return python;
  }
  return null;
}
