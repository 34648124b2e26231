// What a listing says about its total (decision 34). Without a text search every count is served by
// an index and is exact. With one, counting means reading every matching row (a term in a fifth of
// 100,000 variants cost more than the page), so counting stops past COUNT_CAP matches and the total
// becomes "more than N". The page is fetched with one extra row, which says whether another page
// follows; a page that reaches the end of the matches makes the total exact again.

/** A text search counts matches up to this many; past it the total is a lower bound. */
export const COUNT_CAP = 1000;

export interface ListTotal {
  /** the number of matches when `totalIsExact`; otherwise more than this many match */
  total: number;
  totalIsExact: boolean;
}

export interface PageWindow {
  offset: number;
  pageSize: number;
}

/**
 * `counted`: what the count query answered (at most COUNT_CAP + 1 when `capped`);
 * `fetched`: how many rows the page query returned when asked for pageSize + 1.
 */
export function listTotal(counted: number, capped: boolean, window: PageWindow, fetched: number): ListTotal {
  if (!capped || counted <= COUNT_CAP) return { total: counted, totalIsExact: true };
  const { offset, pageSize } = window;
  if (fetched > pageSize) return { total: Math.max(COUNT_CAP, offset + pageSize), totalIsExact: false };
  if (fetched > 0) return { total: offset + fetched, totalIsExact: true };
  // A page past the end: all we know is what the count saw.
  return { total: COUNT_CAP, totalIsExact: false };
}
