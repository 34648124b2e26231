// Exact decimal text <-> scaled integers, for money (minor units), quantities (thousandths) and
// weights (grams). Never goes through binary floating point for the digits it keeps.
import { invalid } from '../errors/domain-error.ts';

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * Parses "12.5", "-3", ".25" or a JSON number into an integer scaled by 10^scale.
 * Refuses more decimals than `scale`, and anything that is not a plain decimal. `what` names the
 * value in the error ("price", "quantity").
 */
export function parseScaled(value: string | number, scale: number, what: string): number {
  const text = typeof value === 'number' ? numberText(value, what) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw invalid(`The ${what} "${String(value).trim()}" is not a number.`);
  const [, sign, whole, fraction = ''] = match;
  const trimmedFraction = fraction.replace(/0+$/, '');
  if (trimmedFraction.length > scale) {
    throw invalid(`The ${what} "${text}" has more than ${scale} decimal place${scale === 1 ? '' : 's'}.`);
  }
  const digits = (whole || '0') + trimmedFraction.padEnd(scale, '0');
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) throw invalid(`The ${what} "${text}" is too large.`);
  return sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

function numberText(value: number, what: string): string {
  if (!Number.isFinite(value)) throw invalid(`The ${what} must be a finite number.`);
  const text = String(value);
  if (/e/i.test(text)) {
    // 1e21 or 1e-7: beyond what we store either way.
    throw invalid(`The ${what} ${text} is out of range.`);
  }
  return text;
}

/** 1250 at scale 2 → "12.50"; at scale 3 with trim → "1.25". */
export function formatScaled(value: number, scale: number, options: { trimZeros?: boolean } = {}): string {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = scale > 0 ? digits.slice(digits.length - scale) : '';
  if (options.trimZeros) fraction = fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export const MONEY_SCALE = 2;
export const QUANTITY_SCALE = 3;

export function parseMoney(value: string | number, what = 'price'): number {
  const minor = parseScaled(value, MONEY_SCALE, what);
  if (minor < 0) throw invalid(`The ${what} cannot be negative.`);
  return minor;
}

export function formatMoney(minor: number): string {
  return formatScaled(minor, MONEY_SCALE);
}

export function parseQuantity(value: string | number, what = 'quantity'): number {
  return parseScaled(value, QUANTITY_SCALE, what);
}

/** thousandths → a JSON number (exact for every value with ≤ 3 decimals) */
export function quantityNumber(milli: number): number {
  return Number(formatScaled(milli, QUANTITY_SCALE, { trimZeros: true }));
}

/** kilograms (as in the CSV) → grams */
export function parseWeightKg(value: string | number): number {
  const grams = parseScaled(value, 3, 'weight');
  if (grams < 0) throw invalid('The weight cannot be negative.');
  return grams;
}

export function formatWeightKg(grams: number): string {
  return formatScaled(grams, 3, { trimZeros: true });
}
