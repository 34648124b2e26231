// /v2/orders: the v2 Orders API answers bare arrays (204 when a list is empty) and v2-style errors.
import { BcError } from '../bc-error.ts';
import type { InventoryChange } from '../catalog-state.ts';
import type { Order, OrderState } from '../order-state.ts';
import { orderJson, orderLineJson } from '../representations.ts';
import type { Route } from '../router.ts';

function parseDate(value: string, name: string): number {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new BcError(400, `${name} must be a date in RFC 2822 or ISO 8601 format.`);
  return time;
}

export function orderRoutes(
  orders: OrderState,
  origin: () => string,
  onOrderChange: (order: Order, event: 'created' | 'statusUpdated', previousStatus: number, changes: InventoryChange[]) => void,
): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/orders',
      writes: false,
      handler: (request) => {
        const q = request.query;
        const minModified = q.has('min_date_modified') ? parseDate(q.get('min_date_modified')!, 'min_date_modified') : null;
        const maxModified = q.has('max_date_modified') ? parseDate(q.get('max_date_modified')!, 'max_date_modified') : null;
        const minCreated = q.has('min_date_created') ? parseDate(q.get('min_date_created')!, 'min_date_created') : null;
        const statusId = q.has('status_id') ? Number(q.get('status_id')) : null;
        const page = q.has('page') ? Number(q.get('page')) : 1;
        const limit = Math.min(q.has('limit') ? Number(q.get('limit')) : 50, 250);
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(limit) || limit < 1) throw new BcError(400, 'page and limit must be whole numbers of at least 1.');
        // v2 dates have whole seconds: compare as the API does.
        const seconds = (d: Date) => Math.floor(d.getTime() / 1000) * 1000;
        let list = [...orders.orders.values()].filter(
          (o) =>
            (minModified === null || seconds(o.date_modified) >= minModified) &&
            (maxModified === null || seconds(o.date_modified) <= maxModified) &&
            (minCreated === null || seconds(o.date_created) >= minCreated) &&
            (statusId === null || o.status_id === statusId),
        );
        const [sortField, direction] = (q.get('sort') ?? 'id:asc').split(':');
        const key = (o: Order) => (sortField === 'date_modified' ? o.date_modified.getTime() : sortField === 'date_created' ? o.date_created.getTime() : o.id);
        list.sort((a, b) => (key(a) - key(b) || a.id - b.id) * (direction === 'desc' ? -1 : 1));
        list = list.slice((page - 1) * limit, page * limit);
        if (list.length === 0) return { status: 204 };
        return { status: 200, body: list.map((o) => orderJson(origin(), o)) };
      },
    },
    {
      method: 'GET',
      pattern: '/orders/{order_id}',
      writes: false,
      handler: (request) => ({ status: 200, body: orderJson(origin(), orders.get(Number(request.params.order_id))) }),
    },
    {
      method: 'GET',
      pattern: '/orders/{order_id}/products',
      writes: false,
      handler: (request) => {
        const order = orders.get(Number(request.params.order_id));
        return { status: 200, body: order.lines.map((line) => orderLineJson(order, line)) };
      },
    },
    {
      method: 'PUT',
      pattern: '/orders/{order_id}',
      writes: true,
      handler: (request) => {
        const body = request.body as { status_id?: unknown } | null;
        if (!body || typeof body.status_id !== 'number') throw new BcError(400, 'Only status_id can be changed here; it must be a number.');
        const previous = orders.get(Number(request.params.order_id)).status_id;
        const { order, changes } = orders.setStatus(Number(request.params.order_id), body.status_id);
        if (previous !== order.status_id) onOrderChange(order, 'statusUpdated', previous, changes);
        return { status: 200, body: orderJson(origin(), order) };
      },
    },
  ];
}
