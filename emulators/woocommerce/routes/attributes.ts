// /products/attributes: the store's global attributes (list, read, create).
import type { Router } from '../router.ts';
import type { WooStore } from '../woo-store.ts';
import type { GlobalAttribute } from '../catalog.ts';
import { API_PREFIX } from '../product-json.ts';
import { InputReader } from '../input-reader.ts';
import { WooError } from '../woo-error.ts';
import { sanitizeTitle } from '../slug.ts';
import { notFound } from './list-filters.ts';

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
  router.add(['POST'], '/products/attributes', 'create', (ctx) => {
    const r = new InputReader(ctx.body, 'strict');
    const name = r.string('name')?.trim();
    if (!name) throw new WooError(400, 'rest_missing_callback_param', 'Missing parameter(s): name', { params: ['name'] });
    const slug = `pa_${sanitizeTitle(r.string('slug') || name).slice(0, 25)}`;
    if ([...catalog.attributes.values()].some((a) => a.slug === slug)) {
      throw new WooError(400, 'woocommerce_rest_cannot_create', `Slug "${slug}" is already in use. Change it, please.`);
    }
    const attribute = catalog.addAttribute({
      name,
      slug,
      type: r.oneOf('type', ['select', 'text'] as const) ?? 'select',
      orderBy: r.oneOf('order_by', ['menu_order', 'name', 'name_num', 'id'] as const) ?? 'menu_order',
      hasArchives: r.boolean('has_archives') ?? false,
    });
    return { status: 201, body: attributeJson(attribute, ctx.origin) };
  });
}
