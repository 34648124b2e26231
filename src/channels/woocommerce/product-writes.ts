// Creating and updating products on WooCommerce: always as drafts, variable products with their
// attributes and variations (through products/{id}/variations/batch, 100 at a time), stock managed
// in the same request. Batch items skip WooCommerce's own field validation, so we validate first,
// and every per-item error inside a 200 answer is read.
import { z } from 'zod';
import { ChannelError, type ChannelLimits, type ProductDraft, type ProductUpdateResult, type RemoteProduct, type VariantDraft } from '../channel.ts';
import { matchLinkedVariants } from '../linked-variant-match.ts';
import { loadProduct } from './catalog-reader.ts';
import { batchResponseSchema, productSchema, type WooBatchItem, type WooVariation } from './payloads.ts';
import { toRemoteProduct, variationOptions } from './remote-product.ts';
import type { WooRestClient } from './rest-client.ts';

const BATCH_LIMIT = 100;
const PRICE = /^\d+(\.\d+)?$/;

function validateDraft(draft: ProductDraft, limits: ChannelLimits): void {
  const problems: string[] = [];
  if (draft.options.length > limits.maxOptions) problems.push(`it has ${draft.options.length} attributes and this store takes at most ${limits.maxOptions}`);
  if (draft.variants.length > limits.maxVariants) problems.push(`it has ${draft.variants.length} variants and this store takes at most ${limits.maxVariants}`);
  if (draft.title.trim() === '') problems.push('the title is empty');
  if (draft.options.length === 0 && draft.variants.length !== 1) problems.push('a product without attributes must have exactly one variant');
  for (const variant of draft.variants) {
    if (!PRICE.test(variant.price)) problems.push(`price "${variant.price}" of ${variant.sku} is not a decimal with a dot`);
    if (!Number.isInteger(variant.quantity)) problems.push(`quantity ${variant.quantity} of ${variant.sku} is not a whole number`);
    if (variant.weightKg !== null && !PRICE.test(variant.weightKg)) problems.push(`weight "${variant.weightKg}" of ${variant.sku} is not a decimal`);
    if (variant.optionValues.length !== draft.options.length) problems.push(`${variant.sku} does not have one value per attribute`);
  }
  if (problems.length > 0) throw new ChannelError('invalid', `Cannot send this product to WooCommerce: ${problems.join('; ')}.`);
}

function itemErrors(items: WooBatchItem[] | undefined, labels: string[]): string[] {
  return (items ?? []).flatMap((item, index) => (item.error ? [`${labels[index] ?? `item ${index + 1}`}: ${item.error.message}`] : []));
}

async function variationBatch(
  client: WooRestClient,
  productId: number,
  create: Array<{ body: Record<string, unknown>; label: string }>,
  update: Array<{ body: Record<string, unknown>; label: string }>,
): Promise<string[]> {
  const errors: string[] = [];
  const rows = [...create.map((row) => ({ ...row, kind: 'create' as const })), ...update.map((row) => ({ ...row, kind: 'update' as const }))];
  for (let start = 0; start < rows.length; start += BATCH_LIMIT) {
    const chunk = rows.slice(start, start + BATCH_LIMIT);
    const creates = chunk.filter((r) => r.kind === 'create');
    const updates = chunk.filter((r) => r.kind === 'update');
    const body: Record<string, unknown> = {};
    if (creates.length > 0) body.create = creates.map((r) => r.body);
    if (updates.length > 0) body.update = updates.map((r) => r.body);
    const answer = await client.request('POST', `products/${productId}/variations/batch`, batchResponseSchema, { body });
    if (Array.isArray(answer.body)) continue;
    errors.push(...itemErrors(answer.body.create, creates.map((r) => r.label)), ...itemErrors(answer.body.update, updates.map((r) => r.label)));
  }
  return errors;
}

function variationBody(draft: ProductDraft, variant: VariantDraft, withStock: boolean): Record<string, unknown> {
  return {
    sku: variant.sku,
    ...barcodeField(variant.barcode),
    regular_price: variant.price,
    ...(variant.weightKg === null ? {} : { weight: variant.weightKg }),
    attributes: draft.options.map((option, i) => ({ name: option.name, option: variant.optionValues[i] })),
    ...(withStock ? { manage_stock: true, stock_quantity: variant.quantity } : {}),
  };
}

