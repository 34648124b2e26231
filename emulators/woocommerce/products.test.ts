// Product listing and writing rules observed on a real WooCommerce 7.9 store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWoo } from './test-support/start-woo.ts';

let woo: Awaited<ReturnType<typeof startWoo>>;
beforeAll(async () => {
  woo = await startWoo({ seed: 'demo' });
});
afterAll(() => woo.emulator.close());

describe('products list', () => {
  it('pages with X-WP-Total and X-WP-TotalPages; per_page outside 1–100 is rest_out_of_bounds', async () => {
    const first = await woo.api.get('/products', { per_page: 20, orderby: 'id', order: 'asc' });
    const total = Number(first.headers.get('x-wp-total'));
    expect(total).toBeGreaterThanOrEqual(45);
    expect(Number(first.headers.get('x-wp-totalpages'))).toBe(Math.ceil(total / 20));
    expect(first.body).toHaveLength(20);
    expect(first.headers.get('link')).toContain('rel="next"');
    const ids: number[] = [];
    for (let page = 1; page <= Math.ceil(total / 20); page++) {
      const r = await woo.api.get('/products', { per_page: 20, page, orderby: 'id', order: 'asc' });
      ids.push(...r.body.map((p: any) => p.id));
    }
    expect(new Set(ids).size).toBe(total);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    for (const perPage of [0, 101, -1]) {
      const r = await woo.api.get('/products', { per_page: perPage });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('rest_out_of_bounds');
      expect(r.body.data.status).toBe(400);
    }
    expect((await woo.api.get('/products', { per_page: 100 })).status).toBe(200);
    expect((await woo.api.get('/products', { per_page: 'ten' })).status).toBe(400);
    expect((await woo.api.get('/products', { page: 0 })).body.code).toBe('rest_out_of_bounds');
    const beyond = await woo.api.get('/products', { page: 999 });
    expect(beyond.status).toBe(200);
    expect(beyond.body).toEqual([]);
  });

  it('lists drafts too unless status filters them; variations are not listed', async () => {
    const all = await woo.api.get('/products', { per_page: 100 });
    expect(all.body.some((p: any) => p.status === 'draft')).toBe(true);
    expect(all.body.every((p: any) => p.type !== 'variation')).toBe(true);
    const drafts = await woo.api.get('/products', { per_page: 100, status: 'draft' });
    expect(drafts.body.length).toBeGreaterThan(0);
    expect(drafts.body.every((p: any) => p.status === 'draft')).toBe(true);
    expect((await woo.api.get('/products', { status: 'bogus' })).status).toBe(400);
  });

  it('filters by exact SKU, comma-separated, case-insensitively, finding drafts and variations', async () => {
    const r = await woo.api.get('/products', { sku: 'tee-classic-bla-s-reg,SCARF-DRAFT,ROPE-MAN-12,ROPE-MAN' });
    expect(r.status).toBe(200);
    const bySku = Object.fromEntries(r.body.map((p: any) => [p.sku, p]));
    expect(Object.keys(bySku).sort()).toEqual(['ROPE-MAN-12', 'SCARF-DRAFT', 'TEE-CLASSIC-BLA-S-REG']);
    const variation = bySku['TEE-CLASSIC-BLA-S-REG'];
    expect(variation.type).toBe('variation');
    expect(variation.parent_id).toBeGreaterThan(0);
    const parent = await woo.api.get(`/products/${variation.parent_id}`);
    expect(parent.body.variations).toContain(variation.id);
    expect(bySku['SCARF-DRAFT'].status).toBe('draft');
    expect((await woo.api.get('/products', { sku: 'ROPE' })).body).toEqual([]);
  });

  it('filters by slug exactly', async () => {
    const mug = (await woo.api.get('/products', { sku: 'MUG-CAFE' })).body[0];
    const bySlug = await woo.api.get('/products', { slug: mug.slug });
    expect(bySlug.body.map((p: any) => p.id)).toEqual([mug.id]);
    expect((await woo.api.get('/products', { slug: `${mug.slug}-nope` })).body).toEqual([]);
  });

  it('filters by modified_after (strictly after, whole seconds)', async () => {
    const before = await woo.api.get('/products', { sku: 'MUG-CAFE' });
    const stamp = before.body[0].date_modified;
    expect((await woo.api.get('/products', { modified_after: stamp, per_page: 100 })).body.map((p: any) => p.sku)).not.toContain('MUG-CAFE');
    await new Promise((r) => setTimeout(r, 1100));
    const touched = await woo.api.put(`/products/${before.body[0].id}`, { description: 'touched' });
    expect(touched.body).toMatchObject({ description: 'touched' });
    const after = await woo.api.get('/products', { modified_after: stamp, per_page: 100 });
    expect(after.body.map((p: any) => p.sku)).toContain('MUG-CAFE');
    expect((await woo.api.get('/products', { modified_after: 'not a date' })).status).toBe(400);
  });
});

