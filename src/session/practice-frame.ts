/**
 * A practice round on screen, as a lesson frame (the same view draws it): the
 * problem's small graph with the values a learner works from, the question,
 * its choices and the hints asked for; then "how sure were you?"; then the
 * verdict with the graph's gradients; at the end, the round's score and what
 * mastery says of each skill practised.
 */
import { backprop, isLeaf, type Trace } from '../engine/index.js';
import { footerText, keyOf, PRACTICE_DONE_KEYS, PRACTICE_SURE_KEYS, PRACTICE_TOLD_KEYS, QUIZ_KEYS, TYPED_KEYS } from '../keys/index.js';
import { frameGraph, type GraphState, type Highlight } from '../layout/index.js';
import { answerText, askingLines, KINDS, num, verdict, type Given } from '../lesson/index.js';
import { dueDate, isMastered } from '../mastery/index.js';
import { gain, judgeAnswer, SKILLS, type PracticeQuestion, type Problem } from '../practice/index.js';
import { visible, visibleLine } from '../io/visible.js';
import { localDay } from '../io/clock.js';
import type { LessonFrame } from './frame.js';
import { layoutFor } from './lessons.js';
import { planLesson, type DrawingRoom } from './plan.js';
import { outcomeOf, questionOf, roundScore, type PracticeState } from './practice.js';
import { orderOutcome, orderProblem, orderProblemKeys } from './order.js';
import type { Session } from './state.js';

const titleOf = (skill: string) => SKILLS.find((s) => s.id === skill)?.title ?? skill;

const traces = new WeakMap<Problem, Trace>();

/** A problem's passes, worked out once: the frame is built on every key. */
function traceOf(problem: Problem): Trace {
  let trace = traces.get(problem);
  if (!trace) traces.set(problem, (trace = backprop(problem.scenario.graph)));
  return trace;
}

/**
 * What the graph shows before the verdict: for a forward question only the inputs' values (the operations' are
 * what is asked), otherwise every value; the gradients only once the verdict is out.
 */
function shownOf(problem: Problem, question: PracticeQuestion, told: boolean): GraphState {
  const trace = traceOf(problem);
  if (told) return { values: trace.values, grads: trace.grads };
  const values = Object.fromEntries(
    problem.scenario.graph.nodes.filter((n) => isLeaf(n) || question.kind !== 'forward-value').map((n) => [n.name, trace.values[n.name]]),
  );
  return { values, grads: {} };
}

function verdictOf(question: PracticeQuestion, given: Given | string, hints: number): string {
  if (question.kind !== 'backward-order') return verdict(question, given as Given, hints);
  const { outcome, why } = judgeAnswer(question, given, hints);
  if (outcome === 'right') return `Correct: ${question.answer}.`;
  if (outcome === 'helped') return `Correct, with all the hints: ${question.answer}.`;
  return `Not quite: ${why ?? `${given} is not it.`} The answer is ${question.answer}.`;
}

/** The self-test's end: the score, and the gain since the first test, if this is not the first. */
function testLines(round: PracticeState): string[] {
  const of = round.results.length;
  const score = round.results.filter((r) => r.outcome === 'right').length;
  const first = round.test?.first;
  const now = { when: '', score, of };
  const g = first && gain(first, now);
  return [
    `Self-test: ${score} of ${of} right.`,
    ...(first
      ? [
          `Your first self-test (${localDay(new Date(first.when))}): ${first.score} of ${first.of}.`,
          g === undefined
            ? 'Nothing was left to gain: every one right the first time.'
            : `Gain: (${score} − ${first.score}) / (${of} − ${first.score}) = ${num(Number(g.toFixed(2)))}: the share of what was left that you now get right.`,
        ]
      : ['Your first: take it again after lesson 17, and a week later, to see your gain.']),
    `The score is kept; "grad-tutor progress" lists every self-test. ${keyOf(PRACTICE_DONE_KEYS, 'quit')} quits.`,
  ];
}

/** The round's end: the score, and for each skill practised whether it is mastered and when it is due again. */
function doneLines(state: Session, round: PracticeState): string[] {
  if (round.test) return testLines(round);
  const { right, helped, wrong } = roundScore(round);
  const skills = [...new Set(round.results.map((r) => r.skill))];
  const rows = skills.map((skill) => {
    const record = state.skills[skill];
    // With the time: a miss is due again in minutes, and a date alone would read as "today, whenever".
    const due = record && dueDate(record);
    const when = due
      ? `next review ${localDay(due)} ${String(due.getHours()).padStart(2, '0')}:${String(due.getMinutes()).padStart(2, '0')}`
      : 'not recorded';
    return `  ${titleOf(skill)}: ${isMastered(record) ? 'mastered' : `streak ${record?.streak ?? 0}`}, ${when}`;
  });
  return [
    `${right} right, ${helped} with every hint, ${wrong} missed, of ${round.results.length}.`,
    ...(rows.length > 0 ? ['By skill:', ...rows] : []),
    `Mastered: three right in a row, on two days or more. "grad-tutor progress" shows every skill; ${keyOf(PRACTICE_DONE_KEYS, 'quit')} quits.`,
  ];
}

