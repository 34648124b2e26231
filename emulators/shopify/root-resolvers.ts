// The Query and Mutation root fields the emulator implements. Everything else in the schema
// answers "not emulated" through the field resolver (graphql-endpoint.ts).
import type { GraphQLResolveInfo } from 'graphql';
import { parseGid, splitGid } from './gid.ts';
import { connection, type PageArgs } from './connection.ts';
import { shopifyError, userError } from './errors.ts';
import type { ShopifyContext } from './context.ts';
import { InventoryItemView, InventoryLevelView, LocationView, ProductView, ShopView, VariantView } from './catalog-views.ts';
import { OrderView, RefundView } from './order-views.ts';
import { buildPredicate, matchAnyOf, matchDate, matchText, parseSearchQuery, type FieldMatcher } from './search-query.ts';
import { containsText, idMatcher, orderFields, productFields, variantFields } from './search-fields.ts';
import { WebhookSubscriptionView } from './webhook-views.ts';
import { productSet, type ProductSetInput } from './product-set.ts';
import { inventoryAdjustQuantities, inventorySetOnHandQuantities, inventorySetQuantities } from './inventory-mutations.ts';
import { inventoryActivate, inventoryBulkToggleActivation } from './inventory-activation.ts';
import type { ShopStore } from './store.ts';

type SearchArgs = PageArgs & { query?: string | null; sortKey?: string | null };

function filtered<T>(ctx: ShopifyContext, info: GraphQLResolveInfo, items: T[], args: SearchArgs, fields: Record<string, FieldMatcher<T>>, freeText: FieldMatcher<T>): T[] {
  const warnings: Array<{ field: string; message: string }> = [];
  const predicate = buildPredicate(parseSearchQuery(args.query), fields, freeText, warnings);
  if (warnings.length) ctx.searchWarnings.push({ path: [info.path.key], query: args.query ?? '', warnings });
  return predicate ? items.filter(predicate) : items;
}

/** Items sorted by the requested key, ties broken by id; the sort key is part of the cursor. */
function sortBy<T extends { id: number }>(items: T[], sortKey: string | null | undefined, keys: Record<string, (t: T) => string | number>): { items: T[]; keyOf: (t: T) => Array<string | number> } {
  const key = sortKey && keys[sortKey];
  if (!key) return { items, keyOf: (t) => [t.id] };
  const sorted = [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : a.id - b.id;
  });
  return { items: sorted, keyOf: (t) => [key(t), t.id] };
}

function nodeById(store: ShopStore, id: string): unknown {
  const parts = splitGid(id);
  if (!parts) return null;
  switch (parts.type) {
    case 'Product': {
      const p = store.products.get(parts.id);
      return p ? new ProductView(store, p) : null;
    }
    case 'ProductVariant': {
      const v = store.variants.get(parts.id);
      return v ? new VariantView(store, v) : null;
    }
    case 'InventoryItem': {
      const i = store.inventoryItems.get(parts.id);
      return i ? new InventoryItemView(store, i) : null;
    }
    case 'Location': {
      const l = store.locations.get(parts.id);
      return l ? new LocationView(store, l) : null;
    }
    case 'Order': {
      const o = store.orders.get(parts.id);
      return o ? new OrderView(store, o) : null;
    }
    default:
      throw shopifyError(`not emulated: node lookup for ${parts.type} ids`, 'NOT_EMULATED');
  }
}

