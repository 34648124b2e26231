// Importing one remote product (PRODUCT.md §1, DESIGN rule 8): each remote variant is linked to
// the local variant with its SKU (trimmed, case-insensitive), else its barcode; a match is linked,
// never duplicated, keeps its local stock and is marked for pushing. A product with no match is
// created locally in Unallocated (no group) with the Ecommerce flag on, its description kept, and
// its opening stock taken from the store; a variant with no match inside a linked product joins
// that local product (add-remote-variants.ts). What cannot be imported safely is skipped with a reason.
import type { RemoteProduct, RemoteVariant } from '../../channels/channel.ts';
import type { DatabaseHandle } from '../../db/handle.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { nameKey } from '../../accounts/names.ts';
import { isDomainError } from '../../errors/domain-error.ts';
import { createProductIn } from '../../catalog/products.ts';
import { MAX_ATTRIBUTES } from '../../catalog/product-input.ts';
import type { StoreRow } from '../stores/store-view.ts';
import { insertVariantLink } from '../stores/variant-links.ts';
import { linkWithOpeningStock } from './opening-stock.ts';
import { addRemoteVariants } from './add-remote-variants.ts';

export interface SkippedVariant {
  sku: string;
  reason: string;
}

export interface ProductImportOutcome {
  linked: number;
  created: number;
  skipped: SkippedVariant[];
}

interface LocalMatch {
  variantId: string;
  productId: string;
  productName: string;
}

function skuOf(variant: RemoteVariant): string {
  return variant.sku?.trim() ?? '';
}

async function matchLocalVariant(trx: Executor, accountId: string, variant: RemoteVariant): Promise<LocalMatch | null> {
  const base = trx
    .selectFrom('variant')
    .innerJoin('product', 'product.id', 'variant.product_id')
    .select(['variant.id as variantId', 'product.id as productId', 'product.name as productName'])
    .where('variant.account_id', '=', accountId);
  const bySku = await base.where('variant.sku_key', '=', nameKey(skuOf(variant))).executeTakeFirst();
  if (bySku) return bySku;
  const barcode = variant.barcode?.trim();
  if (!barcode) return null;
  const byBarcode = await base.where('variant.barcode', '=', barcode).limit(2).execute();
  return byBarcode.length === 1 ? byBarcode[0] : null; // an ambiguous barcode matches nothing
}

/** Records the outcome in the same transaction as the import of the product (a resumed job skips it). */
export type RecordOutcome = (db: Executor, outcome: ProductImportOutcome) => Promise<void>;

export async function importRemoteProduct(
  handle: DatabaseHandle,
  store: StoreRow,
  product: RemoteProduct,
  duplicateSkuKeys: ReadonlySet<string>,
  record: RecordOutcome = async () => undefined,
): Promise<ProductImportOutcome> {
  const outcome = await importOrReport(handle, store, product, duplicateSkuKeys, record);
  if (outcome.recorded) return outcome.outcome;
  await record(handle.db, outcome.outcome);
  return outcome.outcome;
}

/** Records one product's outcome in the transaction that imported it. */
export type RecordProductOutcome = (db: Executor, product: RemoteProduct, outcome: ProductImportOutcome) => Promise<void>;

/**
 * Several products in one transaction, each with its outcome: a commit per product was a quarter
 * of an import's time. A crash leaves the whole batch unrecorded, so a resumed job imports it again.
 * If the catalogue refuses one product, the batch is rolled back and its products are imported one
 * per transaction, so only the refused product is skipped, as before.
 */
