// /products/attributes: the store's global attributes (list, read, create).
import type { Router } from '../router.ts';
import type { WooStore } from '../woo-store.ts';
import type { GlobalAttribute } from '../catalog.ts';
import { API_PREFIX } from '../product-json.ts';
import { InputReader } from '../input-reader.ts';
import { WooError } from '../woo-error.ts';
import { sanitizeTitle } from '../slug.ts';
import { notFound } from './list-filters.ts';
import { runBatch } from './batch.ts';
import { isForced } from './products.ts';

export function attributeJson(a: GlobalAttribute, origin: string) {
  return {
    id: a.id,
    name: a.name,
    slug: a.slug,
    type: a.type,
    order_by: a.orderBy,
    has_archives: a.hasArchives,
    _links: {
      self: [{ href: `${origin}${API_PREFIX}/products/attributes/${a.id}` }],
      collection: [{ href: `${origin}${API_PREFIX}/products/attributes` }],
    },
  };
}

export function registerAttributeRoutes(router: Router, store: WooStore): void {
  const { catalog } = store;
  router.add(['GET'], '/products/attributes', 'list', (ctx) => ({
    status: 200,
    body: [...catalog.attributes.values()].map((a) => attributeJson(a, ctx.origin)),
  }));
  router.add(['GET'], '/products/attributes/:id', 'view', (ctx) => {
    const attribute = catalog.attributes.get(Number(ctx.params.id));
    if (!attribute) throw notFound('woocommerce_rest_attribute_invalid');
    return { status: 200, body: attributeJson(attribute, ctx.origin) };
  });
  const find = (id: number): GlobalAttribute => {
    const attribute = catalog.attributes.get(id);
    if (!attribute) throw notFound('woocommerce_rest_attribute_invalid');
    return attribute;
  };

  const write = (existing: GlobalAttribute | undefined, input: Record<string, unknown>): GlobalAttribute => {
    const r = new InputReader(input, 'strict');
    const name = r.string('name')?.trim() ?? existing?.name;
    if (!name) throw new WooError(400, 'rest_missing_callback_param', 'Missing parameter(s): name', { params: ['name'] });
    const slugInput = r.string('slug');
    const slug = slugInput || !existing ? `pa_${sanitizeTitle(slugInput || name).replace(/^pa_/, '').slice(0, 25)}` : existing.slug;
    if ([...catalog.attributes.values()].some((a) => a.slug === slug && a.id !== existing?.id)) {
      throw new WooError(400, 'woocommerce_rest_cannot_create', `Slug "${slug}" is already in use. Change it, please.`);
    }
    const fields = {
      name,
      slug,
      type: r.oneOf('type', ['select', 'text'] as const) ?? existing?.type ?? 'select',
      orderBy: r.oneOf('order_by', ['menu_order', 'name', 'name_num', 'id'] as const) ?? existing?.orderBy ?? 'menu_order',
      hasArchives: r.boolean('has_archives') ?? existing?.hasArchives ?? false,
    };
    if (existing) return Object.assign(existing, fields);
    return catalog.addAttribute(fields);
  };

  const remove = (id: number): unknown => {
    const shown = attributeJson(find(id), store.origin());
    catalog.attributes.delete(id);
    return shown;
  };

  router.add(['POST'], '/products/attributes', 'create', (ctx) => ({ status: 201, body: attributeJson(write(undefined, ctx.body), ctx.origin) }));
  router.add(['PUT', 'PATCH', 'POST'], '/products/attributes/:id', 'edit', (ctx) => ({
    status: 200,
    body: attributeJson(write(find(Number(ctx.params.id)), ctx.body), ctx.origin),
  }));
  router.add(['DELETE'], '/products/attributes/:id', 'delete', (ctx) => {
    if (!isForced(ctx)) throw new WooError(501, 'woocommerce_rest_trash_not_supported', 'Resource does not support trashing.');
    return { status: 200, body: remove(Number(ctx.params.id)) };
  });
  router.add(['POST', 'PUT', 'PATCH'], '/products/attributes/batch', 'batch', (ctx) => ({
    status: 200,
    body: runBatch(ctx.body, {
      create: (item) => attributeJson(write(undefined, item), ctx.origin),
      update: (id, item) => attributeJson(write(find(id), item), ctx.origin),
      delete: (id) => remove(id),
    }),
  }));
}
