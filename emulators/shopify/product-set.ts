// productSet: create or update a product with its options and variants in one call. List
// fields are replaced wholesale: variants missing from the input are deleted.
import { parseGid } from './gid.ts';
import { userError, type UserError } from './errors.ts';
import type { InventoryItemRecord, OptionRecord, ProductRecord, ProductStatus, ShopStore, VariantRecord } from './store.ts';

export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 2048;

interface OptionValueInput {
  id?: string | null;
  name?: string | null;
}
interface OptionInput {
  id?: string | null;
  name?: string | null;
  position?: number | null;
  values?: OptionValueInput[] | null;
}
interface VariantOptionValueInput {
  optionName?: string | null;
  name?: string | null;
  optionId?: string | null;
  id?: string | null;
}
interface VariantInput {
  id?: string | null;
  optionValues: VariantOptionValueInput[];
  price?: string | null;
  compareAtPrice?: string | null;
  sku?: string | null;
  barcode?: string | null;
  position?: number | null;
  inventoryPolicy?: 'DENY' | 'CONTINUE' | null;
  taxable?: boolean | null;
  inventoryItem?: { sku?: string | null; tracked?: boolean | null; cost?: string | null; requiresShipping?: boolean | null } | null;
  inventoryQuantities?: Array<{ locationId: string; name: string; quantity: number }> | null;
}
export interface ProductSetInput {
  id?: string | null;
  title?: string | null;
  handle?: string | null;
  status?: ProductStatus | null;
  descriptionHtml?: string | null;
  vendor?: string | null;
  productType?: string | null;
  tags?: string[] | null;
  productOptions?: OptionInput[] | null;
  variants?: VariantInput[] | null;
}

export interface ProductSetResult {
  product: ProductRecord | null;
  userErrors: UserError[];
  created: boolean;
  /** Inventory items whose levels were set from inventoryQuantities. */
  stocked: Array<{ item: InventoryItemRecord; locationId: number }>;
}

