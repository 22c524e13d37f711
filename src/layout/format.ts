/**
 * Numbers as a learner reads them in a box: about four significant digits,
 * never wider than NUMBER_WIDTH characters, so a box can be sized once and never
 * grow while the learner steps.
 */

/** The widest formatted number, sign included: `-0.7071`, `-1.2e-5`, `-26.5`. */
export const NUMBER_WIDTH = 7;

/** Digits after an optional minus sign. */
const MAGNITUDE_WIDTH = NUMBER_WIDTH - 1;

/** `1.2300` → `1.23`, `2.000e+5` → `2e5`. */
function tidy(text: string): string {
  const [mantissa, exponent] = text.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent.replace('+', '')}`;
}

function fits(text: string): boolean {
  return text.replace(/^-/, '').length <= MAGNITUDE_WIDTH;
}

export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '-∞';
  if (x === 0) return '0'; // and -0, which would only puzzle
  const rounded = Math.round(x);
  // Up to six digits before the point read better whole than as 1.235e4.
  if (Math.abs(x) >= 1000 && Math.abs(rounded) < 1e6) return String(rounded);
  // Fixed notation first at each precision; exponents only when fixed does not fit.
  for (let digits = 4; digits >= 1; digits--) {
    const fixed = x.toPrecision(digits);
    if (!fixed.includes('e') && fits(tidy(fixed))) return tidy(fixed);
    const exponential = tidy(x.toExponential(digits - 1));
    if (fits(exponential)) return exponential;
  }
  return tidy(x.toExponential(0));
}

/** A value, or `·` for one not computed yet, with a slot for the sign so columns of numbers line up. */
export function boxNumber(x: number | undefined): string {
  const text = x === undefined ? '·' : formatNumber(x);
  return text.startsWith('-') ? text : ` ${text}`;
}