export const queryRoot = {
  shop: (_: unknown, ctx: ShopifyContext) => new ShopView(ctx.store),
  locations: (args: SearchArgs, ctx: ShopifyContext, info: GraphQLResolveInfo) => {
    const items = filtered(ctx, info, [...ctx.store.locations.values()], args, { name: (l, t) => matchText(l.name, t) }, containsText((l) => l.name));
    return connection(items, (l) => [l.id], (l) => new LocationView(ctx.store, l), args, { unlimited: ctx.bulk });
  },
  location: (args: { id?: string | null }, ctx: ShopifyContext) => {
    const l = args.id == null ? ctx.store.firstLocation() : ctx.store.locations.get(parseGid(args.id, 'Location') ?? -1);
    return l ? new LocationView(ctx.store, l) : null;
  },
  products: (args: SearchArgs, ctx: ShopifyContext, info: GraphQLResolveInfo) => {
    const items = filtered(ctx, info, ctx.store.productList(), args, productFields(ctx.store), containsText((p) => p.title));
    const sorted = sortBy(items, args.sortKey, {
      UPDATED_AT: (p) => p.updatedAt,
      CREATED_AT: (p) => p.createdAt,
      TITLE: (p) => p.title.toLowerCase(),
      PRODUCT_TYPE: (p) => p.productType,
      VENDOR: (p) => p.vendor,
    });
    return connection(sorted.items, sorted.keyOf, (p) => new ProductView(ctx.store, p), args, { unlimited: ctx.bulk });
  },
  product: (args: { id: string }, ctx: ShopifyContext) => {
    const p = ctx.store.products.get(parseGid(args.id, 'Product') ?? -1);
    return p ? new ProductView(ctx.store, p) : null;
  },
  productByHandle: (args: { handle: string }, ctx: ShopifyContext) => {
    const p = ctx.store.productByHandle(args.handle);
    return p ? new ProductView(ctx.store, p) : null;
  },
  productVariants: (args: SearchArgs, ctx: ShopifyContext, info: GraphQLResolveInfo) => {
    const store = ctx.store;
    let base = store.variantList();
    // The SKU index answers the common `sku:X` lookup without a scan.
    const single = /^\s*sku:(?:"([^"]+)"|'([^']+)'|([^\s*'"]+))\s*$/.exec(args.query ?? '');
    if (single) base = store.variantsBySku(single[1] ?? single[2] ?? single[3]);
    const items = single ? base : filtered(ctx, info, base, args, variantFields(store), containsText((v) => store.variantTitle(v)));
    const sorted = sortBy(items, args.sortKey, {
      SKU: (v) => v.sku ?? '',
      TITLE: (v) => store.variantTitle(v),
      POSITION: (v) => v.position,
      INVENTORY_QUANTITY: (v) => [...store.inventoryItems.get(v.inventoryItemId)!.levels.values()].reduce((s, l) => s + l.available, 0),
    });
    return connection(sorted.items, sorted.keyOf, (v) => new VariantView(store, v), args, { unlimited: ctx.bulk });
  },
  productVariant: (args: { id: string }, ctx: ShopifyContext) => {
    const v = ctx.store.variants.get(parseGid(args.id, 'ProductVariant') ?? -1);
    return v ? new VariantView(ctx.store, v) : null;
  },
  inventoryItem: (args: { id: string }, ctx: ShopifyContext) => {
    const i = ctx.store.inventoryItems.get(parseGid(args.id, 'InventoryItem') ?? -1);
    return i ? new InventoryItemView(ctx.store, i) : null;
  },
  inventoryItems: (args: SearchArgs, ctx: ShopifyContext, info: GraphQLResolveInfo) => {
    const store = ctx.store;
    const items = filtered(ctx, info, store.variantList().map((v) => store.inventoryItems.get(v.inventoryItemId)!).sort((a, b) => a.id - b.id), args, {
      sku: (i, t) => matchText(store.variants.get(i.variantId)?.sku, t),
      updated_at: (i, t) => matchDate(i.updatedAt, t),
      id: idMatcher('InventoryItem'),
    }, containsText((i) => store.variants.get(i.variantId)?.sku ?? ''));
    return connection(items, (i) => [i.id], (i) => new InventoryItemView(store, i), args, { unlimited: ctx.bulk });
  },
  inventoryLevel: (args: { id: string }, ctx: ShopifyContext) => {
    const match = /^gid:\/\/shopify\/InventoryLevel\/(\d+)\?inventory_item_id=(\d+)$/.exec(args.id);
    const item = match ? ctx.store.inventoryItems.get(Number(match[2])) : undefined;
    const level = item?.levels.get(Number(match![1]));
    return item && level ? new InventoryLevelView(ctx.store, item, Number(match![1]), level) : null;
  },
  orders: (args: SearchArgs, ctx: ShopifyContext, info: GraphQLResolveInfo) => {
    const all = [...ctx.store.orders.values()];
    const items = filtered(ctx, info, all, args, orderFields, containsText((o) => o.name));
    const sorted = sortBy(items, args.sortKey, {
      UPDATED_AT: (o) => o.updatedAt,
      CREATED_AT: (o) => o.createdAt,
      PROCESSED_AT: (o) => o.createdAt,
      ORDER_NUMBER: (o) => o.number,
    });
    return connection(sorted.items, sorted.keyOf, (o) => new OrderView(ctx.store, o), args, { unlimited: ctx.bulk });
  },
  order: (args: { id: string }, ctx: ShopifyContext) => {
    const o = ctx.store.orders.get(parseGid(args.id, 'Order') ?? -1);
    return o ? new OrderView(ctx.store, o) : null;
  },
  refund: (args: { id: string }, ctx: ShopifyContext) => {
    const id = parseGid(args.id, 'Refund') ?? -1;
    for (const o of ctx.store.orders.values()) {
      const r = o.refunds.find((refund) => refund.id === id);
      if (r) return new RefundView(ctx.store, o, r);
    }
    return null;
  },
  node: (args: { id: string }, ctx: ShopifyContext) => nodeById(ctx.store, args.id),
  nodes: (args: { ids: string[] }, ctx: ShopifyContext) => args.ids.map((id) => nodeById(ctx.store, id)),
  bulkOperation: (args: { id: string }, ctx: ShopifyContext) => {
    const r = ctx.bulkOperations.get(parseGid(args.id, 'BulkOperation') ?? -1);
    return r ? ctx.bulkOperations.view(r) : null;
  },
  currentBulkOperation: (args: { type?: string | null }, ctx: ShopifyContext) => {
    if (args.type === 'MUTATION') return null;
    const r = ctx.bulkOperations.current();
    return r ? ctx.bulkOperations.view(r) : null;
  },
  bulkOperations: (args: SearchArgs, ctx: ShopifyContext, info: GraphQLResolveInfo) => {
    const items = filtered(ctx, info, ctx.bulkOperations.all(), args, {
      status: (r, t) => matchAnyOf(r.status, t),
      operation_type: (_r, t) => matchAnyOf('QUERY', t),
      created_at: (r, t) => matchDate(r.createdAt, t),
    }, () => false);
    return connection(items, (r) => [r.id], (r) => ctx.bulkOperations.view(r), args);
  },
  webhookSubscriptions: (args: SearchArgs & { topics?: string[] | null; uri?: string | null }, ctx: ShopifyContext) => {
    const items = [...ctx.webhooks.subscriptions.values()]
      .filter((s) => !args.topics || args.topics.includes(s.topic))
      .filter((s) => !args.uri || s.uri === args.uri);
    return connection(items, (s) => [s.id], (s) => new WebhookSubscriptionView(s), args);
  },
  webhookSubscription: (args: { id: string }, ctx: ShopifyContext) => {
    const s = ctx.webhooks.subscriptions.get(parseGid(args.id, 'WebhookSubscription') ?? -1);
    return s ? new WebhookSubscriptionView(s) : null;
  },
};

