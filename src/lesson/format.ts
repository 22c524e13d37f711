/** Numbers and names as a learner reads them. */

/** Up to six significant digits, no float noise: 2.9000000000000004 → 2.9. */
export function num(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '-∞';
  if (Object.is(x, -0)) return '0';
  const text = String(Number(x.toPrecision(6)));
  return text.includes('e') ? x.toExponential(3).replace(/\.?0+e/, 'e') : text;
}

/** A number as an operand: negative ones in parentheses, `3 + (-5)`. */
export function operandNum(x: number): string {
  const text = num(x);
  return text.startsWith('-') ? `(${text})` : text;
}

/** A signed change: +3.61, -0.2. */
export function signed(x: number): string {
  const text = num(x);
  return x > 0 ? `+${text}` : text;
}

const SIMPLE = /^[A-Za-z_][A-Za-z0-9_]*$|^[0-9.]+$/;

/** A generated name such as `a*b` needs parentheses inside another expression or a ∂. */
export function wrap(name: string): string {
  return SIMPLE.test(name) ? name : `(${name})`;
}

/** ∂top/∂name, with compound names wrapped: ∂z/∂(a*b). */
export function partial(top: string, name: string): string {
  return `∂${wrap(top)}/∂${wrap(name)}`;
}

/** Pad cells into aligned columns for the plain tables of check, nudge and summary. */
export function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
}
