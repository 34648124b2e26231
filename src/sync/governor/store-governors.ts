// The process-wide set of governors, one per store, so every request to a store (push, orders,
// import, reconcile) spends the same budget.
import { StoreRequestGovernor } from './request-governor.ts';
import type { Clock } from './clock.ts';

const governors = new Map<string, StoreRequestGovernor>();

export function governorForStore(storeId: string, clock?: Clock): StoreRequestGovernor {
  let governor = governors.get(storeId);
  if (!governor) {
    governor = new StoreRequestGovernor(clock);
    governors.set(storeId, governor);
  }
  return governor;
}

/** The store's governor if this process has one (it has spoken to the store), without making one. */
export function existingStoreGovernor(storeId: string): StoreRequestGovernor | undefined {
  return governors.get(storeId);
}

export function forgetStoreGovernor(storeId: string): void {
  governors.delete(storeId);
}
