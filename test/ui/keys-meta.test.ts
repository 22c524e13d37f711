import { describe, expect, it } from 'vitest';
import { keysOf, type InkKey } from '../../src/ui/input.js';

const none: InkKey = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  return: false,
  escape: false,
  tab: false,
  backspace: false,
  delete: false,
  home: false,
  end: false,
  ctrl: false,
  shift: false,
};

describe('keysOf', () => {
  it('takes Alt+letter as no key, so Alt+Q does not quit and Alt+M does not open the menu', () => {
    expect(keysOf('q', { ...none, meta: true })).toEqual([]);
    expect(keysOf('m', { ...none, meta: true })).toEqual([]);
  });
  it('still takes the plain letters, and Alt with an arrow as the arrow', () => {
    expect(keysOf('q', none)).toEqual(['q']);
    expect(keysOf('', { ...none, meta: true, rightArrow: true })).toEqual(['right']);
    expect(keysOf('', { ...none, meta: true, escape: true })).toEqual(['escape']);
  });
});

describe('Shift+arrows', () => {
  it('are keys of their own; the plain arrows stay the arrows', () => {
    expect(keysOf('', { ...none, rightArrow: true, shift: true })).toEqual(['shift-right']);
    expect(keysOf('', { ...none, upArrow: true, shift: true })).toEqual(['shift-up']);
    expect(keysOf('', { ...none, rightArrow: true })).toEqual(['right']);
  });
});
