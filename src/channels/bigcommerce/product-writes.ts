// Creating, finding and updating products. A new product is hidden (`is_visible: false`, the draft
// state) with the fields the API requires (type, weight, price); a product with options is created
// in one request with its variants, whose option_values (display name + label) create the options;
// stock is tracked per variant, or per product for a simple product. Names and SKUs are unique on
// BigCommerce: a 409 becomes a clear per-product error. Updates write master fields only,
// finding each store variant by its link (remote id) before its SKU.
import { z } from 'zod';
import { ChannelError, type ChannelLimits, type ProductDraft, type ProductUpdateResult, type RemoteProduct, type VariantDraft } from '../channel.ts';
import { matchLinkedVariants } from '../linked-variant-match.ts';
import { loadProduct, readProduct, withQuantities, type Catalog } from './catalog-reader.ts';
import { collection, productOptionSchema, productSchema, single, variantSchema, type BcProduct, type BcProductOption, type BcVariant } from './payloads.ts';

const DECIMAL = /^\d+(\.\d+)?$/;
/** PUT /catalog/variants takes at most 50 variants a request. */
const VARIANT_BATCH = 50;
/** SKUs per `sku:in` lookup, keeping the URL short. */
const SKU_LOOKUP_BATCH = 50;

const skuKey = (sku: string | null | undefined) => (sku ?? '').trim().toLowerCase();

export function validateDraft(draft: ProductDraft, limits: ChannelLimits): void {
  const problems: string[] = [];
  if (draft.options.length > limits.maxOptions) problems.push(`it has ${draft.options.length} options and this store takes at most ${limits.maxOptions}`);
  if (draft.variants.length > limits.maxVariants) problems.push(`it has ${draft.variants.length} variants and BigCommerce allows at most ${limits.maxVariants} per product`);
  if (draft.variants.length === 0) problems.push('it has no variants');
  if (draft.title.trim() === '') problems.push('the title is empty');
  if (draft.options.length === 0 && draft.variants.length > 1) problems.push('a product without options must have exactly one variant');
  for (const variant of draft.variants.slice(0, 20)) {
    if (!DECIMAL.test(variant.price)) problems.push(`price "${variant.price}" of ${variant.sku} is not a decimal with a dot`);
    if (variant.weightKg !== null && !DECIMAL.test(variant.weightKg)) problems.push(`weight "${variant.weightKg}" of ${variant.sku} is not a decimal`);
    if (variant.optionValues.length !== draft.options.length) problems.push(`${variant.sku} does not have one value per option`);
  }
  if (problems.length > 0) throw new ChannelError('invalid', `Cannot send "${draft.title}" to BigCommerce: ${problems.join('; ')}.`, false);
}

function variantFields(variant: VariantDraft): Record<string, unknown> {
  return {
    sku: variant.sku,
    price: Number(variant.price),
    ...(variant.barcode === null || variant.barcode.trim() === '' ? {} : { upc: variant.barcode }),
    ...(variant.weightKg === null ? {} : { weight: Number(variant.weightKg) }),
  };
}

function optionValuesOf(draft: ProductDraft, variant: VariantDraft) {
  return draft.options.map((option, i) => ({ option_display_name: option.name, label: variant.optionValues[i] }));
}

function conflictFor(draft: ProductDraft, error: unknown, done: 'created' | 'updated' = 'created'): unknown {
  if (error instanceof ChannelError && error.code === 'conflict') {
    return new ChannelError('conflict', `"${draft.title}" was not ${done} on BigCommerce, which keeps product names and SKUs unique: ${error.message.replace(/^BigCommerce refused it: /, '')}`, false);
  }
  return error;
}

export async function createBcProduct(catalog: Catalog, limits: ChannelLimits, draft: ProductDraft): Promise<RemoteProduct> {
  validateDraft(draft, limits);
  const first = draft.variants[0];
  const simple = draft.options.length === 0;
  const body: Record<string, unknown> = {
    name: draft.title,
    type: 'physical',
    is_visible: false,
    price: Number(first.price),
    weight: first.weightKg === null ? 0 : Number(first.weightKg),
    inventory_tracking: simple ? 'product' : 'variant',
    ...(simple ? variantFields(first) : { variants: draft.variants.map((variant) => ({ ...variantFields(variant), option_values: optionValuesOf(draft, variant) })) }),
  };
  let created: BcProduct;
  try {
    created = (await catalog.client.request('POST', '/v3/catalog/products', single(productSchema), { body })).data;
  } catch (error) {
    throw conflictFor(draft, error);
  }
  const product = await readProduct(catalog, String(created.id));
  if (!product) throw new ChannelError('protocol', `The product "${draft.title}" vanished from BigCommerce right after it was created.`);
  return setOpeningStock(catalog, draft, product);
}

