// Query filters shared by the product, variation and order lists.
import { WooError, invalidParam } from '../woo-error.ts';
import { parseQueryDate } from '../dates.ts';

export interface DateBounds {
  modifiedAfter: number | null;
  modifiedBefore: number | null;
  after: number | null;
  before: number | null;
}

function dateParam(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  const seconds = parseQueryDate(raw);
  if (seconds === null) throw invalidParam(name, `Invalid date.`);
  return seconds;
}

export function readDateBounds(query: URLSearchParams): DateBounds {
  return {
    modifiedAfter: dateParam(query, 'modified_after'),
    modifiedBefore: dateParam(query, 'modified_before'),
    after: dateParam(query, 'after'),
    before: dateParam(query, 'before'),
  };
}

export function withinBounds(b: DateBounds, createdS: number, modifiedS: number): boolean {
  if (b.modifiedAfter !== null && !(modifiedS > b.modifiedAfter)) return false;
  if (b.modifiedBefore !== null && !(modifiedS < b.modifiedBefore)) return false;
  if (b.after !== null && !(createdS > b.after)) return false;
  if (b.before !== null && !(createdS < b.before)) return false;
  return true;
}

export const ORDERBY = ['date', 'id', 'include', 'title', 'slug', 'modified', 'menu_order'] as const;
export type OrderBy = (typeof ORDERBY)[number];

export function readOrderBy(query: URLSearchParams, allowed: readonly string[] = ORDERBY): OrderBy {
  const value = query.get('orderby') ?? 'date';
  if (!allowed.includes(value)) throw invalidParam('orderby', `orderby is not one of ${allowed.join(', ')}.`);
  return value as OrderBy;
}

export function idList(query: URLSearchParams, name: string): number[] | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  const ids = raw.split(',').map((s) => s.trim());
  if (ids.some((s) => !/^\d+$/.test(s))) throw invalidParam(name, `${name}[0] is not of type integer.`);
  return ids.map(Number);
}

export const notFound = (code: string): WooError => new WooError(404, code, 'Invalid ID.');
