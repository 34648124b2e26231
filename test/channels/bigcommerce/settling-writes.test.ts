// The registry of our own recent stock writes that quantity reads wait for (BigCommerce applies
// absolute adjustments asynchronously).
import { describe, expect, it } from 'vitest';
import { recordWrites, SETTLE_WINDOW_MS, unsettled } from '../../../src/channels/bigcommerce/settling-writes.ts';

describe('BigCommerce settling writes', () => {
  it('a reading that does not show a recent write is outstanding until it does or the window passes', () => {
    const store = `store-${Math.random()}`;
    recordWrites(store, [{ inventoryRef: 'variant:1', quantity: 5 }, { inventoryRef: 'variant:2', quantity: 7 }], 1000);
    expect(unsettled(store, [{ inventoryRef: 'variant:1', quantity: 3 }], 1100)).toBe(1000 + SETTLE_WINDOW_MS);
    expect(unsettled(store, [{ inventoryRef: 'variant:1', quantity: 5 }], 1200)).toBeNull(); // shown: forgotten
    expect(unsettled(store, [{ inventoryRef: 'variant:1', quantity: 3 }], 1300)).toBeNull(); // a later change is the store's
    expect(unsettled(store, [{ inventoryRef: 'variant:9', quantity: 3 }], 1300)).toBeNull(); // never written
    expect(unsettled(store, [{ inventoryRef: 'variant:2', quantity: 0 }], 1000 + SETTLE_WINDOW_MS)).toBeNull(); // expired
  });

  it('writes to one store never hold up reads of another', () => {
    recordWrites('store-a', [{ inventoryRef: 'variant:1', quantity: 5 }], 1000);
    expect(unsettled('store-b', [{ inventoryRef: 'variant:1', quantity: 3 }], 1100)).toBeNull();
  });
});
