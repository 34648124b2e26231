// The emulated store's catalogue and inventory: products, their options and variants, and stock per
// location. Every rule BigCommerce enforces on writes lives here, so the routes stay thin.
import { BcError } from './bc-error.ts';

export type InventoryTracking = 'none' | 'product' | 'variant';
export type OptionType = 'radio_buttons' | 'rectangles' | 'dropdown' | 'product_list' | 'product_list_with_images' | 'swatch';

export const MAX_VARIANTS_PER_PRODUCT = 600;

export interface OptionValue {
  id: number;
  label: string;
  sort_order: number;
  is_default: boolean;
}

export interface ProductOption {
  id: number;
  product_id: number;
  display_name: string;
  type: OptionType;
  sort_order: number;
  option_values: OptionValue[];
}

export interface Variant {
  id: number;
  product_id: number;
  sku: string;
  sku_id: number | null;
  price: number | null;
  cost_price: number | null;
  weight: number | null;
  upc: string;
  purchasing_disabled: boolean;
  /** One entry per product option: which value of it this variant is. */
  option_value_ids: number[];
  /** location id → quantity */
  inventory: Map<number, number>;
}

export interface Product {
  id: number;
  name: string;
  type: 'physical' | 'digital';
  sku: string;
  description: string;
  weight: number;
  price: number;
  cost_price: number;
  is_visible: boolean;
  inventory_tracking: InventoryTracking;
  categories: number[];
  brand_id: number;
  date_created: Date;
  date_modified: Date;
  options: ProductOption[];
  variants: Variant[];
}

export interface Location {
  id: number;
  code: string;
  label: string;
}

export interface OptionValueInput {
  option_display_name?: string;
  label?: string;
  id?: number;
  option_id?: number;
}

export interface VariantInput {
  sku?: string;
  price?: number | null;
  cost_price?: number | null;
  weight?: number | null;
  upc?: string | null;
  inventory_level?: number;
  purchasing_disabled?: boolean;
  option_values?: OptionValueInput[];
}

export interface ProductInput {
  name?: string;
  type?: string;
  sku?: string;
  description?: string;
  weight?: number;
  price?: number;
  cost_price?: number;
  is_visible?: boolean;
  inventory_tracking?: string;
  inventory_level?: number;
  categories?: number[];
  brand_id?: number;
  upc?: string;
  variants?: VariantInput[];
}

/** What an inventory change touched, for webhooks. */
export interface InventoryChange {
  product: Product;
  variant: Variant;
  locationId: number;
  value: number;
  method: 'absolute' | 'relative';
}

export class CatalogState {
  readonly products = new Map<number, Product>();
  readonly variants = new Map<number, Variant>();
  /** lower-cased SKU → owner: a variant id, or a product id for a product's own SKU */
  private readonly skuOwners = new Map<string, { productId: number; variantId: number | null }>();
  private readonly names = new Map<string, number>();
  readonly locations: Location[] = [{ id: 1, code: 'BC-LOCATION-1', label: 'Default location' }];
  private nextProductId = 111;
  private nextVariantId = 1001;
  private nextOptionId = 201;
  private nextOptionValueId = 301;
  private nextSkuId = 5001;

  /** Back to an empty store with only the default location. */
  clear(): void {
    this.products.clear();
    this.variants.clear();
    this.skuOwners.clear();
    this.names.clear();
    this.locations.splice(1);
    this.nextProductId = 111;
    this.nextVariantId = 1001;
    this.nextOptionId = 201;
    this.nextOptionValueId = 301;
    this.nextSkuId = 5001;
  }

  get defaultLocationId(): number {
    return this.locations[0].id;
  }

  addLocation(code: string, label: string): Location {
    const location = { id: this.locations.length + 1, code, label };
    this.locations.push(location);
    return location;
  }

  location(id: number): Location | undefined {
    return this.locations.find((l) => l.id === id);
  }