export async function importRemoteProducts(
  handle: DatabaseHandle,
  store: StoreRow,
  products: readonly RemoteProduct[],
  duplicateSkuKeys: ReadonlySet<string>,
  record: RecordProductOutcome,
): Promise<ProductImportOutcome[]> {
  const oneByOne = async () => {
    const outcomes: ProductImportOutcome[] = [];
    for (const product of products) outcomes.push(await importRemoteProduct(handle, store, product, duplicateSkuKeys, (db, outcome) => record(db, product, outcome)));
    return outcomes;
  };
  if (products.length <= 1) return oneByOne();
  try {
    return await inTransaction(handle, async (trx) => {
      const outcomes: ProductImportOutcome[] = [];
      for (const product of products) {
        const plan = planImport(product, duplicateSkuKeys);
        const outcome = plan.settled ?? (await linkOrCreate(trx, store, product, plan.title, plan.eligible, [...plan.skipped]));
        await record(trx, product, outcome);
        outcomes.push(outcome);
      }
      return outcomes;
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return oneByOne();
  }
}

interface ImportPlan {
  title: string;
  skipped: SkippedVariant[];
  eligible: RemoteVariant[];
  /** The outcome when nothing of the product can be imported (no catalogue write). */
  settled: ProductImportOutcome | null;
}

function planImport(product: RemoteProduct, duplicateSkuKeys: ReadonlySet<string>): ImportPlan {
  const title = product.title.trim() || product.handle || product.remoteProductId;
  const skipped: SkippedVariant[] = [];
  if (product.options.length > MAX_ATTRIBUTES) {
    const skippedAll = product.variants.map((variant) => ({
      sku: skuOf(variant),
      reason: `product "${title}" has ${product.options.length} options; Stockroom keeps at most ${MAX_ATTRIBUTES} attributes`,
    }));
    return { title, skipped: skippedAll, eligible: [], settled: { linked: 0, created: 0, skipped: skippedAll } };
  }
  const eligible: RemoteVariant[] = [];
  for (const variant of product.variants) {
    if (!skuOf(variant)) skipped.push({ sku: '', reason: `product "${title}" has a variant with no SKU (${variant.optionValues.join(' / ') || 'its only variant'})` });
    else if (duplicateSkuKeys.has(nameKey(skuOf(variant)))) skipped.push({ sku: skuOf(variant), reason: `the SKU is on more than one variant of the store (product "${title}")` });
    else eligible.push(variant);
  }
  return { title, skipped, eligible, settled: eligible.length === 0 ? { linked: 0, created: 0, skipped } : null };
}

async function importOrReport(
  handle: DatabaseHandle,
  store: StoreRow,
  product: RemoteProduct,
  duplicateSkuKeys: ReadonlySet<string>,
  record: RecordOutcome,
): Promise<{ outcome: ProductImportOutcome; recorded: boolean }> {
  const { title, skipped, eligible, settled } = planImport(product, duplicateSkuKeys);
  if (settled) return { outcome: settled, recorded: false };

  try {
    const outcome = await inTransaction(handle, async (trx) => {
      const done = await linkOrCreate(trx, store, product, title, eligible, [...skipped]);
      await record(trx, done);
      return done;
    });
    return { outcome, recorded: true };
  } catch (error) {
    // The catalogue refused the product as the store has it (e.g. two variants with one combination).
    if (!isDomainError(error)) throw error;
    const refused = eligible.map((variant) => ({ sku: skuOf(variant), reason: `product "${title}": ${error.message}` }));
    return { outcome: { linked: 0, created: 0, skipped: [...skipped, ...refused] }, recorded: false };
  }
}

async function linkOrCreate(
  trx: Executor,
  store: StoreRow,
  product: RemoteProduct,
  title: string,
  eligible: RemoteVariant[],
  skipped: SkippedVariant[],
): Promise<ProductImportOutcome> {
  const accountId = store.account_id;
  const now = nowIso();
  let linked = 0;

  const existingLinks = await trx
    .selectFrom('variant_link')
    .select(['remote_variant_id'])
    .where('store_id', '=', store.id)
    .where('remote_variant_id', 'in', eligible.map((variant) => variant.remoteVariantId))
    .execute();
  const alreadyLinked = new Set(existingLinks.map((row) => row.remote_variant_id));
  linked += alreadyLinked.size;
  const pending = eligible.filter((variant) => !alreadyLinked.has(variant.remoteVariantId));

  const productLink = await trx
    .selectFrom('product_link')
    .innerJoin('product', 'product.id', 'product_link.product_id')
    .select(['product_link.id as id', 'product_link.product_id as productId', 'product.name as productName'])
    .where('product_link.store_id', '=', store.id)
    .where('product_link.remote_product_id', '=', product.remoteProductId)
    .executeTakeFirst();

  const matches = new Map<string, LocalMatch>();
  const unmatched: RemoteVariant[] = [];
  for (const variant of pending) {
    const match = await matchLocalVariant(trx, accountId, variant);
    if (!match) {
      unmatched.push(variant);
      continue;
    }
    const taken = await trx
      .selectFrom('variant_link')
      .select('remote_variant_id')
      .where('store_id', '=', store.id)
      .where('variant_id', '=', match.variantId)
      .executeTakeFirst();
    if (taken) skipped.push({ sku: skuOf(variant), reason: `the local variant with this SKU is already linked to another variant of the store` });
    else matches.set(variant.remoteVariantId, match);
  }

  // The local product this remote product is (or becomes) linked to.
  let target: { id: string; name: string; linkId: string | null } | null = productLink
    ? { id: productLink.productId, name: productLink.productName, linkId: productLink.id }
    : null;
  if (!target && matches.size > 0) {
    const first = [...matches.values()][0];
    const other = await trx
      .selectFrom('product_link')
      .select('remote_product_id')
      .where('store_id', '=', store.id)
      .where('product_id', '=', first.productId)
      .executeTakeFirst();
    if (other) {
      for (const variant of pending.filter((v) => matches.has(v.remoteVariantId))) {
        skipped.push({ sku: skuOf(variant), reason: `its local product "${first.productName}" is already linked to another product of the store` });
      }
      matches.clear();
    } else {
      target = { id: first.productId, name: first.productName, linkId: null };
    }
  }

  if (target) {
    if (!target.linkId) {
      target.linkId = newId();
      await trx
        .insertInto('product_link')
        .values({ id: target.linkId, account_id: accountId, store_id: store.id, product_id: target.id, remote_product_id: product.remoteProductId, handle: product.handle, created_at: now, updated_at: now })
        .execute();
    }
    for (const variant of pending) {
      const match = matches.get(variant.remoteVariantId);
      if (!match) continue;
      if (match.productId !== target.id) {
        skipped.push({ sku: skuOf(variant), reason: `it matches local product "${match.productName}", but the rest of "${title}" matches "${target.name}"` });
        continue;
      }
      // The local stock wins: the link starts dirty so the pusher sends it to the store.
      await insertVariantLink(trx, { store, productLinkId: target.linkId, variantId: match.variantId, remote: variant, knownQuantity: variant.quantity, dirty: true, now });
      linked += 1;
    }
    // What matched nothing here joins the linked local product as new variants, or is reported.
    const added = await addRemoteVariants(trx, store, product, { id: target.id, name: target.name, linkId: target.linkId }, unmatched, skipped);
    return { linked, created: added, skipped };
  }

  if (unmatched.length === 0) return { linked, created: 0, skipped };
  const created = await createLocalProduct(trx, store, product, title, unmatched);
  return { linked, created, skipped };
}

async function freeHandle(trx: Executor, accountId: string, wanted: string | null): Promise<string | undefined> {
  if (!wanted?.trim()) return undefined;
  const taken = await trx.selectFrom('product').select('id').where('account_id', '=', accountId).where('handle', '=', wanted.trim()).executeTakeFirst();
  return taken ? undefined : wanted.trim();
}

async function createLocalProduct(
  trx: Executor,
  store: StoreRow,
  product: RemoteProduct,
  title: string,
  variants: RemoteVariant[],
): Promise<number> {
  const accountId = store.account_id;
  // Only the values the imported variants use, so the catalogue's checks hold.
  const attributes = product.options.map((option, index) => {
    const used = new Set(variants.map((variant) => variant.optionValues[index]));
    return { name: option.name, values: option.values.filter((value) => used.has(value)).concat([...used].filter((value) => !option.values.includes(value))) };
  });
  const local = await createProductIn(trx, accountId, {
    name: title,
    handle: await freeHandle(trx, accountId, product.handle),
    description: product.descriptionHtml ?? '',
    productGroupId: null, // Unallocated: the user finishes group, brand, supplier, type, tax and cost
    ecommerce: true,
    attributes,
    variants: variants.map((variant) => ({
      sku: variant.sku,
      barcode: variant.barcode,
      price: variant.price ?? '0',
      weight: variant.weightKg,
      values: variant.optionValues,
    })),
  });
  const linkId = newId();
  // Linked after the product was written, so the product-update detector sees it in line.
  const linkedAt = nowIso();
  await trx
    .insertInto('product_link')
    .values({ id: linkId, account_id: accountId, store_id: store.id, product_id: local.id, remote_product_id: product.remoteProductId, handle: product.handle, created_at: linkedAt, updated_at: linkedAt })
    .execute();
  const bySku = new Map(local.variants.map((variant) => [nameKey(variant.sku ?? ''), variant.id]));
  for (const variant of variants) {
    const variantId = bySku.get(nameKey(skuOf(variant)));
    if (!variantId) throw new Error(`Imported variant ${skuOf(variant)} was not created`);
    await linkWithOpeningStock(trx, store, linkId, variantId, variant, linkedAt);
  }
  return variants.length;
}
