/**
 * Explore: the learner gives an input another value (e) and every value, gradient, check and nudge of the
 * lesson follows; E puts the file's values back. Nothing is written to the file. The lesson is built again
 * from a copy of the scenario with the new value, and the learner stays on the same step of the same phase.
 *
 * Answers given on an edited lesson are judged on its numbers, but kept apart from the learner's progress
 * and mastery: they would score the learner on numbers no lesson file has.
 */
import { num, type Answer, type Given, type Lesson, type Waiting } from '../lesson/index.js';
import { actionFor, EDIT_KEYS, footerText, helpRows, keyOf, LESSON_KEYS, TYPED_KEYS, type HelpRow, type KeyName } from '../keys/index.js';
import type { Scenario } from '../scenario/index.js';
import { visibleLine } from '../io/visible.js';
import { lessonFor, shareLayouts } from './lessons.js';
import { typedKey } from './typed.js';
import { startingWith } from './text.js';
import { lessonOf, reviewing, waitingOf, type OpenLesson, type Session } from './state.js';

/** What the learner explores in the open lesson: its edit, the line being typed, the line that says what changed. */
export interface Explore {
  /** The scenario as the file has it, while the learner's values stand in for its own; undefined: not edited. */
  file?: Scenario;
  /** Predict-mode answers on the edited numbers: first answers, and those asked again at the summary. */
  answers: Record<number, Answer>;
  retries: Record<number, Answer>;
  typing?: Typing;
  /** What the last edit (or E) changed, shown in place of the footer until the next key. */
  said?: string;
}

/** The line being typed: an input's name (while `input` is undefined), then its new value. */
export interface Typing {
  input?: string;
  text: string;
  /** Which of the inputs that match the name typed Tab has moved to. */
  choice: number;
  error?: string;
}

/** How many names a line lists before it says how many more (a large graph has thousands of inputs). */
const FEW = 3;
/** No input's name is longer than a line. */
const NAME_LENGTH = 40;

/** The value an input has in the lesson's steps: with examples, a data input's is the first row's. */
export function inputValue(scenario: Scenario, name: string): number | undefined {
  const row = scenario.examples?.[0];
  if (row && Object.hasOwn(row, name)) return row[name];
  return scenario.graph.nodes.find((n) => n.name === name)?.value;
}

/** What an input is, where the lesson tells params from data (a lesson that trains): said beside its name. */
export function roleOf(scenario: Scenario, name: string): string | undefined {
  if (scenario.params.length === scenario.graph.inputs.length) return undefined;
  if (scenario.params.includes(name)) return 'param';
  return scenario.examples?.[0] && Object.hasOwn(scenario.examples[0], name) ? 'data, example 1' : 'data';
}

/**
 * The scenario with one input set to `value`: a copy, so the file's stays as it was (E) and the lesson cache,
 * keyed by scenario, builds the new one. With examples, a data input set by the rows is set in the first row,
 * the one the steps show. The boxes' sizes do not depend on values, so the drawing's layout is the same.
 */
export function withValue(scenario: Scenario, name: string, value: number): Scenario {
  const nodes = scenario.graph.nodes.map((n) => {
    const node = n.note === undefined ? n : { ...n, note: saidOfFile(n.note) };
    return n.name === name ? { ...node, value } : node;
  });
  const graph = { ...scenario.graph, nodes };
  shareLayouts(scenario.graph, graph);
  const examples = scenario.examples?.map((row, i) => (i === 0 && Object.hasOwn(row, name) ? { ...row, [name]: value } : row));
  const description = scenario.description === undefined ? {} : { description: saidOfFile(scenario.description) };
  return { ...scenario, graph, ...description, ...(examples ? { examples } : {}) };
}

/** Said after the words of the file (its description, a note) that hold a number: it may be the file's, not the learner's. */
export const SAID_OF_FILE = '(Said of the file’s values.)';

/** A text of the file marked where it holds a number (lesson 1's "at x = 3 is 6 · 3 − 4 = 14"), once. */
function saidOfFile(text: string): string {
  if (!/\d/.test(text) || text.trimEnd().endsWith(SAID_OF_FILE)) return text;
  return `${text.trimEnd()} ${SAID_OF_FILE}`;
}

