// BigCommerce applies absolute inventory adjustments asynchronously: it answers 200 with a
// transaction id, and a read right after may still show the old figure. The connector remembers
// what it wrote (per store and location, in this process) for a short while, and a quantity read
// that disagrees with a recent write waits briefly for the store to catch up, so a reconcile that
// follows a push does not report the push itself as drift. A figure that still disagrees after
// the window (a sale in between) is returned as the store says it.
export const SETTLE_WINDOW_MS = 5000;
export const SETTLE_POLL_MS = 100;
const PRUNE_ABOVE = 10_000;

interface PendingWrite {
  quantity: number;
  until: number;
}

const pendingByStore = new Map<string, Map<string, PendingWrite>>();

export function recordWrites(storeKey: string, writes: Array<{ inventoryRef: string; quantity: number }>, now = Date.now()): void {
  let pending = pendingByStore.get(storeKey);
  if (!pending) {
    pending = new Map();
    pendingByStore.set(storeKey, pending);
  }
  // Writes nobody reads back expire here rather than piling up.
  if (pending.size > PRUNE_ABOVE) for (const [ref, write] of pending) if (write.until <= now) pending.delete(ref);
  for (const write of writes) pending.set(write.inventoryRef, { quantity: write.quantity, until: now + SETTLE_WINDOW_MS });
}

/**
 * Refs among these readings whose recent write has not shown yet. Settled and expired writes are
 * forgotten. Returns the latest deadline to wait for, or null when nothing is outstanding.
 */
export function unsettled(storeKey: string, readings: Array<{ inventoryRef: string; quantity: number | null }>, now = Date.now()): number | null {
  const pending = pendingByStore.get(storeKey);
  if (!pending) return null;
  let deadline: number | null = null;
  for (const reading of readings) {
    const write = pending.get(reading.inventoryRef);
    if (!write) continue;
    if (write.until <= now || reading.quantity === write.quantity) {
      pending.delete(reading.inventoryRef);
      continue;
    }
    deadline = Math.max(deadline ?? 0, write.until);
  }
  if (pending.size === 0) pendingByStore.delete(storeKey);
  return deadline;
}

/** Reads, and while a recent write has not shown, reads again (bounded by the settle window). */
export async function readSettled<P extends { readings: Array<{ inventoryRef: string; quantity: number | null }> }>(storeKey: string, read: () => Promise<P>): Promise<P> {
  for (;;) {
    const page = await read();
    const deadline = unsettled(storeKey, page.readings);
    if (deadline === null || Date.now() >= deadline) return page;
    await new Promise((resolve) => setTimeout(resolve, Math.min(SETTLE_POLL_MS, deadline - Date.now())));
  }
}