  product(id: number): Product {
    const product = this.products.get(id);
    if (!product) throw new BcError(404, 'The requested product was not found.');
    return product;
  }

  variant(id: number): Variant {
    const variant = this.variants.get(id);
    if (!variant) throw new BcError(404, 'The requested variant was not found.');
    return variant;
  }

  variantBySku(sku: string): Variant | undefined {
    const owner = this.skuOwners.get(sku.trim().toLowerCase());
    if (!owner) return undefined;
    if (owner.variantId !== null) return this.variants.get(owner.variantId);
    const product = this.products.get(owner.productId);
    return product && product.options.length === 0 ? product.variants[0] : undefined;
  }

  baseVariantId(product: Product): number | null {
    return product.options.length === 0 ? (product.variants[0]?.id ?? null) : null;
  }

  inventoryLevel(variant: Variant): number {
    let total = 0;
    for (const quantity of variant.inventory.values()) total += quantity;
    return total;
  }

  productInventoryLevel(product: Product): number {
    return product.variants.reduce((sum, v) => sum + this.inventoryLevel(v), 0);
  }

  createProduct(input: ProductInput): Product {
    const errors: Record<string, string> = {};
    if (typeof input.name !== 'string' || input.name.trim() === '') errors.name = 'name is a required field';
    else if (input.name.length > 250) errors.name = 'name must be at most 250 characters';
    if (input.type !== 'physical' && input.type !== 'digital') errors.type = 'type must be one of physical, digital';
    if (typeof input.weight !== 'number') errors.weight = 'weight is a required field';
    if (typeof input.price !== 'number') errors.price = 'price is a required field';
    else if (input.price < 0) errors.price = 'price must be greater than or equal to 0';
    const tracking = input.inventory_tracking ?? 'none';
    if (!['none', 'product', 'variant'].includes(tracking)) errors.inventory_tracking = 'inventory_tracking must be one of none, product, variant';
    if (Object.keys(errors).length > 0) throw new BcError(422, 'JSON data is missing or invalid', errors);

    const name = input.name!.trim();
    if (this.names.has(name.toLowerCase())) throw new BcError(409, `The product name is a duplicate`, { name: `The product name "${name}" is already in use.` });
    const productSku = (input.sku ?? '').trim();
    const variantInputs = input.variants ?? [];
    const skusInRequest = [productSku, ...variantInputs.map((v) => (v.sku ?? '').trim())].filter((s) => s !== '');
    this.assertSkusFree(skusInRequest, null);
    if (variantInputs.length > MAX_VARIANTS_PER_PRODUCT) {
      throw new BcError(422, `The product has too many variants: at most ${MAX_VARIANTS_PER_PRODUCT} are allowed.`, { variants: `${variantInputs.length} variants given` });
    }

    const now = new Date();
    const product: Product = {
      id: this.nextProductId++,
      name,
      type: input.type as Product['type'],
      sku: productSku,
      description: input.description ?? '',
      weight: input.weight!,
      price: input.price!,
      cost_price: input.cost_price ?? 0,
      is_visible: input.is_visible ?? true,
      inventory_tracking: tracking as InventoryTracking,
      categories: input.categories ?? [],
      brand_id: input.brand_id ?? 0,
      date_created: now,
      date_modified: now,
      options: [],
      variants: [],
    };

    const withOptions = variantInputs.filter((v) => (v.option_values ?? []).length > 0);
    if (withOptions.length === 0) {
      // A product without options has one base variant carrying the product's SKU and stock.
      const base = variantInputs[0] ?? {};
      const variant = this.newVariant(product, { ...base, sku: productSku || base.sku, upc: input.upc ?? base.upc }, []);
      const quantity = input.inventory_level ?? base.inventory_level;
      if (quantity !== undefined) variant.inventory.set(this.defaultLocationId, quantity);
      product.variants.push(variant);
    } else {
      if (withOptions.length !== variantInputs.length) {
        throw new BcError(422, 'Every variant of a product with options must name a value for each option.', { variants: 'option_values missing' });
      }
      this.buildOptionsFromVariants(product, variantInputs);
      for (const variantInput of variantInputs) {
        const valueIds = this.resolveOptionValues(product, variantInput.option_values ?? []);
        const variant = this.newVariant(product, variantInput, valueIds);
        if (variantInput.inventory_level !== undefined) variant.inventory.set(this.defaultLocationId, variantInput.inventory_level);
        product.variants.push(variant);
      }
      this.assertUniqueCombinations(product);
    }

    this.products.set(product.id, product);
    this.names.set(name.toLowerCase(), product.id);
    if (productSku) this.skuOwners.set(productSku.toLowerCase(), { productId: product.id, variantId: product.options.length === 0 ? product.variants[0].id : null });
    for (const variant of product.variants) {
      this.variants.set(variant.id, variant);
      if (variant.sku && product.options.length > 0) this.skuOwners.set(variant.sku.toLowerCase(), { productId: product.id, variantId: variant.id });
    }
    return product;
  }

