// /products/<product_id>/variations, .../<id> and .../batch.
import type { Router, RequestContext, ApiResponse } from '../router.ts';
import type { WooStore } from '../woo-store.ts';
import type { ProductRecord } from '../product-record.ts';
import { variationJson } from '../product-json.ts';
import { writeVariation } from '../product-input.ts';
import { readPaging, readOrder } from '../paging.ts';
import { idList, notFound, readDateBounds, readOrderBy, withinBounds } from './list-filters.ts';
import { orderAndPage } from './ordering.ts';
import { runBatch } from './batch.ts';
import { isForced } from './products.ts';
import { WooError } from '../woo-error.ts';
import type { InputMode } from '../input-reader.ts';

export function registerVariationRoutes(router: Router, store: WooStore): void {
  const { catalog } = store;

  const parentOf = (ctx: RequestContext): ProductRecord => {
    const parent = catalog.get(Number(ctx.params.product_id));
    if (!parent || parent.type === 'variation') throw notFound('woocommerce_rest_product_invalid_id');
    return parent;
  };
  const variationOf = (parent: ProductRecord, id: number): ProductRecord => {
    const record = catalog.get(id);
    if (!record || record.parentId !== parent.id) throw notFound('woocommerce_rest_product_variation_invalid_id');
    return record;
  };

  const list = (ctx: RequestContext): ApiResponse => {
    const parent = parentOf(ctx);
    const q = ctx.query;
    const paging = readPaging(q);
    const order = readOrder(q);
    const orderby = readOrderBy(q);
    const bounds = readDateBounds(q);
    const include = idList(q, 'include');
    const includeSet = include ? new Set(include) : null;
    const skus = q.get('sku')?.split(',').map((s) => s.trim().toLowerCase()) ?? null;
    const status = q.get('status') ?? 'any';
    const items = catalog.variationsOf(parent).filter((v) => {
      if (status !== 'any' && v.status !== status) return false;
      if (skus && !skus.includes(v.sku.toLowerCase())) return false;
      if (includeSet && !includeSet.has(v.id)) return false;
      return withinBounds(bounds, v.createdS, v.modifiedS);
    });
    const { page, headers } = orderAndPage(items, { orderby, order, paging, include }, ctx.url);
    return { status: 200, body: page.map((v) => variationJson(catalog, v, ctx.origin)), headers };
  };

  const create = (parent: ProductRecord, input: Record<string, unknown>, mode: InputMode): ProductRecord => {
    const record = writeVariation(catalog, parent, undefined, input, mode);
    store.productChanged(record, 'created');
    return record;
  };
  const update = (parent: ProductRecord, id: number, input: Record<string, unknown>, mode: InputMode): ProductRecord => {
    const record = writeVariation(catalog, parent, variationOf(parent, id), input, mode);
    store.productChanged(record, 'updated');
    return record;
  };
  const remove = (parent: ProductRecord, id: number, force: boolean): unknown => {
    const record = variationOf(parent, id);
    if (!force) {
      throw new WooError(501, 'woocommerce_rest_trash_not_supported', 'Variations do not support trashing. Set force to true to delete.');
    }
    const shown = variationJson(catalog, record, store.origin());
    catalog.remove(id);
    store.productChanged(record, 'deleted');
    return shown;
  };

  const base = '/products/:product_id/variations';
  router.add(['GET'], base, 'list', list);
  router.add(['POST'], base, 'create', (ctx) => ({
    status: 201,
    body: variationJson(catalog, create(parentOf(ctx), ctx.body, 'strict'), ctx.origin),
  }));
  router.add(['GET'], `${base}/:id`, 'view', (ctx) => ({
    status: 200,
    body: variationJson(catalog, variationOf(parentOf(ctx), Number(ctx.params.id)), ctx.origin),
  }));
  router.add(['PUT', 'PATCH', 'POST'], `${base}/:id`, 'edit', (ctx) => ({
    status: 200,
    body: variationJson(catalog, update(parentOf(ctx), Number(ctx.params.id), ctx.body, 'strict'), ctx.origin),
  }));
  router.add(['DELETE'], `${base}/:id`, 'delete', (ctx) => ({
    status: 200,
    body: remove(parentOf(ctx), Number(ctx.params.id), isForced(ctx)),
  }));
  router.add(['POST', 'PUT', 'PATCH'], `${base}/batch`, 'batch', (ctx) => {
    const parent = parentOf(ctx);
    return {
      status: 200,
      body: runBatch(ctx.body, {
        create: (item) => variationJson(catalog, create(parent, item, 'lenient'), ctx.origin),
        update: (id, item) => variationJson(catalog, update(parent, id, item, 'lenient'), ctx.origin),
        delete: (id) => remove(parent, id, true),
      }),
    };
  });
}
