/** How an exported script writes a number: Python literals that read back to the same double. */

/** A number as a Python float literal that reads back to the same double: JavaScript's shortest round-trip digits are Python's too. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (x === Infinity) return "float('inf')";
  if (x === -Infinity) return "-float('inf')";
  if (Object.is(x, -0)) return '-0.0';
  const digits = String(x);
  return /[.e]/.test(digits) ? digits : `${digits}.0`;
}

/** A literal as an operand: negative ones in parentheses, so `(-3.0) ** x` is not read as `-(3.0 ** x)`. */
export function pythonOperand(x: number): string {
  const text = pythonFloat(x);
  return text.startsWith('-') ? `(${text})` : text;
}