  updateProduct(id: number, input: ProductInput): Product {
    const product = this.product(id);
    const errors: Record<string, string> = {};
    if (input.name !== undefined && (typeof input.name !== 'string' || input.name.trim() === '')) errors.name = 'name must not be empty';
    if (input.type !== undefined && input.type !== 'physical' && input.type !== 'digital') errors.type = 'type must be one of physical, digital';
    if (input.price !== undefined && (typeof input.price !== 'number' || input.price < 0)) errors.price = 'price must be a number greater than or equal to 0';
    if (input.inventory_tracking !== undefined && !['none', 'product', 'variant'].includes(input.inventory_tracking)) {
      errors.inventory_tracking = 'inventory_tracking must be one of none, product, variant';
    }
    if (Object.keys(errors).length > 0) throw new BcError(422, 'JSON data is missing or invalid', errors);
    if (input.name !== undefined) {
      const owner = this.names.get(input.name.trim().toLowerCase());
      if (owner !== undefined && owner !== id) throw new BcError(409, 'The product name is a duplicate', { name: `The product name "${input.name}" is already in use.` });
    }
    if (input.sku !== undefined && input.sku.trim() !== '') this.assertSkusFree([input.sku.trim()], id);

    if (input.name !== undefined) {
      this.names.delete(product.name.toLowerCase());
      product.name = input.name.trim();
      this.names.set(product.name.toLowerCase(), id);
    }
    if (input.sku !== undefined) {
      if (product.sku) this.skuOwners.delete(product.sku.toLowerCase());
      product.sku = input.sku.trim();
      if (product.options.length === 0) product.variants[0].sku = product.sku;
      if (product.sku) this.skuOwners.set(product.sku.toLowerCase(), { productId: id, variantId: product.options.length === 0 ? product.variants[0].id : null });
    }
    if (input.type !== undefined) product.type = input.type as Product['type'];
    if (input.description !== undefined) product.description = input.description;
    if (input.weight !== undefined) product.weight = input.weight;
    if (input.price !== undefined) product.price = input.price;
    if (input.cost_price !== undefined) product.cost_price = input.cost_price;
    if (input.is_visible !== undefined) product.is_visible = input.is_visible;
    if (input.inventory_tracking !== undefined) product.inventory_tracking = input.inventory_tracking as InventoryTracking;
    if (input.categories !== undefined) product.categories = input.categories;
    // A product without options keeps its UPC on its base variant.
    if (input.upc !== undefined && product.options.length === 0) product.variants[0].upc = input.upc;
    if (input.inventory_level !== undefined && product.options.length === 0) {
      product.variants[0].inventory.set(this.defaultLocationId, input.inventory_level);
    }
    product.date_modified = new Date();
    return product;
  }

  deleteProduct(id: number): void {
    const product = this.product(id);
    this.products.delete(id);
    this.names.delete(product.name.toLowerCase());
    if (product.sku) this.skuOwners.delete(product.sku.toLowerCase());
    for (const variant of product.variants) {
      this.variants.delete(variant.id);
      if (variant.sku) this.skuOwners.delete(variant.sku.toLowerCase());
    }
  }

