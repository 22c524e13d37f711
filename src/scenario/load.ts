/**
 * A scenario file → a validated Scenario, or a ScenarioError that points at the
 * offending key or character. Checks run roughly top to bottom through the file,
 * and the first problem found is the one reported.
 */

import { readRegularFile } from '../io/read-file.js';
import { basename, extname } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { buildGraph, type InputDef, type NodeDef } from './build-graph.js';
import { ExprSyntaxError, parseExpression, type Expr } from './expression.js';
import { didYouMean, nameProblem } from './names.js';
import { readData } from './training.js';
import { phaseKinds } from '../lesson/phases/index.js';
import { ScenarioError, type Scenario } from './types.js';
import { isEmpty, Source } from './yaml-positions.js';

/** The keys of the graph and its data; each phase kind adds its own (`src/lesson/phases/`). */
const GRAPH_KEYS = ['title', 'description', 'inputs', 'nodes', 'output', 'notes', 'params', 'examples'] as const;
const DEFAULT_NUDGE = 0.01;

/** Every top-level key a scenario may have, read from the table of phase kinds when asked (a kind may be added later). */
export function scenarioKeys(): string[] {
  return [...GRAPH_KEYS, ...phaseKinds().flatMap((k) => (k.key ? [k.key.name] : []))];
}

/** `scenarios/03-add-then-mul.yaml` → `add-then-mul`: base name, no extension, no `NN-` order prefix. */
export function scenarioId(file: string): string {
  const base = basename(file, extname(file));
  const unprefixed = base.replace(/^\d+-/, '');
  return unprefixed === '' ? base : unprefixed;
}

/** Reads and validates a scenario file. Everything that is wrong with it is a ScenarioError. */
export function loadScenarioFile(path: string): Scenario {
  return scenarioFromBytes(readRegularFile(path, refusalAt(path)), path);
}

/** A refusal to read `path` (not a file, too large) as a ScenarioError at its start. */
export function refusalAt(path: string): (problem: string, fix: string) => ScenarioError {
  return (problem, fix) => new ScenarioError(path, 1, 1, problem, fix);
}

/** Validates the bytes read from `path` (a file, or what was piped in). */
export function scenarioFromBytes(bytes: Buffer, path: string): Scenario {
  if (bytes.includes(0)) throw notText(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notText(path);
  }
  const compiled = precompiled(text, scenarioId(path));
  return compiled ? { ...compiled, file: path } : parseScenario(text, path);
}

/**
 * The bundled scenarios, parsed when the bundle was built (scripts/build.mjs
 * defines this, as JSON text): opening a lesson then costs no YAML parse at
 * start-up. Used only for a file whose text is exactly what was compiled, so
 * an edited file is read afresh. Absent when running from source.
 */
declare const GRAD_TUTOR_SCENARIOS: string | undefined;

// JSON.parse when first needed: as an object literal the bundle built every
// scenario while loading, before anything had asked for one.
let compiledScenarios: { text: string; scenario: Omit<Scenario, 'file'> }[] | undefined;

function precompiled(text: string, id: string): Omit<Scenario, 'file'> | undefined {
  if (typeof GRAD_TUTOR_SCENARIOS === 'undefined') return undefined;
  compiledScenarios ??= JSON.parse(GRAD_TUTOR_SCENARIOS) as { text: string; scenario: Omit<Scenario, 'file'> }[];
  return compiledScenarios.find((entry) => entry.text === text && entry.scenario.id === id)?.scenario;
}

function notText(path: string): ScenarioError {
  return new ScenarioError(
    path,
    1,
    1,
    'this is not a text file (it holds NUL bytes or is not UTF-8)',
    'give a scenario written as YAML in UTF-8',
  );
}

/** Validates scenario text. `file` is used in messages and for the default id. */
export function parseScenario(raw: string, file: string, id: string = scenarioId(file)): Scenario {
  // An editor shows no byte-order mark, so columns are counted without it.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const src = new Source(text, file);
  const doc = readYaml(src);
  const top = doc.contents;
  if (top === null || (isScalar(top) && top.value === null && top.range?.[0] === top.range?.[1])) {
    throw src.errorAt(0, 'the file is empty', 'write a scenario with at least `title:`, `inputs:` and `nodes:`');
  }
  if (!isMap(top)) {
    throw src.errorAtNode(
      top,
      'the file must be a mapping of keys such as `title:`',
      'start with `title:`, `inputs:` and `nodes:`, each at the start of a line',
    );
  }
  const reader = new Reader(src, doc);
  const fields = reader.topLevel(top);
  return reader.scenario(fields, id);
}

/**
 * The YAML document, or the first YAML error as a ScenarioError. The YAML parser
 * recurses once per level of nesting, so a file nested thousands of levels deep
 * overflows the stack (thrown, or reported as an error of its own).
 */
