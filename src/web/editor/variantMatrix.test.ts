import { describe, expect, it } from 'vitest';
import { buildMatrix, combinations, emptyDraft, suggestSkus } from './variantMatrix.ts';

describe('variant matrix', () => {
  it('has one row per combination, in attribute order', () => {
    expect(combinations([{ name: 'Color', values: ['Red', 'Blue'] }, { name: 'Size', values: ['S', 'M'] }])).toEqual([
      ['Red', 'S'],
      ['Red', 'M'],
      ['Blue', 'S'],
      ['Blue', 'M'],
    ]);
  });

  it('keeps what was typed for a combination when attributes change, drops blanks and duplicates', () => {
    const first = buildMatrix([{ name: 'Color', values: ['Red', 'Blue'] }], []);
    first[1] = { ...first[1], sku: 'TEE-BLUE', price: '12.00' };
    const next = buildMatrix([{ name: 'Color', values: ['Blue', ' ', 'Blue', 'Green'] }, { name: '', values: ['x'] }], first);
    expect(next.map((row) => row.values)).toEqual([['Blue'], ['Green']]);
    expect(next[0]).toMatchObject({ sku: 'TEE-BLUE', price: '12.00' });
    expect(next[1]).toEqual(emptyDraft(['Green']));
  });

  it('keeps the single variant of a product without attributes', () => {
    const only = { ...emptyDraft([]), id: 'v1', sku: 'MUG-1' };
    expect(buildMatrix([], [only])).toEqual([only]);
  });

  it('suggests SKUs only for rows without one', () => {
    const rows = suggestSkus('Tailored trousers', [{ ...emptyDraft(['Navy', '30']) }, { ...emptyDraft(['Grey', '32']), sku: 'KEEP' }]);
    expect(rows.map((r) => r.sku)).toEqual(['TAILOREDTR-NAVY-30', 'KEEP']);
  });
});