  addOption(productId: number, input: { display_name?: string; type?: string; option_values?: Array<{ label?: string; sort_order?: number; is_default?: boolean }> }): ProductOption {
    const product = this.product(productId);
    const errors: Record<string, string> = {};
    if (typeof input.display_name !== 'string' || input.display_name.trim() === '') errors.display_name = 'display_name is a required field';
    const types: OptionType[] = ['radio_buttons', 'rectangles', 'dropdown', 'product_list', 'product_list_with_images', 'swatch'];
    if (!types.includes(input.type as OptionType)) errors.type = `type must be one of ${types.join(', ')}`;
    if (!Array.isArray(input.option_values) || input.option_values.length === 0) errors.option_values = 'option_values must have at least one value';
    else if (input.option_values.some((v) => typeof v.label !== 'string' || v.label === '')) errors.option_values = 'every option value needs a label';
    if (Object.keys(errors).length > 0) throw new BcError(422, 'JSON data is missing or invalid', errors);
    if (product.options.some((o) => o.display_name.toLowerCase() === input.display_name!.trim().toLowerCase())) {
      throw new BcError(409, `The option "${input.display_name}" already exists on this product.`);
    }
    const option: ProductOption = {
      id: this.nextOptionId++,
      product_id: productId,
      display_name: input.display_name!.trim(),
      type: input.type as OptionType,
      sort_order: product.options.length,
      option_values: input.option_values!.map((v, index) => ({ id: this.nextOptionValueId++, label: v.label!, sort_order: v.sort_order ?? index, is_default: v.is_default ?? false })),
    };
    product.options.push(option);
    product.date_modified = new Date();
    return option;
  }

  addOptionValue(productId: number, optionId: number, input: { label?: string; sort_order?: number; is_default?: boolean }): OptionValue {
    const option = this.option(productId, optionId);
    if (typeof input.label !== 'string' || input.label === '') throw new BcError(422, 'JSON data is missing or invalid', { label: 'label is a required field' });
    if (option.option_values.some((v) => v.label === input.label)) throw new BcError(409, `The value "${input.label}" already exists on this option.`);
    const value = { id: this.nextOptionValueId++, label: input.label, sort_order: input.sort_order ?? option.option_values.length, is_default: input.is_default ?? false };
    option.option_values.push(value);
    return value;
  }

  option(productId: number, optionId: number): ProductOption {
    const option = this.product(productId).options.find((o) => o.id === optionId);
    if (!option) throw new BcError(404, 'The requested option was not found.');
    return option;
  }

  /** POST /catalog/products/{id}/variants and batch creates. */
  addVariant(productId: number, input: VariantInput): Variant {
    const product = this.product(productId);
    const sku = (input.sku ?? '').trim();
    if (sku === '') throw new BcError(422, 'JSON data is missing or invalid', { sku: 'sku is a required field' });
    if (product.options.length === 0) throw new BcError(422, 'The product has no options: create its options before adding variants.', { option_values: 'no options on product' });
    if (product.variants.length >= MAX_VARIANTS_PER_PRODUCT) {
      throw new BcError(422, `The product has too many variants: at most ${MAX_VARIANTS_PER_PRODUCT} are allowed.`, { variants: `already ${product.variants.length}` });
    }
    this.assertSkusFree([sku], null);
    const valueIds = this.resolveOptionValues(product, input.option_values ?? []);
    const variant = this.newVariant(product, input, valueIds);
    if (input.inventory_level !== undefined) variant.inventory.set(this.defaultLocationId, input.inventory_level);
    product.variants.push(variant);
    try {
      this.assertUniqueCombinations(product);
    } catch (error) {
      product.variants.pop();
      throw error;
    }
    this.variants.set(variant.id, variant);
    this.skuOwners.set(sku.toLowerCase(), { productId, variantId: variant.id });
    product.date_modified = new Date();
    return variant;
  }

