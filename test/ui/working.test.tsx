import { afterEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/engine/index.js';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

/** A stand-in for the worker: every graph is "large", and its layout is done when the test says so. */
function heldLayout() {
  const held: { graph: Graph; done: () => void }[] = [];
  return {
    held,
    layOutFirst: (graph: Graph, done: () => void) => {
      held.push({ graph, done });
      return `Working… laying out the drawing: ${graph.nodes.length} boxes and pieces of line.`;
    },
  };
}

/** The menu's last entry, "Type your own graph…", then an expression and its values. */
async function typeGraph(expression: string, values: string) {
  await tutor!.type(KEY.up);
  await tutor!.type(KEY.enter);
  await tutor!.type(expression);
  await tutor!.type(KEY.enter);
  await tutor!.type(values);
  await tutor!.type(KEY.enter);
}

describe('a lesson whose drawing takes a while', () => {
  it('says the tutor is working, takes no other key meanwhile, and opens once laid out', async () => {
    const work = heldLayout();
    tutor = await openTutor({ layOutFirst: work.layOutFirst });
    await typeGraph('z = a * b + a', 'a=3 b=-5');
    // a, b, a*b and z: the typed graph, handed over to be laid out.
    expect(work.held.map((h) => h.graph.nodes.length)).toEqual([4]);
    expect(tutor.frame()).toContain('Working… laying out the drawing: 4 boxes and pieces of line.');
    expect(tutor.frame()).toContain('q quits.');
    await tutor.type(KEY.right, 'j', KEY.escape);
    expect(tutor.state()).toMatchObject({ quit: false, working: expect.stringContaining('Working…') });
    work.held[0].done();
    await tutor.type('');
    expect(tutor.state()).toMatchObject({ screen: 'lesson', step: 0, working: undefined });
    expect(tutor.frame()).toContain('z = a * b + a');
    expect(tutor.frame()).not.toContain('Working…');
  });

  it('quits on q while it works', async () => {
    const work = heldLayout();
    tutor = await openTutor({ layOutFirst: work.layOutFirst });
    await typeGraph('z = a * b', 'a=2 b=4');
    expect(tutor.frame()).toContain('Working…');
    await tutor.type('q');
    expect(tutor.state().quit).toBe(true);
  });

  it('quits on Ctrl+C while it works', async () => {
    const work = heldLayout();
    tutor = await openTutor({ layOutFirst: work.layOutFirst });
    await typeGraph('z = a * b', 'a=2 b=4');
    await tutor.type(KEY.ctrlC);
    expect(tutor.state().quit).toBe(true);
  });
});
