// /v3/catalog: products, variants, options — with BigCommerce's batch limits (products 10,
// variants 50) and paging (limit ≤ 250; ≤ 10 when options or modifiers are included).
import { BcError } from '../bc-error.ts';
import type { CatalogState, Product, ProductInput, VariantInput } from '../catalog-state.ts';
import { optionJson, productJson, variantJson } from '../representations.ts';
import type { ApiRequest, Route } from '../router.ts';
import { listPage, pageRequest } from './paging.ts';

const PRODUCT_FIELD_TYPES: Record<string, 'string' | 'number' | 'boolean' | 'array'> = {
  name: 'string',
  type: 'string',
  sku: 'string',
  description: 'string',
  weight: 'number',
  price: 'number',
  cost_price: 'number',
  is_visible: 'boolean',
  inventory_tracking: 'string',
  inventory_level: 'number',
  categories: 'array',
  brand_id: 'number',
  upc: 'string',
  variants: 'array',
};

const VARIANT_FIELD_TYPES: Record<string, 'string' | 'number' | 'boolean' | 'array'> = {
  id: 'number',
  product_id: 'number',
  sku: 'string',
  price: 'number',
  cost_price: 'number',
  weight: 'number',
  upc: 'string',
  inventory_level: 'number',
  purchasing_disabled: 'boolean',
  option_values: 'array',
};

function checkTypes(input: unknown, types: Record<string, string>, where: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new BcError(422, `${where} must be a JSON object.`);
  const errors: Record<string, string> = {};
  for (const [field, value] of Object.entries(input)) {
    const expected = types[field];
    if (!expected || value === null) continue;
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (actual !== expected) errors[field] = `${field} must be ${expected === 'array' ? 'an array' : `a ${expected}`}`;
    else if (field === 'inventory_level' && !Number.isInteger(value)) errors[field] = 'inventory_level must be an integer';
  }
  if (Object.keys(errors).length > 0) throw new BcError(422, 'JSON data is missing or invalid', errors);
  const variants = (input as { variants?: unknown[] }).variants;
  if (Array.isArray(variants)) variants.forEach((v, i) => checkTypes(v, VARIANT_FIELD_TYPES, `variants[${i}]`));
  return input as Record<string, unknown>;
}

function includeSet(request: ApiRequest): Set<string> {
  return new Set((request.query.get('include') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

function intList(value: string | null): number[] | null {
  if (value === null) return null;
  return value.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n));
}

function fieldList(value: string | null): Set<string> | null {
  return value === null ? null : new Set(value.split(',').map((s) => s.trim()).filter(Boolean));
}

/** `include_fields`: only these fields (and always the id and any included sub-resources). */
function pickFields(body: Record<string, unknown>, fields: Set<string> | null, include: Set<string>): Record<string, unknown> {
  if (!fields) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => key === 'id' || fields.has(key) || include.has(key)));
}

function productMatches(catalog: CatalogState, product: Product, query: URLSearchParams): boolean {
  const id = query.get('id');
  if (id !== null && product.id !== Number(id)) return false;
  const sku = query.get('sku');
  if (sku !== null && product.sku.toLowerCase() !== sku.toLowerCase()) return false;
  const skus = query.get('sku:in');
  if (skus !== null && !skus.split(',').map((s) => s.trim().toLowerCase()).includes(product.sku.toLowerCase())) return false;
  const name = query.get('name');
  if (name !== null && product.name !== name) return false;
  const visible = query.get('is_visible');
  if (visible !== null && product.is_visible !== (visible === 'true' || visible === '1')) return false;
  const modifiedMin = query.get('date_modified:min');
  if (modifiedMin !== null && product.date_modified.getTime() < Date.parse(modifiedMin)) return false;
  const keyword = query.get('keyword');
  if (keyword !== null) {
    const needle = keyword.toLowerCase();
    const hit = product.name.toLowerCase().includes(needle) || product.variants.some((v) => v.sku.toLowerCase().includes(needle));
    if (!hit) return false;
  }
  return true;
}