  updateVariant(variantId: number, input: VariantInput): Variant {
    const variant = this.variant(variantId);
    const product = this.product(variant.product_id);
    if (input.price !== undefined && input.price !== null && (typeof input.price !== 'number' || input.price < 0)) {
      throw new BcError(422, 'JSON data is missing or invalid', { price: 'price must be a number greater than or equal to 0' });
    }
    if (input.sku !== undefined) {
      const sku = input.sku.trim();
      if (sku === '') throw new BcError(422, 'JSON data is missing or invalid', { sku: 'sku must not be empty' });
      const owner = this.skuOwners.get(sku.toLowerCase());
      if (owner && owner.variantId !== variantId && !(owner.variantId === null && owner.productId === product.id && product.options.length === 0)) {
        throw new BcError(409, `Sku "${sku}" is not unique.`, { sku: 'duplicate' });
      }
      if (variant.sku) this.skuOwners.delete(variant.sku.toLowerCase());
      variant.sku = sku;
      this.skuOwners.set(sku.toLowerCase(), { productId: product.id, variantId });
      if (product.options.length === 0) product.sku = sku;
    }
    if (input.price !== undefined) variant.price = input.price;
    if (input.cost_price !== undefined) variant.cost_price = input.cost_price;
    if (input.weight !== undefined) variant.weight = input.weight;
    if (input.upc !== undefined) variant.upc = input.upc ?? '';
    if (input.purchasing_disabled !== undefined) variant.purchasing_disabled = input.purchasing_disabled;
    if (input.inventory_level !== undefined) variant.inventory.set(this.defaultLocationId, input.inventory_level);
    product.date_modified = new Date();
    return variant;
  }

  deleteVariant(variantId: number): void {
    const variant = this.variant(variantId);
    const product = this.product(variant.product_id);
    if (product.options.length === 0) throw new BcError(422, 'The base variant of a product cannot be deleted.');
    product.variants = product.variants.filter((v) => v.id !== variantId);
    this.variants.delete(variantId);
    if (variant.sku) this.skuOwners.delete(variant.sku.toLowerCase());
    product.date_modified = new Date();
  }

  /** Resolves an inventory item reference as the Inventory API takes it, enforcing the tracking mode. */
  resolveInventoryItem(item: { variant_id?: number; sku?: string; product_id?: number }): { product: Product; variant: Variant } {
    if (item.product_id !== undefined) {
      const product = this.products.get(item.product_id);
      if (!product) throw new BcError(422, `[Item with product_id ${item.product_id} does not exist]`);
      if (product.inventory_tracking !== 'product') {
        throw new BcError(422, `[Item with product_id ${item.product_id} is tracked by ${product.inventory_tracking === 'variant' ? 'variant, please update stock by variant id or sku' : 'none: inventory tracking is off'}]`);
      }
      return { product, variant: product.variants[0] };
    }
    const variant = item.variant_id !== undefined ? this.variants.get(item.variant_id) : this.variantBySku(item.sku ?? '');
    const label = item.variant_id !== undefined ? `variant_id ${item.variant_id}` : `sku ${item.sku}`;
    if (!variant) throw new BcError(422, `[Item with ${label} does not exist]`);
    const product = this.product(variant.product_id);
    if (product.inventory_tracking === 'product') throw new BcError(422, `[Item with ${label} is tracked by product, please update stock by product id]`);
    if (product.inventory_tracking === 'none') throw new BcError(422, `[Item with ${label} is not tracked: inventory tracking is off for its product]`);
    return { product, variant };
  }

  setInventory(variant: Variant, locationId: number, quantity: number): void {
    variant.inventory.set(locationId, quantity);
    this.product(variant.product_id).date_modified = new Date();
  }