function readYaml(src: Source): Document {
  const tooDeep = (offset = 0) =>
    src.errorAt(
      offset,
      'the file nests too deeply for YAML to read (thousands of levels)',
      'write each section as a flat list of `name: value` lines',
    );
  try {
    const doc = parseDocument(src.text, { lineCounter: src.lineCounter, uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length > 0) {
      if (/call stack/i.test(doc.errors[0].message)) throw tooDeep(doc.errors[0].pos[0]);
      throw src.yamlError(doc.errors[0], doc);
    }
    return doc;
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeep();
    throw error;
  }
}

export interface Entry {
  name: string;
  key: Node | null;
  value: Node | null;
}

/** One setting of a section such as `train:`: a known key, its value present and aliases followed. */
export interface Setting<K extends string> {
  name: K;
  key: Node | null;
  value: Node;
}

/** What the loader's sections share with the readers of the other sections (`training.ts`). */
export interface SectionReader {
  fail(node: Node | null | undefined, problem: string, fix: string): never;
  deref(node: Node | null): Node | null;
  entries(map: YAMLMap, what: string): Entry[];
  settings<K extends string>(entry: Entry, keys: readonly K[], examples: Record<K, string>, first: string): Setting<K>[];
  finiteNumber(value: Node, what: string): number;
  sourceOf(node: Node): string;
  nameOf(node: Node): string;
}

class Reader implements SectionReader {
  constructor(
    private readonly src: Source,
    private readonly doc: Document,
  ) {}

  fail(node: Node | null | undefined, problem: string, fix: string): never {
    throw this.src.errorAtNode(node, problem, fix);
  }

  /** The entries of a mapping, by name, in file order. A name given twice is an error at the second. */
  entries(map: YAMLMap, what: string): Entry[] {
    const seen = new Set<string>();
    return map.items.map((pair: Pair) => {
      const key = (pair.key ?? null) as Node | null;
      const name = key === null ? '' : this.nameOf(key);
      if (seen.has(name))
        this.fail(key, `\`${name}\` is given twice in ${what}`, 'remove one of them or rename it; each name is defined once');
      seen.add(name);
      return { name, key, value: (pair.value ?? null) as Node | null };
    });
  }

  /**
   * The settings of a section (`train:`, `slope:`): a mapping, not empty, each key one of `keys` and given a
   * value, or an error that names it. `first` is the setting a fix names first (`of: a`, `steps: 20`).
   */
  settings<K extends string>(entry: Entry, keys: readonly K[], examples: Record<K, string>, first: string): Setting<K>[] {
    const section = entry.name;
    const map = this.deref(entry.value);
    const example = `\`${first}\``;
    if (isEmpty(map)) this.fail(entry.key, `\`${section}\` is empty`, `give at least ${example} indented below it, or remove the key`);
    if (!isMap(map)) {
      const others = keys.filter((k) => !first.startsWith(`${k}:`)).map((k) => `\`${k}:\``);
      this.fail(
        map,
        `\`${section}\` must be a mapping of settings`,
        `write ${example} (and optionally ${others.join(', ')}) indented below \`${section}:\``,
      );
    }
    return this.entries(map, `\`${section}\``).map((setting) => {
      const known = keys.find((k) => k === setting.name);
      if (!known)
        this.fail(
          setting.key,
          `unknown key \`${setting.name}\` in \`${section}\`${didYouMean(setting.name, keys)}`,
          `use only ${keys.join(', ')}`,
        );
      const value = this.deref(setting.value);
      if (value === null || isEmpty(value))
        this.fail(setting.key, `\`${setting.name}\` in \`${section}\` is empty`, `give it a value, e.g. \`${examples[known]}\``);
      return { name: known, key: setting.key, value };
    });
  }

  /** The name a scalar holds, or its source text for anything else (so a message quotes what was written). */
  nameOf(node: Node): string {
    return isScalar(node) && typeof node.value === 'string' ? node.value : this.src.sourceOf(node);
  }

  /** Follows a YAML alias to its anchored node. */
  deref(node: Node | null): Node | null {
    if (node === null || !isAlias(node)) return node;
    const target = node.resolve(this.doc);
    if (target === undefined) {
      this.fail(
        node,
        `\`${this.src.sourceOf(node)}\` is a YAML alias with no anchor`,
        'quote the value if `*` is meant as multiplication, e.g. `z: "a * b"`',
      );
    }
    return target as Node;
  }

  sourceOf(node: Node): string {
    return this.src.sourceOf(node);
  }

  topLevel(top: YAMLMap): Map<string, Entry> {
    const keys = scenarioKeys();
    const fields = new Map<string, Entry>();
    for (const entry of this.entries(top, 'the file')) {
      if (!keys.includes(entry.name)) {
        this.fail(entry.key, `unknown key \`${entry.name}\`${didYouMean(entry.name, keys)}`, `use only ${keys.join(', ')}`);
      }
      fields.set(entry.name, entry);
    }
    for (const required of ['title', 'inputs', 'nodes'] as const) {
      if (!fields.has(required))
        this.fail(null, `the key \`${required}\` is missing`, `add \`${required}:\` at the start of a line ${EXAMPLES[required]}`);
    }
    return fields;
  }

  scenario(fields: Map<string, Entry>, id: string): Scenario {
    const title = this.text(fields.get('title') as Entry, true, 'title: A product of two sums') as string;
    const description = fields.has('description') ? this.text(fields.get('description') as Entry, false, '') : undefined;
    const inputs = this.inputs(fields.get('inputs') as Entry);
    const { defs, expressions, keys } = this.nodes(fields.get('nodes') as Entry, inputs);
    const graph = buildGraph(inputs, defs, (def, at, problem, fix) => {
      const where = keys.get(def.name) as Located;
      throw at === 'key' ? this.src.errorAtNode(where.key, problem, fix) : this.src.errorAt(where.toFile(at), problem, fix);
    });
    graph.output = this.output(fields.get('output'), defs);
    const notes = fields.get('notes');
    if (notes) this.applyNotes(notes, graph.nodes);
    const scenario: Scenario = { id, title, file: this.src.file, graph, nudge: DEFAULT_NUDGE, expressions, params: [...graph.inputs] };
    if (description !== undefined) scenario.description = description;
    const data = readData(this, { params: fields.get('params'), examples: fields.get('examples') }, graph.inputs, graph.nodes.length);
    scenario.params = data.params;
    if (data.examples) scenario.examples = data.examples;
    // The kinds' keys in table order: a later one may read what an earlier one set (train's rate defaults to the nudge's).
    for (const kind of phaseKinds()) {
      const entry = kind.key && fields.get(kind.key.name);
      if (entry) kind.key!.read(this, entry, scenario);
    }
    return scenario;
  }

  /** A text value. Trailing line breaks (which `|` keeps) are dropped. Undefined for an empty optional one. */
  private text(entry: Entry, required: boolean, example: string): string | undefined {
    const value = this.deref(entry.value);
    const empty = value === null || (isScalar(value) && value.value === null);
    if (empty && !required) return undefined;
    if (empty) this.fail(entry.key, `\`${entry.name}\` is empty`, `write it after the colon, e.g. \`${example}\``);
    if (!isScalar(value) || typeof value.value !== 'string') {
      this.fail(value, `\`${entry.name}\` must be text`, 'write it as a sentence, in quotes if YAML would read it as something else');
    }
    const text = value.value.trimEnd();
    if (text.trim() === '') this.fail(value, `\`${entry.name}\` is empty`, 'write some text, or remove the key');
    return text;
  }

  /** A section that must be a mapping with at least one entry. */
  private section(entry: Entry, example: string): YAMLMap {
    const value = this.deref(entry.value);
    if (value === null || (isScalar(value) && value.value === null)) {
      this.fail(entry.key, `\`${entry.name}\` is empty`, `list its entries below it, indented, e.g. \`${example}\``);
    }
    if (!isMap(value)) {
      const fix = isSeq(value)
        ? `drop the \`- \`: write one \`${example}\` per line`
        : `write one \`${example}\` per line, indented under \`${entry.name}:\``;
      this.fail(value, `\`${entry.name}\` must be a mapping of names`, fix);
    }
    if (value.items.length === 0) this.fail(value, `\`${entry.name}\` has no entries`, `add at least one, e.g. \`${example}\``);
    return value;
  }

  private checkName(entry: Entry): void {
    const problem = nameProblem(entry.name);
    if (problem) this.fail(entry.key, problem.problem, problem.fix);
  }

  private inputs(entry: Entry): InputDef[] {
    return this.entries(this.section(entry, 'a: 3'), '`inputs`').map((input) => {
      this.checkName(input);
      const value = this.deref(input.value);
      if (value === null || (isScalar(value) && value.value === null)) {
        this.fail(
          value?.range && value.range[0] < value.range[1] ? value : input.key,
          `input \`${input.name}\` has no value`,
          `give it a number, e.g. \`${input.name}: 3\``,
        );
      }
      return { name: input.name, value: this.finiteNumber(value, `input \`${input.name}\``) };
    });
  }

  finiteNumber(value: Node, what: string): number {
    if (isScalar(value) && typeof value.value === 'number') {
      if (Number.isFinite(value.value)) return value.value;
      this.fail(value, `${what} is ${this.src.sourceOf(value)}, not a finite number`, 'give an ordinary number such as 0.5');
    }
    if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '' && Number.isFinite(Number(value.value))) {
      this.fail(value, `${what} is text, not a number`, 'remove the quotes');
    }
    return this.fail(value, `${what} must be a number, not \`${this.src.sourceOf(value)}\``, 'give a finite number such as 0.5 or -2');
  }

  private nodes(entry: Entry, inputs: InputDef[]): { defs: NodeDef[]; expressions: Record<string, string>; keys: Map<string, Located> } {
    const inputNames = new Set(inputs.map((i) => i.name));
    const defs: NodeDef[] = [];
    const expressions: Record<string, string> = {};
    const keys = new Map<string, Located>();
    for (const node of this.entries(this.section(entry, 'c: a + b'), '`nodes`')) {
      this.checkName(node);
      if (inputNames.has(node.name)) {
        this.fail(
          node.key,
          `\`${node.name}\` is already an input`,
          'rename the node or the input; inputs and nodes share one set of names',
        );
      }
      const value = this.deref(node.value);
      if (value === null || (isScalar(value) && value.value === null)) {
        this.fail(node.key, `node \`${node.name}\` has no expression`, `write it after the colon, e.g. \`${node.name}: a * b\``);
      }
      if (!isScalar(value))
        this.fail(value, `the expression of \`${node.name}\` must be text`, `write it on one line, e.g. \`${node.name}: a * b\``);
      const { text, toFile } = this.src.scalarText(value);
      let expr: Expr;
      try {
        expr = parseExpression(text);
      } catch (error) {
        if (!(error instanceof ExprSyntaxError)) throw error;
        throw this.src.errorAt(toFile(error.offset), error.problem, error.fix);
      }
      if (expr.kind === 'name' || expr.kind === 'number') {
        // Every node is an operation: an alias would be a node without an op, and a named constant is an input.
        const [problem, fix] =
          expr.kind === 'name'
            ? [
                `node \`${node.name}\` is just \`${expr.name}\`, not an operation`,
                `use \`${expr.name}\` directly where \`${node.name}\` is used, or write an operation such as \`${expr.name} * 2\``,
              ]
            : [
                `node \`${node.name}\` is just the number ${expr.text}, not an operation`,
                `move it to \`inputs\`, or write the number directly in the expressions that use \`${node.name}\``,
              ];
        throw this.src.errorAt(toFile(expr.offset), problem, fix);
      }
      defs.push({ name: node.name, expr });
      // Trimmed: a `|` block keeps a final line break that is no part of the expression.
      expressions[node.name] = text.trim();
      keys.set(node.name, { key: node.key, toFile });
    }
    return { defs, expressions, keys };
  }

  private output(entry: Entry | undefined, defs: NodeDef[]): string {
    const last = defs[defs.length - 1].name;
    if (!entry) return last;
    const value = this.deref(entry.value);
    if (value === null || (isScalar(value) && value.value === null)) {
      this.fail(entry.key, '`output` is empty', `name a node, e.g. \`output: ${last}\`, or remove the key to use the last node`);
    }
    const name = this.nameOf(value);
    if (defs.some((d) => d.name === name)) return name;
    const names = defs.map((d) => d.name);
    const list = names.length <= 8 ? `: ${names.join(', ')}` : '';
    this.fail(value, `\`output\` names \`${name}\`, which is not a node${didYouMean(name, names)}`, `name one of the nodes${list}`);
  }

  private applyNotes(entry: Entry, nodes: { name: string; note?: string }[]): void {
    const value = this.deref(entry.value);
    if (value === null || (isScalar(value) && value.value === null)) return;
    if (!isMap(value))
      this.fail(
        value,
        '`notes` must be a mapping of node names to sentences',
        'write one `c: a sentence about c` per line, indented under `notes:`',
      );
    const byName = new Map(nodes.map((n) => [n.name, n]));
    for (const note of this.entries(value, '`notes`')) {
      const node = byName.get(note.name);
      if (!node) {
        this.fail(
          note.key,
          `a note for \`${note.name}\`, which is no node${didYouMean(note.name, byName.keys())}`,
          'use the name of an input or a node, or remove the note',
        );
      }
      node.note = this.text(note, true, `${note.name}: one sentence about ${note.name}`) as string;
    }
  }
}

interface Located {
  key: Node | null;
  toFile: (index: number) => number;
}

const EXAMPLES: Record<'title' | 'inputs' | 'nodes', string> = {
  title: '(e.g. `title: A product of two sums`)',
  inputs: 'with the leaves indented below it (e.g. `  a: 3`)',
  nodes: 'with one expression per node indented below it (e.g. `  c: a + b`)',
};