function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export function productSet(
  store: ShopStore,
  input: ProductSetInput,
  identifier: { id?: string | null; handle?: string | null } | null | undefined,
): ProductSetResult {
  const errors: UserError[] = [];
  const fail = (): ProductSetResult => ({ product: null, userErrors: errors, created: false, stocked: [] });

  // Which product: identifier.id / input.id must exist; identifier.handle updates or creates.
  let existing: ProductRecord | undefined;
  const idValue = identifier?.id ?? input.id ?? null;
  if (idValue != null) {
    existing = store.products.get(parseGid(idValue, 'Product') ?? -1);
    if (!existing) {
      errors.push(userError([identifier?.id != null ? 'identifier' : 'input', 'id'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST'));
      return fail();
    }
  } else if (identifier?.handle != null) {
    existing = store.productByHandle(identifier.handle);
  }

  if (!existing && !input.title?.trim()) errors.push(userError(['input', 'title'], "Title can't be blank", 'INVALID_PRODUCT'));
  const options = input.productOptions ?? null;
  const variants = input.variants ?? null;
  if (options && options.length > MAX_OPTIONS) {
    errors.push(userError(['input', 'productOptions'], `Can only specify a maximum of ${MAX_OPTIONS} options`, 'OPTIONS_OVER_LIMIT'));
  }
  if (variants && variants.length > MAX_VARIANTS) {
    errors.push(userError(['input', 'variants'], `Can only specify a maximum of ${MAX_VARIANTS} variants`, 'VARIANTS_OVER_LIMIT'));
  }
  if (input.handle != null) {
    const owner = store.productByHandle(input.handle);
    if (owner && owner.id !== existing?.id) {
      errors.push(userError(['input', 'handle'], `Handle '${input.handle}' already in use. Please provide a new handle.`, 'HANDLE_NOT_UNIQUE'));
    }
  }
  if (errors.length) return fail();
  if (options && options.length > 0 && variants === null) {
    errors.push(userError(['input', 'variants'], 'Variants input is required when product options are given.', 'VARIANTS_INPUT_MISSING'));
  }
  if (variants && variants.some((v) => v.optionValues.length > 0) && options === null && !existing) {
    errors.push(userError(['input', 'productOptions'], 'Product options input is required when variants have option values.', 'PRODUCT_OPTIONS_INPUT_MISSING'));
  }
  if (errors.length) return fail();

  // The options the product will have.
  const optionInputs: OptionInput[] =
    options ?? existing?.options.map((o) => ({ name: o.name, values: o.values.map((v) => ({ name: v.name })) })) ?? [];
  const optionNames: string[] = [];
  optionInputs.forEach((option, i) => {
    const name = option.name?.trim();
    if (!name) errors.push(userError(['input', 'productOptions', i, 'name'], "Option name can't be blank", 'INVALID_INPUT'));
    else if (optionNames.includes(name)) errors.push(userError(['input', 'productOptions', i, 'name'], `Duplicated option name '${name}'`, 'DUPLICATED_OPTION_NAME'));
    optionNames.push(name ?? '');
    const values = (option.values ?? []).map((v) => v.name ?? '');
    if (values.length === 0) errors.push(userError(['input', 'productOptions', i, 'values'], `Option '${name}' needs at least one value`, 'OPTION_VALUES_MISSING'));
    if (new Set(values).size !== values.length) errors.push(userError(['input', 'productOptions', i, 'values'], `Duplicated option value for '${name}'`, 'DUPLICATED_OPTION_VALUE'));
  });

  // Each variant's option values, in option order.
  const variantInputs: VariantInput[] = variants ?? [];
  const combos: string[][] = [];
  const seenCombos = new Set<string>();
  variantInputs.forEach((variant, vi) => {
    const combo: string[] = new Array(optionInputs.length).fill('');
    variant.optionValues.forEach((ov, oi) => {
      const optionIndex = optionNames.indexOf(ov.optionName ?? '');
      if (optionIndex < 0) {
        errors.push(userError(['input', 'variants', vi, 'optionValues', oi, 'optionName'], `Option '${ov.optionName ?? ''}' does not exist`, 'OPTION_DOES_NOT_EXIST'));
        return;
      }
      const known = (optionInputs[optionIndex].values ?? []).some((v) => v.name === ov.name);
      if (!known) {
        errors.push(userError(['input', 'variants', vi, 'optionValues', oi, 'name'], `Option value '${ov.name ?? ''}' does not exist for option '${ov.optionName}'`, 'OPTION_VALUE_DOES_NOT_EXIST'));
        return;
      }
      combo[optionIndex] = ov.name ?? '';
    });
    if (optionInputs.length > 0 && combo.some((v) => v === '') && !errors.length) {
      errors.push(userError(['input', 'variants', vi, 'optionValues'], 'Each variant needs a value for every option', 'INVALID_VARIANT'));
    }
    const key = combo.join('\u0000');
    if (seenCombos.has(key) && !errors.length) {
      errors.push(userError(['input', 'variants', vi], `The variant '${combo.join(' / ') || 'Default Title'}' already exists.`, 'INVALID_VARIANT'));
    }
    seenCombos.add(key);
    combos.push(combo);
    if (variant.id != null) {
      const target = store.variants.get(parseGid(variant.id, 'ProductVariant') ?? -1);
      if (!target || target.productId !== existing?.id) {
        errors.push(userError(['input', 'variants', vi, 'id'], 'Product variant does not exist', 'PRODUCT_VARIANT_DOES_NOT_EXIST'));
      }
    }
    (variant.inventoryQuantities ?? []).forEach((q, qi) => {
      if (!store.locations.has(parseGid(q.locationId, 'Location') ?? -1)) {
        errors.push(userError(['input', 'variants', vi, 'inventoryQuantities', qi, 'locationId'], 'The specified location could not be found.', 'INVALID_INPUT'));
      }
      if (q.name !== 'available' && q.name !== 'on_hand') {
        errors.push(userError(['input', 'variants', vi, 'inventoryQuantities', qi, 'name'], "The quantity name must be either 'available' or 'on_hand'.", 'INVALID_INPUT'));
      }
    });
  });
  if (errors.length) return fail();

  // Apply.
  const now = store.now();
  const created = !existing;
  const product: ProductRecord = existing ?? {
    id: store.nextId('Product'),
    title: '',
    handle: '',
    status: 'ACTIVE',
    descriptionHtml: '',
    vendor: '',
    productType: '',
    tags: [],
    createdAt: now,
    updatedAt: now,
    options: [],
    variantIds: [],
  };
  if (input.title != null) product.title = input.title;
  if (input.status != null) product.status = input.status;
  if (input.descriptionHtml != null) product.descriptionHtml = input.descriptionHtml;
  if (input.vendor != null) product.vendor = input.vendor;
  if (input.productType != null) product.productType = input.productType;
  if (input.tags != null) product.tags = input.tags;
  product.updatedAt = now;
  const wantedHandle = input.handle ?? (created ? (identifier?.handle ?? slugify(product.title)) : product.handle);
  if (created) {
    product.handle = store.uniqueHandle(wantedHandle);
    store.addProduct(product);
  } else if (wantedHandle !== product.handle) {
    store.setHandle(product, store.uniqueHandle(wantedHandle, product.id));
  }

  if (options !== null) {
    product.options = optionInputs.map((option, i): OptionRecord => {
      const previous = existing?.options.find((o) => o.name === option.name);
      return {
        id: previous?.id ?? store.nextId('ProductOption'),
        name: option.name!.trim(),
        position: i + 1,
        values: (option.values ?? []).map((v) => ({
          id: previous?.values.find((pv) => pv.name === v.name)?.id ?? store.nextId('ProductOptionValue'),
          name: v.name ?? '',
        })),
      };
    });
  }

  const stocked: ProductSetResult['stocked'] = [];
  if (variants !== null || created) {
    const oldVariants = product.variantIds.map((id) => store.variants.get(id)!).filter(Boolean);
    const keep = new Set<number>();
    const inputs = variantInputs.length > 0 ? variantInputs : [{ optionValues: [] } as VariantInput];
    const inputCombos = variantInputs.length > 0 ? combos : [[]];
    product.variantIds = inputs.map((vi, index) => {
      const combo = inputCombos[index];
      const match =
        (vi.id != null ? store.variants.get(parseGid(vi.id, 'ProductVariant')!) : undefined) ??
        oldVariants.find((ov) => !keep.has(ov.id) && ov.optionValues.join('\u0000') === combo.join('\u0000'));
      const variant: VariantRecord = match ?? {
        id: store.nextId('ProductVariant'),
        productId: product.id,
        sku: null,
        barcode: null,
        price: '0.00',
        compareAtPrice: null,
        inventoryPolicy: 'DENY',
        taxable: true,
        optionValues: combo,
        position: index + 1,
        inventoryItemId: store.nextId('InventoryItem'),
        createdAt: now,
        updatedAt: now,
      };
      variant.optionValues = combo;
      variant.position = vi.position ?? index + 1;
      if (vi.price != null) variant.price = vi.price;
      if (vi.compareAtPrice !== undefined) variant.compareAtPrice = vi.compareAtPrice;
      if (vi.barcode !== undefined) variant.barcode = vi.barcode;
      if (vi.inventoryPolicy != null) variant.inventoryPolicy = vi.inventoryPolicy;
      if (vi.taxable != null) variant.taxable = vi.taxable;
      variant.updatedAt = now;
      let item: InventoryItemRecord;
      if (match) {
        keep.add(match.id);
        item = store.inventoryItems.get(match.inventoryItemId)!;
      } else {
        item = {
          id: variant.inventoryItemId,
          variantId: variant.id,
          tracked: false,
          cost: null,
          requiresShipping: true,
          createdAt: now,
          updatedAt: now,
          levels: new Map([...store.locations.keys()].map((loc) => [loc, { available: 0, committed: 0, updatedAt: now }])),
        };
        store.addVariant(variant, item);
      }
      const sku = vi.sku !== undefined ? vi.sku : vi.inventoryItem?.sku;
      if (sku !== undefined) store.setSku(variant, sku === '' ? null : sku);
      if (vi.inventoryItem?.tracked != null) item.tracked = vi.inventoryItem.tracked;
      if (vi.inventoryItem?.cost !== undefined) item.cost = vi.inventoryItem.cost ?? null;
      if (vi.inventoryItem?.requiresShipping != null) item.requiresShipping = vi.inventoryItem.requiresShipping;
      // Quantities are taken on create only, as productSet documents.
      if (!match) {
        for (const q of vi.inventoryQuantities ?? []) {
          const locationId = parseGid(q.locationId, 'Location')!;
          const level = store.level(item, locationId);
          level.available = q.name === 'on_hand' ? q.quantity - level.committed : q.quantity;
          level.updatedAt = now;
          stocked.push({ item, locationId });
        }
      }
      return variant.id;
    });
    for (const old of oldVariants) if (!keep.has(old.id)) store.removeVariant(old.id);
    // Variant order is position order (explicit positions first honoured, then input order),
    // renumbered 1..n so cursors over a product's variants stay monotonic.
    const ordered = product.variantIds
      .map((id, index) => ({ variant: store.variants.get(id)!, index }))
      .sort((a, b) => a.variant.position - b.variant.position || a.index - b.index);
    ordered.forEach(({ variant }, i) => (variant.position = i + 1));
    product.variantIds = ordered.map(({ variant }) => variant.id);
  }
  return { product, userErrors: [], created, stocked };
}