  private optionValueId(product: Product, optionName: string, label: string): number {
    const option = product.options.find((o) => o.display_name === optionName);
    const value = option?.option_values.find((v) => v.label === label);
    if (!value) throw new BcError(422, `The option value "${optionName}: ${label}" does not exist on this product.`);
    return value.id;
  }

  private resolveOptionValues(product: Product, values: OptionValueInput[]): number[] {
    if (values.length !== product.options.length) {
      throw new BcError(422, `A variant of this product must have one value for each of its ${product.options.length} options.`, { option_values: `${values.length} given` });
    }
    const byOption = new Map<number, number>();
    for (const value of values) {
      let optionId: number;
      let valueId: number;
      if (value.id !== undefined && value.option_id !== undefined) {
        const option = product.options.find((o) => o.id === value.option_id);
        if (!option || !option.option_values.some((v) => v.id === value.id)) {
          throw new BcError(422, `The option value ${value.id} of option ${value.option_id} does not exist on this product.`);
        }
        optionId = option.id;
        valueId = value.id;
      } else if (value.option_display_name !== undefined && value.label !== undefined) {
        valueId = this.optionValueId(product, value.option_display_name, value.label);
        optionId = product.options.find((o) => o.display_name === value.option_display_name)!.id;
      } else {
        throw new BcError(422, 'Each option value needs either id and option_id, or option_display_name and label.');
      }
      if (byOption.has(optionId)) throw new BcError(422, 'A variant may have only one value per option.');
      byOption.set(optionId, valueId);
    }
    return product.options.map((o) => byOption.get(o.id)!);
  }

  private buildOptionsFromVariants(product: Product, variants: VariantInput[]): void {
    const order: string[] = [];
    const labels = new Map<string, string[]>();
    for (const variant of variants) {
      for (const value of variant.option_values ?? []) {
        const name = value.option_display_name;
        if (typeof name !== 'string' || name === '' || typeof value.label !== 'string' || value.label === '') {
          throw new BcError(422, 'A new product\'s variants name their options with option_display_name and label.', { option_values: 'option_display_name and label are required' });
        }
        if (!labels.has(name)) {
          labels.set(name, []);
          order.push(name);
        }
        if (!labels.get(name)!.includes(value.label)) labels.get(name)!.push(value.label);
      }
    }
    for (const [index, name] of order.entries()) {
      product.options.push({
        id: this.nextOptionId++,
        product_id: product.id,
        display_name: name,
        type: 'rectangles',
        sort_order: index,
        option_values: labels.get(name)!.map((label, i) => ({ id: this.nextOptionValueId++, label, sort_order: i, is_default: false })),
      });
    }
  }

  private assertUniqueCombinations(product: Product): void {
    const seen = new Set<string>();
    for (const variant of product.variants) {
      const key = variant.option_value_ids.join(',');
      if (seen.has(key)) throw new BcError(409, 'Two variants of this product have the same option values.', { option_values: 'duplicate combination' });
      seen.add(key);
    }
  }

  private assertSkusFree(skus: string[], exceptProductId: number | null): void {
    const seen = new Set<string>();
    for (const sku of skus) {
      const key = sku.toLowerCase();
      const owner = this.skuOwners.get(key);
      if (seen.has(key) || (owner && owner.productId !== exceptProductId)) {
        throw new BcError(409, `Sku "${sku}" is not unique.`, { sku: `"${sku}" is already used by another product or variant` });
      }
      seen.add(key);
    }
  }

  private newVariant(product: Product, input: VariantInput, optionValueIds: number[]): Variant {
    return {
      id: this.nextVariantId++,
      product_id: product.id,
      sku: (input.sku ?? '').trim(),
      sku_id: optionValueIds.length > 0 ? this.nextSkuId++ : null,
      price: input.price ?? null,
      cost_price: input.cost_price ?? null,
      weight: input.weight ?? null,
      upc: input.upc ?? '',
      purchasing_disabled: input.purchasing_disabled ?? false,
      option_value_ids: optionValueIds,
      inventory: new Map(),
    };
  }
}
