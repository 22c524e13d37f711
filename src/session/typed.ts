import { actionFor, keyOf, TYPED_KEYS, type KeyName } from '../keys/index.js';

/** A number being typed as an answer, and what was wrong with the last one sent. */
export interface Typed {
  text: string;
  error?: string;
}

/**
 * A key while a number is typed (a lesson's question, a practice problem):
 * the number sent (`value`), the text as it now stands (`typed`; undefined:
 * back to the choices), or undefined for a key that is no typing key, which
 * the caller decides about.
 */
export function typedKey(typed: Typed, key: KeyName): { value: number } | { typed: Typed | undefined } | undefined {
  switch (actionFor(TYPED_KEYS, key)) {
    case 'submit': {
      const text = typed.text.replace(',', '.').trim();
      const value = Number(text);
      if (text !== '' && Number.isFinite(value)) return { value };
      const error = `“${typed.text}” is not a number: type one such as -1.5 (${keyOf(TYPED_KEYS, 'cancel')}: the choices).`;
      return { typed: { text: typed.text, error } };
    }
    case 'erase':
      return { typed: { text: typed.text.slice(0, -1) } };
    case 'cancel':
      return { typed: undefined };
    case 'type':
      return { typed: typed.text.length < 24 ? { text: typed.text + key } : typed };
    default:
      return undefined;
  }
}