describe('ordering by date has no tie-breaker', () => {
  it('repeats or skips same-second items across pages; orderby=id is complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'woo-seed-'));
    const file = join(dir, 'seed.json');
    const products = Array.from({ length: 30 }, (_, i) => ({ name: `Same second ${i}`, sku: `TIE-${i}`, date_created: '2026-02-01T12:00:00' }));
    writeFileSync(file, JSON.stringify({ products }));
    const tied = await startWoo({ seed: file });
    try {
      const byDate: number[] = [];
      const byId: number[] = [];
      for (let page = 1; page <= 6; page++) {
        byDate.push(...(await tied.api.get('/products', { per_page: 5, page })).body.map((p: any) => p.id));
        byId.push(...(await tied.api.get('/products', { per_page: 5, page, orderby: 'id', order: 'asc' })).body.map((p: any) => p.id));
      }
      expect(byDate).toHaveLength(30);
      expect(new Set(byDate).size).toBeLessThan(30);
      expect(new Set(byId).size).toBe(30);
    } finally {
      await tied.emulator.close();
    }
  });
});

describe('creating and updating products', () => {
  it('publishes a product created without status; honours draft', async () => {
    const published = await woo.api.post('/products', { name: 'No status given', regular_price: '5.00' });
    expect(published.status).toBe(201);
    expect(published.body.status).toBe('publish');
    const draft = await woo.api.post('/products', { name: 'Drafted', status: 'draft' });
    expect(draft.body.status).toBe('draft');
    expect((await woo.api.get(`/products/${draft.body.id}`)).body.status).toBe('draft');
  });

  it('refuses a duplicate SKU case-insensitively with product_invalid_sku and resource_id, creating nothing', async () => {
    const holder = (await woo.api.get('/products', { sku: 'MUG-CAFE' })).body[0];
    const totalBefore = (await woo.api.get('/products')).headers.get('x-wp-total');
    const dup = await woo.api.post('/products', { name: 'Copy', sku: 'mug-cafe' });
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({
      code: 'product_invalid_sku',
      message: 'Invalid or duplicated SKU.',
      data: { status: 400, resource_id: holder.id },
    });
    expect((await woo.api.get('/products')).headers.get('x-wp-total')).toBe(totalBefore);

    const variation = (await woo.api.get('/products', { sku: 'PAINT-INT-WHT-1G' })).body[0];
    const onUpdate = await woo.api.put(`/products/${holder.id}`, { sku: 'paint-int-wht-1g', name: 'Renamed' });
    expect(onUpdate.status).toBe(400);
    expect(onUpdate.body.data.resource_id).toBe(variation.id);
    expect((await woo.api.get(`/products/${holder.id}`)).body.name).toBe(holder.name);
  });

  it('keeps a barcode in global_unique_id (WooCommerce 9.2+), unique across the store', async () => {
    const made = await woo.api.post('/products', { name: 'With GTIN', sku: 'GTIN-1', global_unique_id: '9780306406157' });
    expect(made.body.global_unique_id).toBe('9780306406157');
    const mug = (await woo.api.get('/products', { sku: 'MUG-CAFE' })).body[0];
    const dup = await woo.api.put(`/products/${made.body.id}`, { global_unique_id: mug.global_unique_id });
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({
      code: 'product_invalid_global_unique_id',
      message: 'Invalid or duplicated GTIN, UPC, EAN or ISBN.',
      data: { status: 400, resource_id: mug.id },
    });
    expect((await woo.api.put(`/products/${made.body.id}`, { global_unique_id: 'not-digits' })).status).toBe(400);
    expect((await woo.api.get(`/products/${made.body.id}`)).body.global_unique_id).toBe('9780306406157');
  });

  it('drops stock_quantity unless manage_stock: true is in the same request', async () => {
    const created = await woo.api.post('/products', { name: 'Stock rules', sku: 'STOCK-RULES', stock_quantity: 9 });
    expect(created.body.manage_stock).toBe(false);
    expect(created.body.stock_quantity).toBeNull();
    const id = created.body.id;
    const managed = await woo.api.put(`/products/${id}`, { manage_stock: true, stock_quantity: 7 });
    expect(managed.body).toMatchObject({ manage_stock: true, stock_quantity: 7, stock_status: 'instock' });
    const dropped = await woo.api.put(`/products/${id}`, { stock_quantity: 3 });
    expect(dropped.body.stock_quantity).toBe(7);
    const negative = await woo.api.put(`/products/${id}`, { manage_stock: true, stock_quantity: -4 });
    expect(negative.body).toMatchObject({ stock_quantity: -4, stock_status: 'outofstock' });
    const fractional = await woo.api.put(`/products/${id}`, { manage_stock: true, stock_quantity: 2.5 });
    expect(fractional.status).toBe(400);
    expect(fractional.body.code).toBe('rest_invalid_type');
    expect((await woo.api.get(`/products/${id}`)).body.stock_quantity).toBe(-4);
    const unmanaged = await woo.api.put(`/products/${id}`, { manage_stock: false, stock_status: 'onbackorder' });
    expect(unmanaged.body).toMatchObject({ manage_stock: false, stock_quantity: null, stock_status: 'onbackorder' });
    expect((await woo.api.put(`/products/${id}`, { manage_stock: 'parent' })).status).toBe(400);
  });

  it('keeps prices as strings: numbers refused, "12,50" → "1250", "abc" → ""', async () => {
    const number = await woo.api.post('/products', { name: 'Numeric price', regular_price: 12.5 });
    expect(number.status).toBe(400);
    expect(number.body.code).toBe('rest_invalid_param');
    const comma = await woo.api.post('/products', { name: 'Comma price', regular_price: '12,50' });
    expect(comma.body.regular_price).toBe('1250');
    const letters = await woo.api.put(`/products/${comma.body.id}`, { regular_price: 'abc' });
    expect(letters.body.regular_price).toBe('');
    expect(letters.body.price).toBe('');
    const sale = await woo.api.put(`/products/${comma.body.id}`, { regular_price: '20.00', sale_price: '15.00' });
    expect(sale.body).toMatchObject({ price: '15.00', on_sale: true });
  });

  it('answers unknown ids, unknown routes and bad JSON with WordPress error bodies', async () => {
    const missing = await woo.api.get('/products/999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 404 } });
    const route = await woo.api.get('/nothing-here');
    expect(route.status).toBe(404);
    expect(route.body.code).toBe('rest_no_route');
    const { signUrl } = await import('./test-support/oauth-signer.ts');
    const bad = await fetch(signUrl({ method: 'POST', url: `${woo.url}/wp-json/wc/v3/products`, ...woo.keys }), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).code).toBe('rest_invalid_json');
  });

  it('trashes without force (SKU freed), deletes with force', async () => {
    const made = await woo.api.post('/products', { name: 'Short lived', sku: 'SHORT-LIVED' });
    const trashed = await woo.api.del(`/products/${made.body.id}`);
    expect(trashed.body.status).toBe('trash');
    expect((await woo.api.get('/products', { sku: 'SHORT-LIVED' })).body).toEqual([]);
    const listed = await woo.api.get('/products', { per_page: 100, orderby: 'id', order: 'desc' });
    expect(listed.body.map((p: any) => p.id)).not.toContain(made.body.id);
    expect((await woo.api.get('/products', { status: 'trash' })).body.map((p: any) => p.id)).toEqual([made.body.id]);
    expect((await woo.api.del(`/products/${made.body.id}`)).status).toBe(410);
    const deleted = await woo.api.del(`/products/${made.body.id}`, { force: 'true' });
    expect(deleted.status).toBe(200);
    expect((await woo.api.get(`/products/${made.body.id}`)).status).toBe(404);
  });
});

describe('global attributes', () => {
  it('lists, reads and creates attributes', async () => {
    const list = await woo.api.get('/products/attributes');
    expect(list.body.map((a: any) => a.name)).toEqual(['Color', 'Size', 'Fit']);
    const made = await woo.api.post('/products/attributes', { name: 'Material' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Material', slug: 'pa_material', type: 'select' });
    expect((await woo.api.get(`/products/attributes/${made.body.id}`)).body.name).toBe('Material');
    expect((await woo.api.post('/products/attributes', { name: 'Material' })).status).toBe(400);
  });
});
