// /webhooks and /webhooks/<id>. Creating one pings its URL during the request.
import type { Router, RequestContext } from '../router.ts';
import type { WooStore } from '../woo-store.ts';
import type { WebhookRecord } from '../webhook-registry.ts';
import { webhookJson } from '../webhook-registry.ts';
import { readPaging, readOrder } from '../paging.ts';
import { notFound, readOrderBy } from './list-filters.ts';
import { orderAndPage } from './ordering.ts';
import { isForced } from './products.ts';
import { WooError, invalidParam } from '../woo-error.ts';
import { runBatch } from './batch.ts';

export function registerWebhookRoutes(router: Router, store: WooStore): void {
  const { webhooks } = store;
  const find = (ctx: RequestContext): WebhookRecord => {
    const hook = webhooks.hooks.get(Number(ctx.params.id));
    if (!hook) throw notFound('woocommerce_rest_webhook_invalid_id');
    return hook;
  };

  router.add(['GET'], '/webhooks', 'list', (ctx) => {
    const paging = readPaging(ctx.query);
    const order = readOrder(ctx.query);
    const orderby = readOrderBy(ctx.query, ['date', 'id', 'title']);
    const status = ctx.query.get('status') ?? 'all';
    if (!['all', 'active', 'paused', 'disabled'].includes(status)) {
      throw invalidParam('status', 'status is not one of all, active, paused, disabled.');
    }
    const items = [...webhooks.hooks.values()]
      .filter((h) => status === 'all' || h.status === status);
    const { page, headers } = orderAndPage(items, { orderby, order, paging, include: null }, ctx.url);
    return { status: 200, body: page.map((h) => webhookJson(h, ctx.origin)), headers };
  });
  router.add(['POST'], '/webhooks', 'create', async (ctx) => {
    const hook = webhooks.write(undefined, ctx.body);
    if (hook.status === 'active') await store.sender.ping(hook);
    return { status: 201, body: webhookJson(hook, ctx.origin) };
  });
  router.add(['GET'], '/webhooks/:id', 'view', (ctx) => ({ status: 200, body: webhookJson(find(ctx), ctx.origin) }));
  router.add(['PUT', 'PATCH', 'POST'], '/webhooks/:id', 'edit', (ctx) => ({
    status: 200,
    body: webhookJson(webhooks.write(find(ctx), ctx.body), ctx.origin),
  }));
  router.add(['DELETE'], '/webhooks/:id', 'delete', (ctx) => {
    const hook = find(ctx);
    if (!isForced(ctx)) {
      throw new WooError(501, 'woocommerce_rest_trash_not_supported', 'Webhooks do not support trashing.');
    }
    webhooks.hooks.delete(hook.id);
    return { status: 200, body: webhookJson(hook, ctx.origin) };
  });
  router.add(['POST', 'PUT', 'PATCH'], '/webhooks/batch', 'batch', (ctx) => ({
    status: 200,
    body: runBatch(ctx.body, {
      create: (item) => {
        const hook = webhooks.write(undefined, item);
        if (hook.status === 'active') void store.sender.ping(hook);
        return webhookJson(hook, ctx.origin);
      },
      update: (id, item) => {
        const hook = webhooks.hooks.get(id);
        if (!hook) throw notFound('woocommerce_rest_webhook_invalid_id');
        return webhookJson(webhooks.write(hook, item), ctx.origin);
      },
      delete: (id) => {
        const hook = webhooks.hooks.get(id);
        if (!hook) throw notFound('woocommerce_rest_webhook_invalid_id');
        webhooks.hooks.delete(id);
        return webhookJson(hook, ctx.origin);
      },
    }),
  }));
}