export const mutationRoot = {
  productSet: (args: { input: ProductSetInput; synchronous?: boolean | null; identifier?: { id?: string | null; handle?: string | null } | null }, ctx: ShopifyContext, info: GraphQLResolveInfo) => {
    if (args.synchronous === false) {
      throw shopifyError('not emulated: productSet(synchronous: false); call it with synchronous: true', 'NOT_EMULATED', info.fieldNodes);
    }
    const result = productSet(ctx.store, args.input, args.identifier);
    if (result.product) {
      if (!result.created) ctx.webhooks.productUpdated(result.product);
      for (const { item, locationId } of result.stocked) ctx.webhooks.inventoryLevelUpdated(item, locationId);
    }
    return {
      product: result.product ? new ProductView(ctx.store, result.product) : null,
      productSetOperation: null,
      userErrors: result.userErrors,
    };
  },
  inventorySetQuantities,
  inventoryAdjustQuantities,
  inventorySetOnHandQuantities,
  inventoryActivate,
  inventoryBulkToggleActivation,
  inventoryItemUpdate: (
    args: { id: string; input: { tracked?: boolean | null; sku?: string | null; cost?: string | null; requiresShipping?: boolean | null } },
    ctx: ShopifyContext,
  ) => {
    const item = ctx.store.inventoryItems.get(parseGid(args.id, 'InventoryItem') ?? -1);
    if (!item) return { inventoryItem: null, userErrors: [userError(['id'], 'Inventory item does not exist', null)] };
    const variant = ctx.store.variants.get(item.variantId)!;
    if (args.input.tracked != null) item.tracked = args.input.tracked;
    if (args.input.sku !== undefined) ctx.store.setSku(variant, args.input.sku || null);
    if (args.input.cost !== undefined) item.cost = args.input.cost ?? null;
    if (args.input.requiresShipping != null) item.requiresShipping = args.input.requiresShipping;
    item.updatedAt = ctx.store.now();
    return { inventoryItem: new InventoryItemView(ctx.store, item), userErrors: [] };
  },
  bulkOperationRunQuery: (args: { query: string }, ctx: ShopifyContext) => {
    const { record, userErrors } = ctx.bulkOperations.start(args.query);
    return { bulkOperation: record ? ctx.bulkOperations.view(record) : null, userErrors };
  },
  bulkOperationCancel: (args: { id: string }, ctx: ShopifyContext) => {
    const record = ctx.bulkOperations.cancel(parseGid(args.id, 'BulkOperation') ?? -1);
    return record
      ? { bulkOperation: ctx.bulkOperations.view(record), userErrors: [] }
      : { bulkOperation: null, userErrors: [userError(['id'], 'Bulk operation does not exist', null)] };
  },
  webhookSubscriptionCreate: (
    args: { topic: string; webhookSubscription: { uri?: string | null; callbackUrl?: string | null; format?: 'JSON' | 'XML' | null } },
    ctx: ShopifyContext,
  ) => {
    const uri = args.webhookSubscription.uri ?? args.webhookSubscription.callbackUrl ?? '';
    if (!/^https?:\/\/\S+$/.test(uri)) {
      return { webhookSubscription: null, userErrors: [userError(['webhookSubscription', 'uri'], 'Address is invalid', null)] };
    }
    const duplicate = [...ctx.webhooks.subscriptions.values()].some((s) => s.topic === args.topic && s.uri === uri);
    if (duplicate) {
      return { webhookSubscription: null, userErrors: [userError(['webhookSubscription', 'callbackUrl'], 'Address for this topic has already been taken', null)] };
    }
    const record = ctx.webhooks.subscribe(args.topic, uri, args.webhookSubscription.format ?? 'JSON');
    return { webhookSubscription: new WebhookSubscriptionView(record), userErrors: [] };
  },
  webhookSubscriptionDelete: (args: { id: string }, ctx: ShopifyContext) => {
    const id = parseGid(args.id, 'WebhookSubscription') ?? -1;
    if (!ctx.webhooks.subscriptions.delete(id)) {
      return { deletedWebhookSubscriptionId: null, userErrors: [userError(['id'], 'Webhook subscription does not exist', null)] };
    }
    return { deletedWebhookSubscriptionId: args.id, userErrors: [] };
  },
};
