/**
 * Overview: the graph's introduction. What the lesson is about (the file's
 * title and description), the inputs and their roles, and how to read a box.
 * Its one step shows the whole drawing, even where its text must scroll.
 */
import { isLeaf } from '../../engine/index.js';
import { fewOf, num } from '../format.js';
import { paragraphs, type Lesson, type Step } from '../steps.js';
import { whichLoss } from '../which-loss.js';
import type { PhaseKind } from './kind.js';
import { endsAtSlope } from './slope.js';

export const overview: PhaseKind = {
  phase: 'overview',
  label: 'Overview',
  setup: true,
  screen: { drawing: 'always' },
  steps: (lesson) => [overviewStep(lesson)],
};

/** An expression the overview quotes, cut past this many characters: a sum of 50,000 terms is a megabyte of text. */
const EXPRESSION_SHOWN = 120;

function cutText(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function overviewStep({ scenario, trace }: Lesson): Step {
  const { graph, values } = trace;
  const of = whichLoss(scenario);
  const params = new Set(scenario.params); // includes() per input was quadratic: 3 s at 100,000 nodes
  const data = graph.inputs.filter((name) => !params.has(name));
  const roles =
    data.length === 0
      ? []
      : [
          `Params (what the nudge ${scenario.train ? 'and training move' : 'moves'}): ${fewOf(scenario.params)}. Data (never moved): ${fewOf(data)}.`,
        ];
  const rows = scenario.examples
    ? [
        `The data come in ${scenario.examples.length} examples; the forward and backward pass step through the first, and ${graph.output} is summed over all of them.`,
      ]
    : [];
  const inputs = fewOf(graph.inputs.map((name) => `${name} = ${num(values[name])}`));
  const named = graph.nodes.filter((n) => !n.generated && !isLeaf(n));
  const definitions = named.map((n) => `${n.name} = ${cutText(scenario.expressions[n.name] ?? '', EXPRESSION_SHOWN)}`);
  return {
    phase: 'overview',
    title: 'Overview',
    // A title that is the graph already (b = a + a) is not said twice.
    text: `${scenario.title === definitions.join(', ') ? scenario.title : `${scenario.title}: ${fewOf(definitions)}`}, with ${inputs}.`,
    lines: [
      ...paragraphs(scenario.description ?? ''),
      ...roles,
      ...rows,
      ...(endsAtSlope(scenario)
        ? [`The values flow left to right to ${graph.output}. Each box shows a node's value (v); · marks one not worked out yet.`]
        : [
            `Forward, the values flow left to right to ${graph.output}; backward, the gradients flow right to left.`,
            `Each box shows a node's value (v) and its gradient (g)${of ? ` of ${of.first}` : ''}; · marks one not worked out yet.`,
          ]),
    ],
    highlight: { nodes: [...graph.inputs], edges: [] },
    reached: { forward: 0, backward: -1 },
  };
}