/** `a: 3 → 4`, for at most FEW of the pairs, then how many more. */
function listed(pairs: [string, number | undefined, number | undefined][]): string {
  const shown = pairs.slice(0, FEW).map(([name, was, now]) => `${visibleLine(name)}: ${num(was)} → ${num(now)}`);
  return [...shown, ...(pairs.length > FEW ? [`${pairs.length - FEW} more`] : [])].join('; ');
}

/** One line cut to the window, a cut marked with …. */
function fit(line: string, columns: number): string {
  const chars = [...line];
  return chars.length <= columns ? line : `${chars.slice(0, Math.max(0, columns - 1)).join('')}…`;
}

/**
 * What changed from one lesson to the other, on one line: the inputs that changed, the output, and the
 * inputs' gradients that moved (`a: 3 → 4. z: -15 → -20; b.grad: 3 → 4.`), a few of each.
 */
export function changeLine(before: Lesson, after: Lesson, columns = Infinity): string {
  const differ = (x: number | undefined, y: number | undefined) => !Object.is(x, y);
  const inputs = after.scenario.graph.inputs;
  const changed = inputs
    .map((name): [string, number | undefined, number | undefined] => [
      name,
      inputValue(before.scenario, name),
      inputValue(after.scenario, name),
    ])
    .filter(([, was, now]) => differ(was, now));
  const output = after.scenario.graph.output;
  // The params' gradients first: in a lesson that trains, those are the ones that move the params.
  const params = new Set(after.scenario.params);
  const grads = [...inputs.filter((name) => params.has(name)), ...inputs.filter((name) => !params.has(name))]
    .map((name): [string, number | undefined, number | undefined] => [`${name}.grad`, before.trace.grads[name], after.trace.grads[name]])
    .filter(([, was, now]) => differ(was, now));
  const moved = grads.length > 0 ? listed(grads) : 'no input’s gradient moved';
  const what = changed.length > 0 ? `${listed(changed)}. ` : '';
  return fit(`${what}${listed([[output, before.trace.values[output], after.trace.values[output]]])}; ${moved}.`, columns);
}

/** The step of `after` the learner was on in `before`: the same phase, and as far into it, or the last there is. */
export function sameStep(before: Lesson, after: Lesson, step: number): number {
  const phase = before.steps[step].phase;
  const start = (lesson: Lesson) => lesson.steps.findIndex((s) => s.phase === phase);
  const into = step - start(before);
  const at = start(after);
  if (at === -1) return Math.min(step, after.steps.length - 1);
  let last = at;
  while (last + 1 < after.steps.length && after.steps[last + 1].phase === phase && last - at < into) last++;
  return last;
}

/** The open lesson with its explore state changed. */
function withExplore(state: Session, open: OpenLesson, explore: Explore | undefined): Session {
  return { ...state, open: { ...open, explore } };
}

/** The open lesson on another scenario (an edit, or the file's again): the same step, what changed said, no answer kept. */
function rebuilt(state: Session, open: OpenLesson, scenario: Scenario, file: Scenario | undefined, lead = ''): Session {
  const before = lessonOf(state)!;
  const after = lessonFor(scenario, state.options);
  const said = fit(`${lead}${changeLine(before, after)}`, state.window.columns);
  return {
    ...state,
    open: { ...open, scenario, step: sameStep(before, after, open.step), explore: { file, answers: {}, retries: {}, said } },
    cursor: 0,
    hints: 0,
    scroll: 0,
    typed: undefined,
    askWorked: undefined,
  };
}

/** The open lesson with a line to show until the next key. */
function saying(state: Session, open: OpenLesson, said: string): Session {
  const explore = open.explore ?? { answers: {}, retries: {} };
  return withExplore(state, open, { ...explore, typing: undefined, said: fit(said, state.window.columns) });
}

/** Without the line of the last edit: it has been read by the time another key is pressed. */
export function unsaid(state: Session): Session {
  const open = state.open;
  if (!open?.explore?.said) return state;
  const { said: _, ...rest } = open.explore;
  return withExplore(state, open, rest.file || rest.typing ? rest : undefined);
}

