import { actionFor, bindingOf, keyOf, QUIZ_KEYS, TYPED_KEYS, type KeyName } from '../keys/index.js';
import { readRule, RULE_LENGTH, type Given, type LocalRule, type TypedRule } from '../lesson/index.js';

/** A number being typed as an answer, and what was wrong with the last one sent. */
export interface Typed {
  text: string;
  error?: string;
}

/**
 * A key while a number is typed (a lesson's question, a practice problem), or at a local derivative a number or
 * its rule (`rule`): the answer sent (`value`), the text as it now stands (`typed`; undefined: back to the
 * choices), or undefined for a key that is no typing key here, which the caller decides about. A rule that
 * cannot be read stays typed, with the one sentence that says why.
 */
export function typedKey(
  typed: Typed,
  key: KeyName,
  rule?: LocalRule,
  /** What Esc does, as the mistake's sentence says it. */
  back = 'the choices',
): { value: number | TypedRule } | { typed: Typed | undefined } | undefined {
  switch (actionFor(TYPED_KEYS, key)) {
    case 'submit': {
      const text = typed.text.replace(',', '.').trim();
      const value = Number(text);
      if (text !== '' && Number.isFinite(value)) return { value };
      if (rule && text !== '') {
        const read = readRule(rule, typed.text);
        return 'error' in read ? { typed: { text: typed.text, error: read.error } } : { value: { rule: typed.text.trim() } };
      }
      const error = `“${typed.text}” is not a number: type one such as -1.5 (${keyOf(TYPED_KEYS, 'cancel')}: ${back}).`;
      return { typed: { text: typed.text, error } };
    }
    case 'erase':
      return { typed: { text: typed.text.slice(0, -1) } };
    case 'cancel':
      return { typed: undefined };
    case 'type':
    case 'rule': {
      // Letters only where a rule can be typed: elsewhere they wait, as every stray key does.
      if (actionFor(TYPED_KEYS, key) === 'rule' && !rule) return undefined;
      const room = rule ? RULE_LENGTH : 24;
      return { typed: typed.text.length < room ? { text: typed.text + (key === 'space' ? ' ' : key) } : typed };
    }
    default:
      return undefined;
  }
}

/** A question's choices as the keys move through them: its values, and how many hints it has. */
interface Choosing {
  choices: { value: Given | string }[];
  hints: string[];
  answer: Given | string;
}

/**
 * A key while a question's choices wait (a lesson's, a practice problem's): the answer it gives (Enter on the
 * highlighted choice, a choice's number), or what it changes (the highlight, a hint out, a number begun), or
 * undefined for a key that is none of these here, which the caller decides about. Only a number is typed.
 */
export function choiceKey(
  at: { cursor: number; hints: number },
  question: Choosing,
  key: KeyName,
): { given: Given | string } | { change: { cursor?: number; hints?: number; typed?: Typed } } | undefined {
  const count = question.choices.length;
  switch (actionFor(QUIZ_KEYS, key)) {
    case 'down':
      return { change: { cursor: (at.cursor + 1) % count } };
    case 'up':
      return { change: { cursor: (at.cursor - 1 + count) % count } };
    case 'answer':
      return { given: question.choices[Math.min(at.cursor, count - 1)].value };
    case 'hint':
      return { change: { hints: Math.min(question.hints.length, at.hints + 1) } };
    case 'pick': {
      // The nth key of the binding answers with the nth choice; one past the last choice does nothing.
      const choice = bindingOf(QUIZ_KEYS, 'pick').keys.indexOf(key);
      return choice < count ? { given: question.choices[choice].value } : undefined;
    }
    case 'type':
      // Up or down, or a node's name, is no number: the key does what it does elsewhere.
      if (typeof question.answer !== 'number') return undefined;
      // The binding's first key starts an empty number; the others (- .) are its first character.
      return { change: { typed: { text: key === bindingOf(QUIZ_KEYS, 'type').keys[0] ? '' : key } } };
    default:
      return undefined;
  }
}
