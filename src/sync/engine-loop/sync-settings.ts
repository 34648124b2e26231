// The sync loop's timings, from the environment (milliseconds).
function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Scheduled reconcile of every store; 0 turns it off. Default every 15 minutes. */
export const reconcileIntervalMs = (): number => fromEnv('STOCKROOM_RECONCILE_EVERY_MS', 15 * 60_000);
/** How often the worker polls each store for orders (webhooks make it sooner). Default 5 s. */
export const orderPollIntervalMs = (): number => fromEnv('STOCKROOM_ORDER_POLL_MS', 5_000);
/** The window after the first dirty mark in which more marks join the same push. Default 75 ms. */
export const coalesceMs = (): number => fromEnv('STOCKROOM_COALESCE_MS', 75);
