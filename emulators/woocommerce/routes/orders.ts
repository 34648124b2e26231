// /orders and /orders/<id>.
import type { Router, RequestContext } from '../router.ts';
import type { WooStore } from '../woo-store.ts';
import type { OrderRecord } from '../order-book.ts';
import { orderStatusParam } from '../order-book.ts';
import { orderJson } from '../order-json.ts';
import { readPaging, readOrder } from '../paging.ts';
import { idList, notFound, readDateBounds, readOrderBy, withinBounds } from './list-filters.ts';
import { orderAndPage } from './ordering.ts';
import { isForced } from './products.ts';
import { WooError } from '../woo-error.ts';

export function registerOrderRoutes(router: Router, store: WooStore): void {
  const book = store.orders;
  const find = (ctx: RequestContext): OrderRecord => {
    const order = book.orders.get(Number(ctx.params.id));
    if (!order) throw notFound('woocommerce_rest_shop_order_invalid_id');
    return order;
  };

  router.add(['GET'], '/orders', 'list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const order = readOrder(q);
    const orderby = readOrderBy(q, ['date', 'id', 'include', 'title', 'slug', 'modified']);
    const bounds = readDateBounds(q);
    const statuses = orderStatusParam(q.get('status') ?? 'any');
    const include = idList(q, 'include');
    const includeSet = include ? new Set(include) : null;
    const items = [...book.orders.values()].filter((o) => {
      if (statuses === 'any' ? o.status === 'trash' : !statuses.includes(o.status)) return false;
      if (includeSet && !includeSet.has(o.id)) return false;
      return withinBounds(bounds, o.createdS, o.modifiedS);
    });
    const { page, headers } = orderAndPage(items, { orderby, order, paging, include }, ctx.url);
    return { status: 200, body: page.map((o) => orderJson(o, ctx.origin)), headers };
  });
  router.add(['POST'], '/orders', 'create', (ctx) => ({
    status: 201,
    body: orderJson(book.create(ctx.body, 'rest-api'), ctx.origin),
  }));
  router.add(['GET'], '/orders/:id', 'view', (ctx) => ({ status: 200, body: orderJson(find(ctx), ctx.origin) }));
  router.add(['PUT', 'PATCH', 'POST'], '/orders/:id', 'edit', (ctx) => ({
    status: 200,
    body: orderJson(book.update(find(ctx), ctx.body), ctx.origin),
  }));
  router.add(['DELETE'], '/orders/:id', 'delete', (ctx) => {
    const order = find(ctx);
    const shown = orderJson(order, ctx.origin);
    if (isForced(ctx)) {
      book.orders.delete(order.id);
    } else {
      if (order.status === 'trash') {
        throw new WooError(410, 'woocommerce_rest_already_trashed', 'The order has already been deleted.');
      }
      // Trashing does not put stock back.
      order.status = 'trash';
      shown.status = 'trash';
    }
    store.sender.notify('order', 'deleted', order.id);
    return { status: 200, body: shown };
  });
}