/** The inputs whose names start with the text typed, the one typed exactly first. */
function matches(scenario: Scenario, text: string): string[] {
  return startingWith(scenario.graph.inputs, text);
}

/**
 * A key in a lesson, where explore takes it: e and E, and every key while a line is typed. Undefined for a
 * key explore leaves to the lesson.
 */
export function exploreKey(state: Session, key: KeyName): Session | undefined {
  const open = state.open;
  if (!open) return undefined;
  if (open.explore?.typing) return typingKey(state, open, open.explore, open.explore.typing, key);
  // A name being typed after / takes every key: e and E are letters of a name there (the lecture's e).
  if (state.inspect?.find) return undefined;
  const action = actionFor(LESSON_KEYS, key);
  if (action !== 'edit' && action !== 'restore') return undefined;
  // A question waiting would be asked on other numbers under the learner: the keys wait with the others (WAITING),
  // and a number being typed takes e and E. A review asks what was missed on the file's numbers.
  if (waitingOf(state)) return undefined;
  if (state.review || reviewing(state)) return saying(state, open, 'Finish the review first: it asks on the file’s numbers.');
  if (action === 'restore') {
    if (!open.explore?.file) return saying(state, open, 'Nothing to put back: these are the file’s values.');
    return rebuilt(state, open, open.explore.file, undefined, 'The file’s values: ');
  }
  if (open.scenario.graph.inputs.length === 0) return saying(state, open, 'This graph has no inputs to change (a constant stays).');
  return withExplore(state, open, { ...(open.explore ?? { answers: {}, retries: {} }), said: undefined, typing: { text: '', choice: 0 } });
}

function typingKey(state: Session, open: OpenLesson, explore: Explore, typing: Typing, key: KeyName): Session {
  const typed = (next: Typing | undefined) => withExplore(state, open, { ...explore, typing: next });
  const cancel = () => withExplore(state, open, explore.file ? { ...explore, typing: undefined } : undefined);
  if (typing.input !== undefined) {
    // An Enter with nothing typed waits: a name picked as soon as it was typed is often followed by Enter.
    if (typing.text.trim() === '' && key === 'enter') return state;
    const done = typedKey(typing, key, undefined, 'cancel');
    // ? is no number: it opens the help, which lists these keys; the value typed stays.
    if (!done) return actionFor(EDIT_KEYS, key) === 'help' ? { ...state, help: true } : state;
    if ('value' in done) {
      // Without a rule to read, what typedKey gives is a number.
      if (typeof done.value !== 'number') return state;
      if (Object.is(done.value, inputValue(open.scenario, typing.input)))
        return saying(state, open, `${visibleLine(typing.input)} is ${num(done.value)} already: nothing changed.`);
      return rebuilt(state, open, withValue(open.scenario, typing.input, done.value), explore.file ?? open.scenario);
    }
    return done.typed ? typed({ ...typing, text: done.typed.text, error: done.typed.error }) : cancel();
  }
  const found = matches(open.scenario, typing.text);
  switch (actionFor(EDIT_KEYS, key)) {
    case 'cancel':
      return cancel();
    case 'help':
      return { ...state, help: true };
    case 'erase':
      return typed({ text: typing.text.slice(0, -1), choice: 0 });
    case 'next':
    case 'previous': {
      const by = actionFor(EDIT_KEYS, key) === 'next' ? 1 : -1;
      return found.length === 0 ? state : typed({ ...typing, choice: (typing.choice + by + found.length) % found.length });
    }
    case 'pick': {
      const input = found[Math.min(typing.choice, found.length - 1)];
      if (input === undefined) return typed({ ...typing, error: noInput(typing.text) });
      return typed({ input, text: '', choice: 0 });
    }
    default: {
      if (!/^[A-Za-z0-9_]$/.test(key) || typing.text.length >= NAME_LENGTH) return state;
      const text = typing.text + key;
      const now = matches(open.scenario, text);
      // A name no other starts with is picked as soon as it is typed (a of a, b; x1 of x1, x2): the value comes next.
      if (now.length === 1 && now[0] === text) return typed({ input: text, text: '', choice: 0 });
      return typed({ text, choice: 0, ...(now.length === 0 ? { error: noInput(text) } : {}) });
    }
  }
}

