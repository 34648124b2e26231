import { describe, expect, it } from 'vitest';
import type { Store } from '../api/types.ts';
import { fitFor } from './storeFit.ts';

const shopify: Store = {
  id: 's1',
  platform: 'shopify',
  name: 'Web shop',
  url: 'http://x',
  attributePolicy: 'merge',
  limits: { maxOptions: 3, maxVariants: 2048, quantityBatchSize: 250, rateBudget: { kind: 'cost-bucket', maximum: 2000, restorePerSecond: 100 } },
};
const bigcommerceLimits: Store['limits'] = { maxOptions: 5, maxVariants: 600, quantityBatchSize: 2000, rateBudget: { kind: 'request-window', quota: 150, windowMs: 30_000 } };

describe('fitFor', () => {
  it('says Shopify merges more than 3 attributes under the merge policy', () => {
    expect(fitFor(shopify, 5, 32)).toMatchObject({ verdict: 'merged', message: 'Shopify (Web shop): 5 attributes — will be merged into 3 options.' });
  });

  it('says blocked under the skip policy, and for too many variants whatever the policy', () => {
    expect(fitFor({ ...shopify, attributePolicy: 'skip' }, 4, 16).verdict).toBe('blocked');
    expect(fitFor(shopify, 2, 2049)).toMatchObject({ verdict: 'blocked', message: expect.stringContaining('2049 variants') });
    expect(fitFor({ ...shopify, platform: 'bigcommerce', name: 'BigCommerce', limits: bigcommerceLimits }, 5, 601).message).toBe(
      'BigCommerce: blocked — 601 variants, the store takes at most 600.',
    );
  });

  it('says fits within the limits', () => {
    expect(fitFor(shopify, 3, 2048)).toMatchObject({ verdict: 'fits', message: 'Shopify (Web shop): fits.' });
  });

  it('goes by the limits the API gives for the store, not by a table of its own', () => {
    expect(fitFor({ ...shopify, limits: { ...shopify.limits!, maxOptions: 5 } }, 5, 32).verdict).toBe('fits');
    expect(fitFor({ ...shopify, limits: undefined }, 5, 5000).verdict).toBe('fits');
  });
});
