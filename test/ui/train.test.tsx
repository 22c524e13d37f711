import { afterEach, describe, expect, it } from 'vitest';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

describe('dump', () => {
  it('shows', async () => {
    tutor = await openTutor({ resume: { id: 'neuron-learns', step: 23 }, size: { columns: 80, rows: 24 }, theme: { color: false } });
    console.log(tutor.frame());
    await tutor.type('z');
    console.log(tutor.frame());
    await tutor.type(KEY.tab);
    console.log(tutor.frame());
  });
});
