// Deciding what a publish will do (the dry run shows exactly this) and starting it.
// Products come from --product ids, --flagged (unlinked products with the Ecommerce flag), or the
// saved selection. Each is either to be created, or blocked with the reason.
import type { DatabaseHandle } from '../../db/handle.ts';
import { invalid } from '../../errors/domain-error.ts';
import { enqueueJob } from '../../jobs/job-store.ts';
import { openStoreChannel } from '../stores/store-channel.ts';
import { loadSourceProducts } from './local-product-source.ts';
import { unlinkedProductIds } from './local-products.ts';
import { fitFor } from './product-draft.ts';
import { getSelection } from './selection.ts';
import { PUBLISH_JOB_KIND, type PublishReport, type PublishJobPayload } from './publish-job.ts';

export interface PublishRequest {
  productIds?: string[];
  flagged?: boolean;
  dryRun?: boolean;
}

export interface PublishStart {
  /** What will be created and what is blocked; for a dry run, the whole answer. */
  plan: PublishReport;
  /** The job creating them; null for a dry run or when nothing is to be created. */
  jobId: string | null;
}

export async function planPublish(handle: DatabaseHandle, accountId: string, storeId: string, request: PublishRequest, options: { secret?: string } = {}): Promise<{ plan: PublishReport; toCreate: string[] }> {
  const { store, channel } = await openStoreChannel(handle.db, accountId, storeId, options);
  if (request.flagged && request.productIds?.length) throw invalid('Choose products either by id or by the Ecommerce flag, not both.');
  let ids: string[];
  if (request.productIds?.length) ids = [...new Set(request.productIds)];
  else if (request.flagged) ids = await unlinkedProductIds(handle, accountId, storeId, { flaggedOnly: true });
  else {
    ids = await getSelection(handle, accountId, storeId);
    if (ids.length === 0) throw invalid('Nothing to publish: name products (--product ID or --flagged) or save a selection first.');
  }
  const products = await loadSourceProducts(handle.db, accountId, ids);
  const unknown = ids.find((id) => !products.has(id));
  if (unknown) throw invalid(`There is no product ${unknown}.`);
  const linked = new Set(
    (await handle.db.selectFrom('product_link').select('product_id').where('store_id', '=', storeId).where('product_id', 'in', ids.concat([''])).execute()).map((r) => r.product_id),
  );
  const plan: PublishReport = { created: [], blocked: [], failed: [] };
  const toCreate: string[] = [];
  for (const id of ids) {
    const product = products.get(id)!;
    if (linked.has(id)) {
      plan.blocked.push({ productId: id, name: product.name, reason: 'it is already on the store' });
      continue;
    }
    const fit = fitFor(product, channel.limits, store);
    if (fit.kind === 'blocked') plan.blocked.push({ productId: id, name: product.name, reason: fit.reason });
    else {
      plan.created.push({ productId: id, name: product.name });
      toCreate.push(id);
    }
  }
  return { plan, toCreate };
}

export async function startPublish(handle: DatabaseHandle, accountId: string, storeId: string, request: PublishRequest, options: { secret?: string } = {}): Promise<PublishStart> {
  const { plan, toCreate } = await planPublish(handle, accountId, storeId, request, options);
  if (request.dryRun || toCreate.length === 0) return { plan, jobId: null };
  const payload: PublishJobPayload = { storeId, productIds: toCreate, blocked: plan.blocked };
  const jobId = await enqueueJob(handle, { accountId, kind: PUBLISH_JOB_KIND, storeId, payload });
  return { plan, jobId };
}
