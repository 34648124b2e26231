// Reads request fields the way the WordPress REST schema does. Strict (a single request): a
// value of the wrong type is refused with 400. Lenient (an item of a batch, which WooCommerce
// does not validate against the schema): the value is coerced as PHP would.
import { invalidParam } from './woo-error.ts';

export type InputMode = 'strict' | 'lenient';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class InputReader {
  constructor(
    readonly input: Record<string, unknown>,
    readonly mode: InputMode,
  ) {}

  has(name: string): boolean {
    return this.input[name] !== undefined;
  }

  string(name: string): string | undefined {
    const v = this.input[name];
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    if (this.mode === 'lenient' && (typeof v === 'number' || typeof v === 'boolean')) return typeof v === 'boolean' ? (v ? '1' : '') : String(v);
    if (this.mode === 'lenient') return undefined;
    throw invalidParam(name, `${name} is not of type string.`);
  }

  boolean(name: string): boolean | undefined {
    const v = this.input[name];
    if (v === undefined) return undefined;
    // rest_sanitize_boolean's accepted spellings.
    if (v === true || v === 'true' || v === '1' || v === 1) return true;
    if (v === false || v === 'false' || v === '0' || v === 0) return false;
    if (this.mode === 'lenient') return Boolean(v);
    return this.refuse(name, 'boolean');
  }

  /** Integers: a JSON integer or a string of digits; anything else is rest_invalid_type. */
  integer(name: string): number | undefined {
    const v = this.input[name];
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
    if (this.mode === 'lenient') {
      const n = Math.trunc(Number(v));
      return Number.isFinite(n) ? n : 0;
    }
    throw invalidParam(name, `${name} is not of type integer.`, 'rest_invalid_type');
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.input[name];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    if (this.mode === 'lenient') return undefined;
    throw invalidParam(name, `${name} is not one of ${allowed.join(', ')}.`);
  }

  /** Prices are strings; WooCommerce keeps only digits, '.' and '-' ("12,50" → "1250"). */
  price(name: string): string | undefined {
    const v = this.input[name];
    if (v === undefined) return undefined;
    let text: string;
    if (typeof v === 'string') text = v;
    else if (this.mode === 'lenient' && typeof v === 'number') text = String(v);
    else if (this.mode === 'lenient') return undefined;
    else throw invalidParam(name, `${name} is not of type string.`);
    return text.replace(/[^0-9.-]/g, '');
  }

  objects(name: string): Record<string, unknown>[] | undefined {
    const v = this.input[name];
    if (v === undefined) return undefined;
    if (Array.isArray(v)) return v.filter(isObject);
    if (this.mode === 'lenient') return undefined;
    throw invalidParam(name, `${name} is not of type array.`);
  }

  object(name: string): Record<string, unknown> | undefined {
    const v = this.input[name];
    if (v === undefined || v === null) return undefined;
    if (isObject(v)) return v;
    if (this.mode === 'lenient') return undefined;
    throw invalidParam(name, `${name} is not of type object.`);
  }

  private refuse(name: string, type: string): never {
    throw invalidParam(name, `${name} is not of type ${type}.`);
  }
}

export { isObject };
