// /products, /products/<id> and /products/batch.
import type { Router, RequestContext, ApiResponse } from '../router.ts';
import type { WooStore } from '../woo-store.ts';
import type { ProductRecord } from '../product-record.ts';
import { anyProductJson, productJson } from '../product-json.ts';
import { writeProduct, writeVariation } from '../product-input.ts';
import { readPaging, readOrder } from '../paging.ts';
import { idList, notFound, readDateBounds, readOrderBy, withinBounds } from './list-filters.ts';
import { orderAndPage } from './ordering.ts';
import { runBatch } from './batch.ts';
import { WooError, invalidParam } from '../woo-error.ts';
import type { InputMode } from '../input-reader.ts';

const LIST_STATUSES = ['any', 'draft', 'pending', 'private', 'publish', 'trash', 'future'];
const TYPES = ['simple', 'grouped', 'external', 'variable'];

export const isForced = (ctx: RequestContext): boolean => {
  const v = ctx.query.get('force') ?? ctx.body.force;
  return v === true || v === 'true' || v === '1' || v === 1;
};

export function registerProductRoutes(router: Router, store: WooStore): void {
  const { catalog } = store;

  const findProduct = (id: number): ProductRecord => {
    const record = catalog.get(id);
    if (!record) throw notFound('woocommerce_rest_product_invalid_id');
    return record;
  };

  const list = (ctx: RequestContext): ApiResponse => {
    const q = ctx.query;
    const paging = readPaging(q);
    const order = readOrder(q);
    const orderby = readOrderBy(q);
    const bounds = readDateBounds(q);
    const status = q.get('status') ?? 'any';
    if (!LIST_STATUSES.includes(status)) throw invalidParam('status', `status is not one of ${LIST_STATUSES.join(', ')}.`);
    const type = q.get('type');
    if (type !== null && !TYPES.includes(type)) throw invalidParam('type', `type is not one of ${TYPES.join(', ')}.`);
    const include = idList(q, 'include');
    const parents = idList(q, 'parent');
    const search = q.get('search')?.toLowerCase() ?? null;
    const slug = q.get('slug');
    const skuParam = q.get('sku');

    let base: ProductRecord[];
    let presorted: 'date' | 'id' | null = null;
    if (skuParam) {
      const found = new Map<number, ProductRecord>();
      for (const sku of skuParam.split(',')) {
        const record = sku.trim() ? catalog.findBySku(sku.trim()) : undefined;
        if (record) found.set(record.id, record);
      }
      base = [...found.values()];
    } else {
      presorted = orderby === 'id' ? 'id' : 'date';
      base = presorted === 'id' ? catalog.productsById() : catalog.productsByDate();
    }
    const includeSet = include ? new Set(include) : null;
    const parentSet = parents ? new Set(parents) : null;
    const unfiltered =
      status === 'any' && catalog.trashed === 0 && !type && !include && !parents && !search && !slug && !skuParam &&
      Object.values(bounds).every((b) => b === null);
    const filtered = unfiltered ? base : base.filter((r) => {
      if (status === 'any' ? r.status === 'trash' : r.status !== status) return false;
      if (type && r.type !== type) return false;
      if (includeSet && !includeSet.has(r.id)) return false;
      if (parentSet && !parentSet.has(r.parentId)) return false;
      if (search && !r.name.toLowerCase().includes(search)) return false;
      if (slug && r.slug !== slug) return false;
      return withinBounds(bounds, r.createdS, r.modifiedS);
    });
    const { page, headers } = orderAndPage(filtered, { orderby, order, paging, include }, ctx.url, presorted);
    return { status: 200, body: page.map((r) => anyProductJson(catalog, r, ctx.origin)), headers };
  };

  const create = (input: Record<string, unknown>, mode: InputMode): ProductRecord => {
    const record = writeProduct(catalog, undefined, input, mode);
    store.productChanged(record, 'created');
    return record;
  };

  const update = (id: number, input: Record<string, unknown>, mode: InputMode): ProductRecord => {
    const existing = findProduct(id);
    const record =
      existing.type === 'variation'
        ? writeVariation(catalog, findProduct(existing.parentId), existing, input, mode)
        : writeProduct(catalog, existing, input, mode);
    store.productChanged(record, 'updated');
    return record;
  };

  const remove = (id: number, force: boolean): unknown => {
    const existing = findProduct(id);
    const shown = anyProductJson(catalog, existing, store.origin());
    if (force) {
      catalog.remove(id);
    } else {
      if (existing.status === 'trash') {
        throw new WooError(410, 'woocommerce_rest_already_trashed', 'The product has already been deleted.');
      }
      catalog.save({ ...existing, status: 'trash' });
      shown.status = 'trash';
    }
    store.productChanged(existing, 'deleted');
    return shown;
  };

  router.add(['GET'], '/products', 'list', list);
  router.add(['POST'], '/products', 'create', (ctx) => ({
    status: 201,
    body: productJson(catalog, create(ctx.body, 'strict'), ctx.origin),
  }));
  router.add(['GET'], '/products/:id', 'view', (ctx) => ({
    status: 200,
    body: anyProductJson(catalog, findProduct(Number(ctx.params.id)), ctx.origin),
  }));
  router.add(['PUT', 'PATCH', 'POST'], '/products/:id', 'edit', (ctx) => ({
    status: 200,
    body: anyProductJson(catalog, update(Number(ctx.params.id), ctx.body, 'strict'), ctx.origin),
  }));
  router.add(['DELETE'], '/products/:id', 'delete', (ctx) => ({
    status: 200,
    body: remove(Number(ctx.params.id), isForced(ctx)),
  }));
  router.add(['POST', 'PUT', 'PATCH'], '/products/batch', 'batch', (ctx) => ({
    status: 200,
    body: runBatch(ctx.body, {
      create: (item) => productJson(catalog, create(item, 'lenient'), ctx.origin),
      update: (id, item) => anyProductJson(catalog, update(id, item, 'lenient'), ctx.origin),
      delete: (id) => remove(id, true),
    }),
  }));
}