export function catalogRoutes(catalog: CatalogState, onProductChange: (product: Product, created: boolean) => void): Route[] {
  const one = (data: unknown) => ({ status: 200, body: { data, meta: {} } });
  return [
    {
      method: 'GET',
      pattern: '/catalog/products',
      writes: false,
      handler: (request) => {
        const include = includeSet(request);
        const maxLimit = include.has('options') || include.has('modifiers') ? 10 : 250;
        const paging = pageRequest(request.query, 50, maxLimit);
        const ids = intList(request.query.get('id:in'));
        const candidates = ids ? ids.flatMap((id) => catalog.products.get(id) ?? []).sort((a, b) => a.id - b.id) : [...catalog.products.values()];
        const matching = candidates.filter((p) => productMatches(catalog, p, request.query));
        const fields = fieldList(request.query.get('include_fields'));
        return listPage(matching, paging, request.query, (p) => pickFields(productJson(catalog, p, include), fields, include));
      },
    },
    {
      method: 'POST',
      pattern: '/catalog/products',
      writes: true,
      handler: (request) => {
        const input = checkTypes(request.body, PRODUCT_FIELD_TYPES, 'The product') as ProductInput;
        const product = catalog.createProduct(input);
        onProductChange(product, true);
        return one(productJson(catalog, product, new Set(['variants', 'options'])));
      },
    },
    {
      method: 'PUT',
      pattern: '/catalog/products',
      writes: true,
      handler: (request) => {
        if (!Array.isArray(request.body)) throw new BcError(422, 'The body must be an array of products, each with its id.');
        if (request.body.length > 10) throw new BcError(413, `At most 10 products may be updated in one request; ${request.body.length} were sent.`);
        const data: unknown[] = [];
        const errors: Array<{ status: number; title: string; type: string; errors: Record<string, string> }> = [];
        for (const item of request.body) {
          try {
            const input = checkTypes(item, { ...PRODUCT_FIELD_TYPES, id: 'number' }, 'Each product');
            if (typeof input.id !== 'number') throw new BcError(422, 'Each product in a batch update needs its id.', { id: 'id is required' });
            const product = catalog.updateProduct(input.id, input as ProductInput);
            onProductChange(product, false);
            data.push(productJson(catalog, product, new Set()));
          } catch (error) {
            if (!(error instanceof BcError)) throw error;
            errors.push(error.toBody());
          }
        }
        if (errors.length === 0) return { status: 200, body: { data, meta: {} } };
        return { status: 207, body: { data, errors, meta: { total: request.body.length, success: data.length, failed: errors.length } } };
      },
    },
    {
      method: 'GET',
      pattern: '/catalog/products/{product_id}',
      writes: false,
      handler: (request) => one(productJson(catalog, catalog.product(Number(request.params.product_id)), includeSet(request))),
    },
    {
      method: 'PUT',
      pattern: '/catalog/products/{product_id}',
      writes: true,
      handler: (request) => {
        const input = checkTypes(request.body, PRODUCT_FIELD_TYPES, 'The product') as ProductInput;
        const product = catalog.updateProduct(Number(request.params.product_id), input);
        onProductChange(product, false);
        return one(productJson(catalog, product, new Set()));
      },
    },
    {
      method: 'DELETE',
      pattern: '/catalog/products/{product_id}',
      writes: true,
      handler: (request) => {
        catalog.deleteProduct(Number(request.params.product_id));
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: '/catalog/products/{product_id}/variants',
      writes: false,
      handler: (request) => {
        const product = catalog.product(Number(request.params.product_id));
        return listPage(product.variants, pageRequest(request.query, 50, 250), request.query, (v) => variantJson(catalog, v));
      },
    },
    {
      method: 'POST',
      pattern: '/catalog/products/{product_id}/variants',
      writes: true,
      handler: (request) => {
        const input = checkTypes(request.body, VARIANT_FIELD_TYPES, 'The variant') as VariantInput;
        const variant = catalog.addVariant(Number(request.params.product_id), input);
        onProductChange(catalog.product(variant.product_id), false);
        return one(variantJson(catalog, variant));
      },
    },
    {
      method: 'GET',
      pattern: '/catalog/products/{product_id}/variants/{variant_id}',
      writes: false,
      handler: (request) => one(variantJson(catalog, ownedVariant(catalog, request))),
    },
    {
      method: 'PUT',
      pattern: '/catalog/products/{product_id}/variants/{variant_id}',
      writes: true,
      handler: (request) => {
        const variant = ownedVariant(catalog, request);
        const input = checkTypes(request.body, VARIANT_FIELD_TYPES, 'The variant') as VariantInput;
        catalog.updateVariant(variant.id, input);
        onProductChange(catalog.product(variant.product_id), false);
        return one(variantJson(catalog, variant));
      },
    },
    {
      method: 'DELETE',
      pattern: '/catalog/products/{product_id}/variants/{variant_id}',
      writes: true,
      handler: (request) => {
        catalog.deleteVariant(ownedVariant(catalog, request).id);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: '/catalog/variants',
      writes: false,
      handler: (request) => {
        const ids = intList(request.query.get('id:in'));
        const productIds = intList(request.query.get('product_id:in'));
        const sku = request.query.get('sku')?.toLowerCase() ?? null;
        const skus = request.query.get('sku:in')?.split(',').map((s) => s.trim().toLowerCase()) ?? null;
        const matching = [...catalog.variants.values()].filter(
          (v) =>
            (!ids || ids.includes(v.id)) &&
            (!productIds || productIds.includes(v.product_id)) &&
            (sku === null || v.sku.toLowerCase() === sku) &&
            (!skus || skus.includes(v.sku.toLowerCase())),
        );
        return listPage(matching, pageRequest(request.query, 50, 250), request.query, (v) => variantJson(catalog, v));
      },
    },
    {
      method: 'PUT',
      pattern: '/catalog/variants',
      writes: true,
      handler: (request) => {
        if (!Array.isArray(request.body)) throw new BcError(422, 'The body must be an array of variants.');
        if (request.body.length > 50) throw new BcError(413, `At most 50 variants may be sent in one request; ${request.body.length} were sent.`);
        // Validate the whole batch first: this endpoint applies all or nothing.
        const inputs = request.body.map((item, i) => checkTypes(item, VARIANT_FIELD_TYPES, `variants[${i}]`));
        for (const [i, input] of inputs.entries()) {
          if (typeof input.id === 'number') catalog.variant(input.id);
          else if (typeof input.product_id !== 'number' || typeof input.sku !== 'string') {
            throw new BcError(422, `variants[${i}] needs an id to update, or product_id, sku and option_values to create.`);
          }
        }
        const results = inputs.map((input) => {
          const variant = typeof input.id === 'number' ? catalog.updateVariant(input.id, input as VariantInput) : catalog.addVariant(input.product_id as number, input as VariantInput);
          onProductChange(catalog.product(variant.product_id), false);
          return variantJson(catalog, variant);
        });
        return { status: 200, body: { data: results, meta: {} } };
      },
    },
    {
      method: 'GET',
      pattern: '/catalog/products/{product_id}/options',
      writes: false,
      handler: (request) => {
        const product = catalog.product(Number(request.params.product_id));
        return listPage(product.options, pageRequest(request.query, 50, 250), request.query, optionJson);
      },
    },
    {
      method: 'POST',
      pattern: '/catalog/products/{product_id}/options',
      writes: true,
      handler: (request) => one(optionJson(catalog.addOption(Number(request.params.product_id), request.body as never))),
    },
    {
      method: 'GET',
      pattern: '/catalog/products/{product_id}/options/{option_id}',
      writes: false,
      handler: (request) => one(optionJson(catalog.option(Number(request.params.product_id), Number(request.params.option_id)))),
    },
    {
      method: 'POST',
      pattern: '/catalog/products/{product_id}/options/{option_id}/values',
      writes: true,
      handler: (request) => {
        const value = catalog.addOptionValue(Number(request.params.product_id), Number(request.params.option_id), (request.body ?? {}) as never);
        return one({ ...value, value_data: null });
      },
    },
  ];
}

function ownedVariant(catalog: CatalogState, request: ApiRequest) {
  const variant = catalog.variant(Number(request.params.variant_id));
  if (variant.product_id !== Number(request.params.product_id)) throw new BcError(404, 'The requested variant was not found.');
  return variant;
}
