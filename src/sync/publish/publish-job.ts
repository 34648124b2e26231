// The publish job: each selected product is created on the store as a draft, linked, and its
// stock set. EXACTLY ONCE (DESIGN rule 7): before creating, the job looks for the product by its
// link, then on the store by handle/SKU (channel.findProduct); a crash between "created" and
// "linked", or a second run, finds it there and links it instead of creating it again.
import { ChannelError } from '../../channels/channel.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isDomainError } from '../../errors/domain-error.ts';
import type { JobContext } from '../../jobs/job.ts';
import { recordSyncLog } from '../sync-log/sync-log.ts';
import { openStoreChannel } from '../stores/store-channel.ts';
import type { StoreRow } from '../stores/store-view.ts';
import type { Channel } from '../../channels/channel.ts';
import { linkPublishedProduct } from './link-published.ts';
import { loadSourceProducts } from './local-product-source.ts';
import { buildDraft, fitFor } from './product-draft.ts';

export const PUBLISH_JOB_KIND = 'store-publish';

export interface PublishedProduct {
  productId: string;
  name: string;
}

export interface PublishReport {
  created: PublishedProduct[];
  blocked: Array<PublishedProduct & { reason: string }>;
  failed: Array<PublishedProduct & { reason: string }>;
}

export interface PublishJobPayload {
  storeId: string;
  productIds: string[];
  /** Blocked when the job was planned, carried into its summary. */
  blocked: PublishReport['blocked'];
}

type ProductOutcome = { kind: 'created' | 'adopted' | 'linked-before'; name: string } | { kind: 'blocked'; name: string; reason: string };

async function publishOne(context: JobContext, store: StoreRow, channel: Channel, productId: string): Promise<ProductOutcome> {
  const { handle } = context;
  const product = (await loadSourceProducts(handle.db, store.account_id, [productId])).get(productId);
  if (!product) return { kind: 'blocked', name: productId, reason: 'the product no longer exists' };
  const link = await handle.db.selectFrom('product_link').select('id').where('store_id', '=', store.id).where('product_id', '=', productId).executeTakeFirst();
  if (link) return { kind: 'linked-before', name: product.name };
  const fit = fitFor(product, channel.limits, store);
  if (fit.kind === 'blocked') return { kind: 'blocked', name: product.name, reason: fit.reason };
  const draft = await buildDraft(handle.db, store, product, fit);

  const found = await channel.findProduct(draft);
  const remote = found ?? (await channel.createProduct(draft));
  await inTransaction(handle, async (trx) => {
    const raced = await trx.selectFrom('product_link').select('id').where('store_id', '=', store.id).where('product_id', '=', productId).executeTakeFirst();
    if (raced) return;
    await linkPublishedProduct(trx, store, draft, remote, { quantitiesSet: !found && channel.limits.createSetsQuantities });
  });
  return { kind: found ? 'adopted' : 'created', name: product.name };
}

function reasonOf(error: unknown): string {
  if (error instanceof ChannelError || isDomainError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export async function runPublishJob(context: JobContext): Promise<PublishReport> {
  const payload = context.payload as PublishJobPayload;
  const started = performance.now();
  const { store, channel } = await openStoreChannel(context.handle.db, context.accountId, payload.storeId);
  let done = 0;
  for (const productId of payload.productIds) {
    if (context.signal.aborted) throw context.signal.reason instanceof Error ? context.signal.reason : new Error('stopped');
    const state = await context.itemState(productId);
    if (state === 'done' || state === 'skipped') {
      done += 1;
      continue;
    }
    const name = (await context.handle.db.selectFrom('product').select('name').where('id', '=', productId).executeTakeFirst())?.name ?? productId;
    try {
      const outcome = await publishOne(context, store, channel, productId);
      if (outcome.kind === 'blocked') await context.recordItem(productId, { state: 'skipped', label: outcome.name, reason: outcome.reason });
      else await context.recordItem(productId, { state: 'done', label: outcome.name, result: { productId, name: outcome.name, how: outcome.kind } });
    } catch (error) {
      if (context.signal.aborted) throw error;
      await context.recordItem(productId, { state: 'failed', label: name, reason: reasonOf(error) });
    }
    done += 1;
    await context.setProgress(done, payload.productIds.length);
  }

  const items = await context.items();
  const names = new Map(items.map((item) => [item.item, item.label ?? item.item]));
  const report: PublishReport = {
    created: items.filter((i) => i.state === 'done').map((i) => ({ productId: i.item, name: (i.result as PublishedProduct).name })),
    blocked: [...payload.blocked, ...items.filter((i) => i.state === 'skipped').map((i) => ({ productId: i.item, name: names.get(i.item)!, reason: i.reason ?? '' }))],
    failed: items.filter((i) => i.state === 'failed').map((i) => ({ productId: i.item, name: i.label ?? i.item, reason: i.reason ?? '' })),
  };
  await recordSyncLog(context.handle.db, {
    accountId: context.accountId,
    storeId: store.id,
    kind: 'publish',
    items: payload.productIds.length,
    outcome: report.failed.length === 0 ? 'ok' : report.created.length > 0 ? 'partial' : 'failed',
    durationMs: performance.now() - started,
    error: report.failed.length > 0 ? report.failed.map((f) => `${f.name}: ${f.reason}`).slice(0, 5).join('; ') : null,
    details: { jobId: context.jobId, created: report.created.length, blocked: report.blocked.length, failed: report.failed.length },
  });
  return report;
}
