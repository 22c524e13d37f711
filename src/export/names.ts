/**
 * Python names for a scenario's nodes. A scenario may call a node `lambda`,
 * `print` or `Value`, and its unnamed inner operations are labelled `x1*w1`;
 * none of these can be a variable in the exported scripts as they are.
 */

/** Python 3's keywords: never a variable. */
const KEYWORDS = [
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
];

/** The builtins the scripts call: a variable of that name would shadow them. */
const BUILTINS = ['float', 'isinstance', 'print', 'range', 'set', 'zip'];

/**
 * What the scripts themselves call things at the top level and inside
 * `forward` and `run`, in either format, so that both formats rename alike.
 * (The `Value` class's own locals, `self`, `other`, `out`, live in its methods
 * and clash with nothing.) A test reads the scripts and checks that every
 * name they use is here or is the scenario's.
 */
export const SCRIPT_NAMES = [
  'math',
  'torch',
  'Value',
  '_div',
  '_pow',
  '_exp',
  '_log',
  'params',
  'examples',
  'forward',
  'run',
  'show',
  'without_grad',
  'number',
  'rows',
  'example',
  'total',
  'output',
  'nodes',
  'node',
  'name',
  'rate',
  'before',
  'param',
  'start',
  'nudged',
  'step',
  'loss',
];

const RESERVED = new Map<string, string>([
  ...KEYWORDS.map((k): [string, string] => [k, 'a Python keyword']),
  ...BUILTINS.map((b): [string, string] => [b, 'a Python builtin the script uses']),
  ...SCRIPT_NAMES.map((s): [string, string] => [s, 'a name the script uses']),
]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why `name` cannot be a variable as it is, or null when it can. */
function clash(name: string): string | null {
  if (!IDENTIFIER.test(name)) return 'not a Python name';
  if (/^__.*__$/.test(name)) return 'a name Python keeps for itself';
  return RESERVED.get(name) ?? null;
}

export interface Renaming {
  name: string;
  as: string;
  why: string;
}

export interface PythonNames {
  /** Every scenario name and generated node → its variable. */
  of: Map<string, string>;
  /** The scenario's own names that had to change, for the script to say so. */
  renamed: Renaming[];
}

/**
 * Gives each of `named` (the scenario's names) a variable: itself where it
 * can, else itself made valid plus `_` (then `_2`, `_3`…), never a name
 * another node keeps. Then `generated` (inner operations) get `t1`, `t2`…,
 * short temporaries whose tutor label the script writes beside them.
 */
export function pythonNames(named: string[], generated: string[]): PythonNames {
  const of = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of named) {
    if (clash(name) === null) {
      of.set(name, name);
      taken.add(name);
    }
  }
  const fresh = (base: string): string => {
    let candidate = base;
    for (let k = 2; taken.has(candidate) || clash(candidate) !== null; k++) candidate = `${base}${k}`;
    taken.add(candidate);
    return candidate;
  };
  const renamed: Renaming[] = [];
  for (const name of named) {
    const why = clash(name);
    if (why === null) continue;
    const as = fresh(`${validBase(name)}_`);
    of.set(name, as);
    renamed.push({ name, as, why });
  }
  let k = 1;
  for (const name of generated) {
    while (taken.has(`t${k}`) || clash(`t${k}`) !== null) k++;
    of.set(name, `t${k}`);
    taken.add(`t${k}`);
  }
  return { of, renamed };
}

/** `a-b` → `a_b`, `2x` → `n2x`, `__init__` → `init`: something close that Python accepts. */
function validBase(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (cleaned === '') return 'node';
  return /^[0-9]/.test(cleaned) ? `n${cleaned}` : cleaned;
}
