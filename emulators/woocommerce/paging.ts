// page / per_page with X-WP-Total and X-WP-TotalPages, and the date-ordering hazard: MySQL
// orders rows with equal dates arbitrarily, and differently for each LIMIT/OFFSET, so paging
// by date can repeat or skip items created in the same second.
import { WooError } from './woo-error.ts';

export interface PageRequest {
  page: number;
  perPage: number;
}

function boundedInteger(params: URLSearchParams, name: string, fallback: number, min: number, max?: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw new WooError(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, {
      params: { [name]: `${name} is not of type integer.` },
    });
  }
  const value = Number(raw);
  if (value < min || (max !== undefined && value > max)) {
    const message =
      max === undefined
        ? `${name} must be greater than or equal to ${min}`
        : `${name} must be between ${min} (inclusive) and ${max} (inclusive)`;
    throw new WooError(400, 'rest_out_of_bounds', message, { params: { [name]: message } });
  }
  return value;
}

export function readPaging(params: URLSearchParams): PageRequest {
  return { page: boundedInteger(params, 'page', 1, 1), perPage: boundedInteger(params, 'per_page', 10, 1, 100) };
}

const tieRank = (id: number, offset: number): number => {
  let h = Math.imul(id ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(offset + 1, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 16)) >>> 0;
};

/**
 * The page of `sorted` (already ordered by `key`); items sharing a key with the page's first or
 * last item are reordered by a hash of their id and the offset, as an unstable ORDER BY would.
 */
export function pageWithTies<T extends { id: number }>(
  sorted: readonly T[],
  { page, perPage }: PageRequest,
  key: ((item: T) => number) | null,
): T[] {
  const start = (page - 1) * perPage;
  const end = Math.min(start + perPage, sorted.length);
  if (start >= sorted.length) return [];
  if (!key) return sorted.slice(start, end);
  let from = start;
  while (from > 0 && key(sorted[from - 1]) === key(sorted[start])) from--;
  let to = end;
  while (to < sorted.length && key(sorted[to]) === key(sorted[end - 1])) to++;
  const window = sorted.slice(from, to);
  const groups: T[][] = [];
  for (const item of window) {
    const last = groups[groups.length - 1];
    if (last && key(last[0]) === key(item)) last.push(item);
    else groups.push([item]);
  }
  const shuffled = groups.flatMap((g) => (g.length > 1 ? [...g].sort((a, b) => tieRank(a.id, start) - tieRank(b.id, start)) : g));
  return shuffled.slice(start - from, end - from);
}

export function pagingHeaders(url: URL, total: number, { page, perPage }: PageRequest): Record<string, string> {
  const pages = Math.ceil(total / perPage);
  const headers: Record<string, string> = { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(pages) };
  const links: string[] = [];
  const at = (n: number): string => {
    const copy = new URL(url);
    copy.searchParams.set('page', String(n));
    for (const name of [...copy.searchParams.keys()]) if (name.startsWith('oauth_')) copy.searchParams.delete(name);
    return copy.toString();
  };
  if (page > 1 && page - 1 <= pages) links.push(`<${at(page - 1)}>; rel="prev"`);
  if (page < pages) links.push(`<${at(page + 1)}>; rel="next"`);
  if (links.length) headers.Link = links.join(', ');
  return headers;
}

/** ?order=asc|desc (default desc). */
export function readOrder(params: URLSearchParams): 'asc' | 'desc' {
  const order = params.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw new WooError(400, 'rest_invalid_param', 'Invalid parameter(s): order', { params: { order: 'order is not one of asc, desc.' } });
  }
  return order;
}
