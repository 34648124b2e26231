// The import job: two passes over the store's catalogue pages. The first counts SKUs, so a SKU
// the store holds on several variants is reported rather than linked to whichever came first;
// the second imports the products in small batches, one transaction each. A checkpoint (phase,
// page cursor) and the per-product items, written in the transaction that imported the product,
// make it resumable after a crash: finished products are not imported twice.
import { nameKey } from '../../accounts/names.ts';
import type { JobContext } from '../../jobs/job.ts';
import { recordSyncLog } from '../sync-log/sync-log.ts';
import { openStoreChannel } from '../stores/store-channel.ts';
import { nowIso } from '../../db/ids.ts';
import { importRemoteProducts, type ProductImportOutcome, type SkippedVariant } from './import-product.ts';
import { ChannelError, type Channel, type CatalogPage, type RemoteProduct } from '../../channels/channel.ts';

export const IMPORT_JOB_KIND = 'store-import';

export interface ImportSummary {
  linked: number;
  created: number;
  skipped: SkippedVariant[];
}

type ImportCheckpoint =
  | { phase: 'scan' }
  | { phase: 'import'; duplicates: string[]; cursor: string | null; pages: number; seen: number; total: number };

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('stopped');
}

/**
 * Products imported per transaction, each recorded with its outcome in it: fewer commits, while
 * a SQLite writer (a till sale) waits behind one batch for a few tens of milliseconds at most.
 */
const PRODUCTS_PER_TRANSACTION = 25;

function itemKeyOf(product: RemoteProduct): string {
  return `product:${product.remoteProductId}`;
}

/** Tries for one page before the job fails on a store that is briefly away. */
const PAGE_ATTEMPTS = 4;

/**
 * One catalogue page, read again after a short wait when the failure is one the store recovers
 * from (5xx, time-out, 429, a dropped connection — e.g. a keep-alive socket the store closed while
 * the previous page was being written here, which on a loaded machine takes longer than its idle
 * timeout). Without this, a large import failed on every resume at the next slow page.
 */
async function readCatalogPage(channel: Channel, cursor: string | null, signal: AbortSignal): Promise<CatalogPage> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await channel.listCatalog(cursor);
    } catch (error) {
      if (!(error instanceof ChannelError) || !error.retryable || attempt >= PAGE_ATTEMPTS) throw error;
      const waitMs = Math.max(error.retryAfterMs ?? 0, 250 * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      throwIfAborted(signal);
    }
  }
}

/**
 * A page at a saved cursor. A cursor the store no longer accepts (its export expired while the job
 * was down) means: read again from the start; finished products are skipped.
 */
async function readResumedPage(channel: Channel, cursor: string | null, signal: AbortSignal): Promise<CatalogPage> {
  try {
    return await readCatalogPage(channel, cursor, signal);
  } catch (error) {
    if (cursor === null || !(error instanceof ChannelError) || error.retryable) throw error;
    return readCatalogPage(channel, null, signal);
  }
}

export async function runImportJob(context: JobContext): Promise<ImportSummary> {
  const { handle, accountId, signal } = context;
  const storeId = context.storeId ?? (context.payload as { storeId: string }).storeId;
  const started = performance.now();
  const { store, channel } = await openStoreChannel(handle.db, accountId, storeId);
  let checkpoint = (context.checkpoint as ImportCheckpoint | null) ?? { phase: 'scan' };

  // The scan keeps its first page, so the import pass continues the same export from page two.
  let firstPage: CatalogPage | null = null;
  if (checkpoint.phase === 'scan') {
    const counts = new Map<string, number>();
    let cursor: string | null = null;
    let products = 0;
    do {
      throwIfAborted(signal);
      const page = await readCatalogPage(channel, cursor, signal);
      firstPage ??= page;
      for (const product of page.products) {
        products += 1;
        for (const variant of product.variants) {
          const sku = variant.sku?.trim();
          if (sku) counts.set(nameKey(sku), (counts.get(nameKey(sku)) ?? 0) + 1);
        }
      }
      cursor = page.nextCursor;
      await context.setProgress(0, products);
    } while (cursor);
    const duplicates = [...counts].filter(([, count]) => count > 1).map(([key]) => key);
    checkpoint = { phase: 'import', duplicates, cursor: null, pages: 0, seen: 0, total: products };
    await context.saveCheckpoint(checkpoint);
  }

  const duplicates = new Set(checkpoint.duplicates);
  const { total } = checkpoint;
  let { cursor, seen, pages } = checkpoint;
  for (;;) {
    throwIfAborted(signal);
    const page: CatalogPage = firstPage ?? (await readResumedPage(channel, cursor, signal));
    firstPage = null;
    const pending: RemoteProduct[] = [];
    for (const product of page.products) {
      if ((await context.itemState(itemKeyOf(product))) !== 'done') pending.push(product);
    }
    for (let start = 0; start < pending.length; start += PRODUCTS_PER_TRANSACTION) {
      throwIfAborted(signal);
      await importRemoteProducts(handle, store, pending.slice(start, start + PRODUCTS_PER_TRANSACTION), duplicates, (db, product, outcome) =>
        context.recordItem(itemKeyOf(product), { state: 'done', label: product.title, result: outcome }, db),
      );
    }
    seen += page.products.length;
    cursor = page.nextCursor;
    pages += 1;
    await context.saveCheckpoint({ phase: 'import', duplicates: checkpoint.duplicates, cursor, pages, seen, total });
    await context.setProgress(seen, Math.max(total, seen));
    if (!cursor) break;
  }

  const summary = summarise((await context.items()).map((item) => item.result as ProductImportOutcome | null));
  await handle.db.updateTable('store').set({ last_sync_at: nowIso(), updated_at: nowIso() }).where('id', '=', store.id).execute();
  await recordSyncLog(handle.db, {
    accountId,
    storeId: store.id,
    kind: 'import',
    items: summary.linked + summary.created + summary.skipped.length,
    outcome: summary.skipped.length > 0 ? 'partial' : 'ok',
    durationMs: performance.now() - started,
    error: summary.skipped.length > 0 ? `${summary.skipped.length} variant(s) skipped` : null,
    details: { jobId: context.jobId, linked: summary.linked, created: summary.created, skipped: summary.skipped.slice(0, 100) },
  });
  return summary;
}

export function summarise(outcomes: Array<ProductImportOutcome | null>): ImportSummary {
  const summary: ImportSummary = { linked: 0, created: 0, skipped: [] };
  for (const outcome of outcomes) {
    if (!outcome) continue;
    summary.linked += outcome.linked;
    summary.created += outcome.created;
    summary.skipped.push(...outcome.skipped);
  }
  return summary;
}