export async function createWooProduct(client: WooRestClient, limits: ChannelLimits, draft: ProductDraft): Promise<RemoteProduct> {
  validateDraft(draft, limits);
  if (draft.options.length === 0) {
    const [variant] = draft.variants;
    const created = await client.request('POST', 'products', productSchema, {
      body: {
        name: draft.title,
        slug: draft.handle,
        type: 'simple',
        status: 'draft',
        sku: variant.sku,
        ...barcodeField(variant.barcode),
        regular_price: variant.price,
        ...(variant.weightKg === null ? {} : { weight: variant.weightKg }),
        manage_stock: true,
        stock_quantity: variant.quantity,
      },
    });
    return toRemoteProduct({ product: created.body, variations: [] });
  }
  const created = await client.request('POST', 'products', productSchema, {
    body: {
      name: draft.title,
      slug: draft.handle,
      type: 'variable',
      status: 'draft',
      attributes: draft.options.map((option, position) => ({ name: option.name, position, visible: true, variation: true, options: option.values })),
    },
  });
  const productId = created.body.id;
  const errors = await variationBatch(
    client,
    productId,
    draft.variants.map((variant) => ({ body: variationBody(draft, variant, true), label: variant.sku })),
    [],
  );
  if (errors.length > 0) {
    // Never leave a half-made product behind: take it away again and say why.
    await client.request('DELETE', `products/${productId}`, z.unknown(), { query: { force: 'true' } }).catch(() => undefined);
    throw new ChannelError('conflict', `WooCommerce refused some variants of "${draft.title}", so it was not created: ${errors.join('; ')}.`);
  }
  const loaded = await loadProduct(client, productId);
  if (!loaded) throw new ChannelError('protocol', `The product "${draft.title}" vanished from WooCommerce right after it was created.`);
  return toRemoteProduct(loaded);
}

/** WooCommerce 9.2+ keeps a GTIN/UPC/EAN/ISBN in global_unique_id. */
function barcodeField(barcode: string | null): Record<string, string> {
  return barcode === null || barcode.trim() === '' ? {} : { global_unique_id: barcode };
}

export async function updateWooProduct(client: WooRestClient, limits: ChannelLimits, remoteProductId: string, draft: ProductDraft): Promise<ProductUpdateResult> {
  validateDraft(draft, limits);
  const current = await loadProduct(client, Number(remoteProductId));
  if (!current) throw new ChannelError('not_found', `The product ${remoteProductId} is no longer on the WooCommerce store.`);
  const productId = current.product.id;

  if (current.product.type !== 'variable') {
    if (draft.options.length > 0) {
      throw new ChannelError('invalid', `"${draft.title}" is a simple product on WooCommerce; it cannot take attributes without being recreated.`);
    }
    const [variant] = draft.variants;
    await client.request('PUT', `products/${productId}`, productSchema, {
      body: { name: draft.title, sku: variant.sku, ...barcodeField(variant.barcode), regular_price: variant.price, ...(variant.weightKg === null ? {} : { weight: variant.weightKg }) },
    });
    const loaded = await loadProduct(client, productId);
    return { product: toRemoteProduct(loaded!), keptRemoteOnly: [] };
  }

  const matches = matchLinkedVariants(current.variations, draft);
  const matched = new Set([...matches.values()]);
  const remoteOnly: WooVariation[] = current.variations.filter((v) => !matched.has(v));
  // Attributes are replaced wholesale: keep every value a store-only variation still uses.
  const existingOptions = variationOptions(current.product);
  const attributes = draft.options.map((option, position) => {
    const kept = remoteOnly.flatMap((v) => v.attributes.filter((a) => a.name === option.name).map((a) => a.option));
    return { name: option.name, position, visible: true, variation: true, options: [...new Set([...option.values, ...kept])] };
  });
  for (const old of existingOptions) {
    const stillUsed = remoteOnly.some((v) => v.attributes.some((a) => a.name === old.name));
    if (stillUsed && !attributes.some((a) => a.name === old.name)) {
      attributes.push({ name: old.name, position: attributes.length, visible: true, variation: true, options: old.options });
    }
  }
  await client.request('PUT', `products/${productId}`, productSchema, { body: { name: draft.title, attributes } });

  const creates: Array<{ body: Record<string, unknown>; label: string }> = [];
  const updates: Array<{ body: Record<string, unknown>; label: string }> = [];
  for (const variant of draft.variants) {
    const existing = matches.get(variant);
    if (existing) updates.push({ body: { id: existing.id, ...variationBody(draft, variant, false) }, label: variant.sku });
    else creates.push({ body: variationBody(draft, variant, true), label: variant.sku });
  }
  const errors = await variationBatch(client, productId, creates, updates);
  if (errors.length > 0) throw new ChannelError('invalid', `WooCommerce refused some variants of "${draft.title}": ${errors.join('; ')}.`);
  const loaded = await loadProduct(client, productId);
  return {
    product: toRemoteProduct(loaded!),
    keptRemoteOnly: remoteOnly.map((v) => (v.sku && v.sku.trim() !== '' ? v.sku : String(v.id))),
  };
}
