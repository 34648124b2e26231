// Turns what the Infinite Row Model asks for (a row window, a sort model, a filter model) into
// the list API's query parameters: page/pageSize, sort=field:dir, q, productGroup, ecommerce, missing,
// status (no status filter: the API's default, every product not archived).
import type { Query } from '../api/client.ts';

export interface GridRequest {
  startRow: number;
  endRow: number;
  sortModel: { colId: string; sort: 'asc' | 'desc' }[];
  filterModel: Record<string, unknown>;
}

/** Grid column ids whose sort key in the API has another name. */
const sortKeys: Record<string, string> = { productName: 'name' };

/** Grid column ids whose text filter becomes the API's free-text `q`. */
const textSearchColumns = ['name', 'sku', 'productName', 'barcode'];

export function gridRequestToQuery(request: GridRequest, blockSize: number): Query {
  const query: Query = {
    page: Math.floor(request.startRow / blockSize) + 1,
    pageSize: blockSize,
  };
  const sort = request.sortModel[0];
  if (sort) query.sort = `${sortKeys[sort.colId] ?? sort.colId}:${sort.sort}`;

  const filters = request.filterModel ?? {};
  const texts: string[] = [];
  for (const column of textSearchColumns) {
    const model = filters[column] as { filter?: unknown } | undefined;
    if (model && typeof model.filter === 'string' && model.filter.trim()) texts.push(model.filter.trim());
  }
  if (texts.length) query.q = texts.join(' ');

  const group = filters.productGroupId as { value?: string } | undefined;
  if (group?.value) query.productGroup = group.value;

  const ecommerce = filters.ecommerce as { value?: string } | undefined;
  if (ecommerce?.value) query.ecommerce = ecommerce.value;

  const missing = filters.missingFields as { values?: string[] } | undefined;
  if (missing?.values?.length) query.missing = missing.values.join(',');

  const status = filters.status as { value?: string } | undefined;
  if (status?.value) query.status = status.value;

  return query;
}