/**
 * The draft's quantities at the mapped location, by one absolute adjustment (a create's own
 * inventory_level would land on the default location only). BigCommerce applies it moments later,
 * so the product is returned with the quantities it accepted. When this fails the product exists
 * without stock: the error says so, and a retry finds the product and lets the stock push set it.
 */
async function setOpeningStock(catalog: Catalog, draft: ProductDraft, product: RemoteProduct): Promise<RemoteProduct> {
  const wanted = new Map(draft.variants.map((v) => [skuKey(v.sku), v.quantity]));
  // One write per ref: a product-tracked product's variants share one stock figure.
  const byRef = new Map<string, number>();
  for (const variant of product.variants) {
    const quantity = wanted.get(skuKey(variant.sku));
    if (quantity !== undefined && !byRef.has(variant.inventoryRef)) byRef.set(variant.inventoryRef, quantity);
  }
  const writes = [...byRef].map(([inventoryRef, quantity]) => ({ inventoryRef, quantity, expected: null }));
  const result = await catalog.writeQuantities(writes, `opening-${draft.localProductId}`);
  if (result.failed.length > 0) {
    throw new ChannelError('invalid', `"${draft.title}" was created on BigCommerce, but its opening stock was refused: ${result.failed[0].reason}`, true);
  }
  return { ...product, variants: product.variants.map((v) => ({ ...v, quantity: byRef.get(v.inventoryRef) ?? v.quantity })) };
}

async function productsWithSkus(catalog: Catalog, skus: string[]): Promise<number | null> {
  for (let start = 0; start < skus.length; start += SKU_LOOKUP_BATCH) {
    const answer = await catalog.client.request('GET', '/v3/catalog/variants', collection(variantSchema), {
      query: { 'sku:in': skus.slice(start, start + SKU_LOOKUP_BATCH).join(','), limit: SKU_LOOKUP_BATCH },
    });
    if (answer.data.length > 0) return answer.data[0].product_id;
  }
  return null;
}

/**
 * By SKU first (any variant's). Then by name, BigCommerce's other unique key — but a product of
 * that name is taken as this one only when it has no SKUs at all: one whose SKUs are all different
 * is another product, and creating this one then fails with a clear "name in use".
 */
export async function findBcProduct(catalog: Catalog, draft: ProductDraft): Promise<RemoteProduct | null> {
  const skus = draft.variants.map((v) => v.sku).filter((sku) => sku.trim() !== '');
  const bySku = await productsWithSkus(catalog, skus);
  if (bySku !== null) return readProduct(catalog, String(bySku));
  const byName = await catalog.client.request('GET', '/v3/catalog/products', collection(productSchema), { query: { name: draft.title, include: 'variants' } });
  const named = byName.data.find((p) => p.name.trim().toLowerCase() === draft.title.trim().toLowerCase());
  if (!named) return null;
  const hasSkus = (named.sku ?? '').trim() !== '' || (named.variants ?? []).some((v) => (v.sku ?? '').trim() !== '');
  return hasSkus ? null : (await withQuantities(catalog, [named]))[0];
}

/** True when the store's variant already has the draft variant's value for each option (and no other option). */
function sameOptionValues(existing: BcVariant, draft: ProductDraft, variant: VariantDraft): boolean {
  const wanted = optionValuesOf(draft, variant);
  if (existing.option_values.length !== wanted.length) return false;
  return wanted.every((value) => existing.option_values.some((held) => held.option_display_name === value.option_display_name && held.label === value.label));
}

