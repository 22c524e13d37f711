import { describe, expect, it } from 'vitest';
import { stepRate } from '../../src/lesson/index.js';

describe('+ and - on a rate: a larger or smaller step, its sign kept', () => {
  it('a descent rate: + is a larger step down, - a smaller one', () => {
    // The issue: + on -0.05 gave -0.005, a smaller step.
    expect(stepRate(-0.05, 1)).toBe(-0.1);
    expect(stepRate(-0.05, -1)).toBe(-0.02);
    expect(stepRate(-0.5, 1)).toBe(-0.5);
    // Never across zero into ascent.
    expect(stepRate(-0.001, -1)).toBe(-0.001);
  });

  it('an ascent rate: + is a larger step up, - a smaller one', () => {
    expect(stepRate(0.01, 1)).toBe(0.02);
    expect(stepRate(0.01, -1)).toBe(0.005);
    expect(stepRate(0.5, 1)).toBe(0.5);
    expect(stepRate(0.001, -1)).toBe(0.001);
  });

  it('a rate between rungs goes to the next rung its way; one past the ends stays', () => {
    expect(stepRate(-0.03, 1)).toBe(-0.05);
    expect(stepRate(-0.03, -1)).toBe(-0.02);
    // A file's rate smaller than the ladder's smallest is not made larger by -, nor a larger one smaller by +.
    expect(stepRate(0.0001, -1)).toBe(0.0001);
    expect(stepRate(-2, 1)).toBe(-2);
    expect(stepRate(-2, -1)).toBe(-0.5);
  });
});
