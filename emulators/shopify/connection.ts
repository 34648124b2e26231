// Relay connections with Shopify's cursor paging (first/after, last/before, reverse).
import { shopifyError } from './errors.ts';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

export const MAX_PAGE_SIZE = 250;

type SortKey = Array<string | number>;

function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): SortKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key)) return key;
  } catch {
    // fall through
  }
  throw shopifyError(`Invalid cursor for current pagination sort.`, 'BAD_REQUEST');
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** First index in `items` (sorted ascending by key, or descending when reversed) after `key`. */
function indexAfter<T>(items: T[], keyOf: (t: T) => SortKey, key: SortKey, direction: 1 | -1): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (direction * compareKeys(keyOf(items[mid]), key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ConnectionOptions {
  /** Bulk operations read whole connections without first/last. */
  unlimited?: boolean;
}

/**
 * A connection over `items`, which must already be sorted ascending by `keyOf` (unique keys).
 * Returns plain objects for edges/nodes/pageInfo.
 */
export function connection<T>(
  items: T[],
  keyOf: (t: T) => SortKey,
  toNode: (t: T) => unknown,
  args: PageArgs,
  options: ConnectionOptions = {},
) {
  const { first, last, after, before } = args;
  if (!options.unlimited) {
    if (first == null && last == null) throw shopifyError('you must provide one of first or last', 'BAD_REQUEST');
    if (first != null && last != null) throw shopifyError('providing both first and last is not supported', 'BAD_REQUEST');
  }
  for (const [name, value] of [['first', first], ['last', last]] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw shopifyError(`The value of the argument \`${name}\` must be between 0 and ${MAX_PAGE_SIZE}, inclusive.`, 'BAD_REQUEST');
    }
  }
  const direction: 1 | -1 = args.reverse ? -1 : 1;
  const ordered = args.reverse ? [...items].reverse() : items;
  let start = 0;
  let end = ordered.length;
  if (after) start = indexAfter(ordered, keyOf, decodeCursor(after), direction);
  if (before) {
    // The first index at or past the `before` cursor: the cursor item itself is excluded.
    const beforeKey = decodeCursor(before);
    let lo = start;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (direction * compareKeys(keyOf(ordered[mid]), beforeKey) < 0) lo = mid + 1;
      else hi = mid;
    }
    end = lo;
  }
  let sliceStart = start;
  let sliceEnd = end;
  if (first != null) sliceEnd = Math.min(end, start + first);
  if (last != null) sliceStart = Math.max(start, end - last);
  const page = ordered.slice(sliceStart, sliceEnd);
  const edges = page.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: sliceEnd < end || (before != null && end < ordered.length && first == null),
      hasPreviousPage: sliceStart > start || (after != null && start > 0 && last == null),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
