import { describe, expect, it } from 'vitest';
import { gridRequestToQuery } from './gridQuery.ts';

describe('gridRequestToQuery', () => {
  it('turns the row window into a page of the block size', () => {
    expect(gridRequestToQuery({ startRow: 0, endRow: 100, sortModel: [], filterModel: {} }, 100)).toEqual({ page: 1, pageSize: 100 });
    expect(gridRequestToQuery({ startRow: 300, endRow: 400, sortModel: [], filterModel: {} }, 100)).toMatchObject({ page: 4 });
  });

  it('maps sort, text, group, ecommerce, missing-field and status filters to the list API', () => {
    const query = gridRequestToQuery(
      {
        startRow: 0,
        endRow: 100,
        sortModel: [{ colId: 'productName', sort: 'desc' }],
        filterModel: {
          name: { filterType: 'text', type: 'contains', filter: ' tee ' },
          productGroupId: { value: 'unallocated' },
          ecommerce: { value: 'true' },
          missingFields: { values: ['brand', 'costPrice'] },
          status: { value: 'archived' },
        },
      },
      100,
    );
    expect(query).toEqual({ page: 1, pageSize: 100, sort: 'name:desc', q: 'tee', productGroup: 'unallocated', ecommerce: 'true', missing: 'brand,costPrice', status: 'archived' });
  });

  it('leaves out filters that are empty', () => {
    const query = gridRequestToQuery({ startRow: 0, endRow: 50, sortModel: [], filterModel: { name: { filter: '  ' }, missingFields: { values: [] } } }, 50);
    expect(query).toEqual({ page: 1, pageSize: 50 });
  });
});