/** What the typing keys do while an input's new value is typed: as for an answer, but Enter sets and Esc cancels. */
const VALUE_DOES: Partial<Record<string, string>> = {
  type: 'editing: the new value’s digits, sign, point',
  submit: 'editing: set the input to the value typed',
  erase: 'editing: erase a character',
  cancel: 'editing: cancel, nothing changed',
};

/** The help's rows while the edit's line is typed: picking an input by name, or typing its new value. */
export function editHelp(typing: Typing): HelpRow[] {
  if (typing.input === undefined) return helpRows(EDIT_KEYS);
  const value = TYPED_KEYS.flatMap((b) => (VALUE_DOES[b.action] ? [{ ...b, does: VALUE_DOES[b.action]! }] : []));
  return helpRows([...value, ...EDIT_KEYS.filter((b) => b.action === 'help' || b.action === 'quit')]);
}

const noInput = (text: string) =>
  `No input starts with “${visibleLine(text)}”: ${keyOf(EDIT_KEYS, 'erase')} erases, ${keyOf(EDIT_KEYS, 'cancel')} cancels.`;

/** An input as the typing line names it: its name, its role where the lesson has data, its value. */
function shownInput(scenario: Scenario, name: string): string {
  const role = roleOf(scenario, name);
  return `${visibleLine(name)}${role ? ` (${role})` : ''} = ${num(inputValue(scenario, name))}`;
}

/** The line in place of the footer while explore has something to say: the line typed, or what changed. */
export function exploreLine(state: Session, columns: number): string | undefined {
  const explore = state.open?.explore;
  if (!explore) return undefined;
  const scenario = state.open!.scenario;
  const typing = explore.typing;
  if (!typing) return explore.said;
  // A mistake is one line of its own, the text typed in it; the next key brings the line back.
  if (typing.error) return fit(typing.error, columns);
  if (typing.input !== undefined)
    return fit(
      `${shownInput(scenario, typing.input)}, new value: ${typing.text}▏  ${keyOf(TYPED_KEYS, 'submit')} sets, ${keyOf(TYPED_KEYS, 'cancel')} cancels`,
      columns,
    );
  const found = matches(scenario, typing.text);
  const choice = Math.min(typing.choice, found.length - 1);
  // The match Tab is on first, then the ones after it: the line lists as many as fit, each worded only once it
  // is known to be listed (no more names than the line has columns), so 100,000 inputs cost what a few do.
  const names = [...found.slice(choice), ...found.slice(0, choice)].slice(0, columns);
  const head = `Change which input? ${visibleLine(typing.text)}▏`;
  const keys = `  ${footerText(EDIT_KEYS)}`;
  let line = head;
  for (const [i, name] of names.entries()) {
    // Each name only with room left for how many more there are after it: `+40`.
    const left = found.length - i - 1;
    const next = `${line} ${i === 0 ? `▸${shownInput(scenario, name)}` : visibleLine(name)}`;
    if (i > 0 && [...next].length + (left > 0 ? ` +${left}`.length : 0) > columns) {
      line += ` +${found.length - i}`;
      break;
    }
    line = next;
  }
  return fit([...(line + keys)].length <= columns ? line + keys : line, columns);
}

/** A predict-mode answer on an edited lesson: judged as any, kept with the edit only. */
export function answerEdited(state: Session, open: OpenLesson, waiting: Waiting, given: Given): Session {
  const explore = open.explore!;
  const kept = { given, hints: state.hints };
  const where = waiting.again === 'earlier' ? 'retries' : 'answers';
  return withExplore({ ...state, typed: undefined, hints: 0 }, open, { ...explore, [where]: { ...explore[where], [waiting.step]: kept } });
}

/** On the summary of an edited lesson: what its answers count for. */
export function editedNote(open: OpenLesson): string[] {
  if (!open.explore?.file) return [];
  return [
    `You changed this lesson’s values (${keyOf(LESSON_KEYS, 'edit')}): answers in predict mode are judged on yours and not kept in your progress; ${keyOf(LESSON_KEYS, 'restore')} puts the file’s back.`,
  ];
}