/** The option value ids a new variant needs, creating values the product lacks (an option it lacks cannot be added to existing variants). */
async function optionValueIds(catalog: Catalog, productId: number, draft: ProductDraft, variant: VariantDraft, options: BcProductOption[]) {
  const ids: Array<{ id: number; option_id: number }> = [];
  for (const [i, wanted] of draft.options.entries()) {
    const option = options.find((o) => o.display_name === wanted.name);
    if (!option) {
      throw new ChannelError('invalid', `"${draft.title}" has no option "${wanted.name}" on BigCommerce; an option cannot be added to a product that already has variants.`, false);
    }
    const label = variant.optionValues[i];
    let value = option.option_values.find((v) => v.label === label);
    if (!value) {
      const created = await catalog.client.request('POST', `/v3/catalog/products/${productId}/options/${option.id}/values`, single(z.object({ id: z.number(), label: z.string() })), {
        body: { label, sort_order: option.option_values.length },
      });
      value = created.data;
      option.option_values.push(value);
    }
    ids.push({ id: value.id, option_id: option.id });
  }
  return ids;
}

export async function updateBcProduct(catalog: Catalog, limits: ChannelLimits, remoteProductId: string, draft: ProductDraft): Promise<ProductUpdateResult> {
  validateDraft(draft, limits);
  const productId = Number(remoteProductId);
  const current = Number.isInteger(productId) ? await loadProduct(catalog, productId) : null;
  if (!current) throw new ChannelError('not_found', `The product ${remoteProductId} is no longer on the BigCommerce store.`, false);
  const variants = current.variants ?? [];
  const hasOptions = variants.some((v) => v.option_values.length > 0);

  if (!hasOptions) {
    if (draft.options.length > 0) {
      throw new ChannelError('invalid', `"${draft.title}" is a product without options on BigCommerce; it cannot take options without being recreated.`, false);
    }
    try {
      await catalog.client.request('PUT', `/v3/catalog/products/${productId}`, single(productSchema), { body: { name: draft.title, ...variantFields(draft.variants[0]) } });
    } catch (error) {
      throw conflictFor(draft, error, 'updated');
    }
    return { product: (await readProduct(catalog, remoteProductId))!, keptRemoteOnly: [] };
  }

  try {
    await catalog.client.request('PUT', `/v3/catalog/products/${productId}`, single(productSchema), { body: { name: draft.title } });
  } catch (error) {
    throw conflictFor(draft, error, 'updated');
  }
  const matches = matchLinkedVariants(variants, draft);
  const updates: Array<Record<string, unknown>> = [];
  const creates: VariantDraft[] = [];
  const replaced: BcVariant[] = [];
  for (const variant of draft.variants) {
    const existing = matches.get(variant);
    if (!existing) creates.push(variant);
    else if (sameOptionValues(existing, draft, variant)) updates.push({ id: existing.id, ...variantFields(variant) });
    else {
      replaced.push(existing);
      creates.push(variant);
    }
  }
  // BigCommerce keeps a variant's option values for life: a PUT answers 200 and ignores them. A
  // variant whose values changed is deleted, then created again with the draft's SKU (SKUs are
  // unique, so not the other way round; deleting first also lets two variants swap values, and
  // frees an old SKU another variant takes in this edit). The new variant has a new id and no
  // stock: the engine relinks it by SKU and pushes its quantity.
  for (const old of replaced) {
    await catalog.client.request('DELETE', `/v3/catalog/products/${productId}/variants/${old.id}`, z.unknown(), { noContent: null });
  }
  try {
    for (let start = 0; start < updates.length; start += VARIANT_BATCH) {
      await catalog.client.request('PUT', '/v3/catalog/variants', collection(variantSchema), { body: updates.slice(start, start + VARIANT_BATCH) });
    }
  } catch (error) {
    throw conflictFor(draft, error, 'updated');
  }
  if (creates.length > 0) {
    const options = (await catalog.client.request('GET', `/v3/catalog/products/${productId}/options`, collection(productOptionSchema), { query: { limit: 250 } })).data;
    for (const variant of creates) {
      const optionValues = await optionValueIds(catalog, productId, draft, variant, options);
      try {
        await catalog.client.request('POST', `/v3/catalog/products/${productId}/variants`, single(variantSchema), {
          body: { product_id: productId, ...variantFields(variant), option_values: optionValues },
        });
      } catch (error) {
        throw conflictFor(draft, error, 'updated');
      }
    }
  }
  const matched = new Set([...matches.values()]);
  const keptRemoteOnly = variants.filter((v) => !matched.has(v)).map((v) => ((v.sku ?? '').trim() !== '' ? v.sku! : String(v.id)));
  return { product: (await readProduct(catalog, remoteProductId))!, keptRemoteOnly };
}