/** Under a verdict: whether the problem comes back this round, and how sure the learner said they were. */
function toldAfter(state: Session, round: PracticeState, problem: Problem): string[] {
  const outcome = orderOutcome(state, problem) ?? outcomeOf(questionOf(problem), round.given!, state.hints);
  return [
    ...(outcome !== 'right' && round.again.includes(problem.skill) ? ['It comes back at the end of this round, with new numbers.'] : []),
    ...(round.test
      ? []
      : [`${round.sure ? 'You were sure' : 'You were not sure'}: the next review of this skill is scheduled by that and by the verdict.`]),
  ];
}

export function practiceFrame(state: Session, round: PracticeState, columns: number, rows: number): LessonFrame {
  const problem = round.problems[Math.min(round.at, round.problems.length - 1)];
  const counter = `problem ${Math.min(round.at + 1, round.problems.length)}/${round.problems.length}`;
  const base = {
    kind: 'lesson' as const,
    width: columns,
    counter,
    phase: 'practice',
    phases: ['practice'],
    cursor: state.cursor,
  };
  if (round.stage === 'done' || !problem) {
    const lines = [round.test ? '▸ Self-test over' : '▸ Round over', ...doneLines(state, round)].map(visibleLine);
    const plan = planLesson(lines, 0, undefined, columns, rows);
    return {
      ...base,
      arrangement: plan.arrangement,
      title: round.test ? 'Self-test' : 'Practice',
      legend: [],
      text: { lines: plan.panel, scroll: plan.scroll, scrollLimit: plan.scrollLimit, width: plan.textWidth },
      choices: [],
      footer: footerText(PRACTICE_DONE_KEYS, columns),
      spoken: lines,
    };
  }
  const question = questionOf(problem);
  const told = round.stage === 'told';
  // A problem asked as the ordering task (src/session/order.ts): its own lines, numbers on the drawing and keys.
  const task = orderProblem(state, round, problem);
  // The title names the skill; the heading, what kind of answer is asked for.
  const kind = KINDS.find(([k]) => k === question.kind)?.[1] ?? 'backward order';
  const heading = `▸ ${kind[0].toUpperCase()}${kind.slice(1)}`;
  const text = task
    ? [...task.lines, ...(told ? toldAfter(state, round, problem) : [])]
    : round.stage === 'ask'
      ? askingLines(question, state.hints, state.typed)
      : round.stage === 'sure'
        ? [
            question.prompt,
            `Your answer: ${answerText(round.given as Given)}.`,
            `Before you see: were you sure? ${keyOf(PRACTICE_SURE_KEYS, 'sure')} sure, ${keyOf(PRACTICE_SURE_KEYS, 'unsure')} not sure.`,
          ]
        : [verdictOf(question, round.given!, state.hints), ...toldAfter(state, round, problem)];
  const lines = [heading, ...text].map((l) => visible(l));
  const choices = round.stage === 'ask' && !task ? question.choices.map((c, i) => `${i + 1}. ${answerText(c.value as Given)}`) : [];
  const graph = problem.scenario.graph;
  const hinted = state.hints >= 2 && question.hintNode ? [question.hintNode] : [];
  const highlight: Highlight = task?.highlight ?? { nodes: hinted, edges: [], ...(hinted.length ? { current: hinted[0] } : {}) };
  const shown = task?.shown ?? shownOf(problem, question, told);
  const layouts = { full: () => layoutFor(graph, false), compact: () => layoutFor(graph, true) };
  const room: DrawingRoom = {
    draw: (width, height) => frameGraph(layouts, shown, highlight, width, height),
    width: layouts.full().width,
    minimum: 6,
    // The graph is the problem: shown even where the text must scroll for it.
    needed: true,
  };
  let plan = planLesson(lines, choices.length, room, columns, rows, { from: 0, keys: false });
  if (!plan.drawing) {
    // No room for the graph (60×16): the values it would show, in a line under the heading, so the question can be worked.
    const values = graph.nodes.filter((n) => shown.values[n.name] !== undefined && n.op !== 'const');
    const given = visible(`Values: ${values.map((n) => `${n.name} = ${num(shown.values[n.name]!)}`).join(', ')}.`);
    plan = planLesson([lines[0], given, ...lines.slice(1)], choices.length, undefined, columns, rows, { from: 0, keys: false });
  }
  const footer =
    round.stage === 'ask'
      ? footerText(
          state.typed
            ? TYPED_KEYS
            : task
              ? orderProblemKeys(problem)
              : [...QUIZ_KEYS.filter((b) => b.action !== 'skip' && (b.action !== 'hint' || !round.test)), ...PRACTICE_DONE_KEYS],
          columns,
        )
      : footerText(round.stage === 'sure' ? PRACTICE_SURE_KEYS : PRACTICE_TOLD_KEYS, columns);
  return {
    ...base,
    arrangement: plan.arrangement,
    title: visibleLine(`${round.test ? 'Self-test' : 'Practice'}: ${titleOf(problem.skill)}`).slice(
      0,
      Math.max(0, columns - counter.length - 2),
    ),
    drawing: plan.drawing,
    legend: plan.legend,
    text: { lines: plan.panel, scroll: plan.scroll, scrollLimit: plan.scrollLimit, width: plan.textWidth },
    choices,
    footer,
    spoken: [...lines, ...(choices.length ? [`Choices: ${choices.join(', ')}.`] : []), `Keys: ${footer}.`],
  };
}
