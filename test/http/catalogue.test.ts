// Products, variants, listing, stock and the till over HTTP, with each bad input of issue 2
// answered by a 4xx and its sentence, and nothing written. Runs on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresServerUrl } from '../support/databases.ts';
import { request, startApiHarness, type ApiHarness } from './api-harness.ts';

function shirt(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Oxford shirt',
    attributes: [
      { name: 'Colour', values: ['Blue', 'White'] },
      { name: 'Size', values: ['M', 'L'] },
    ],
    variants: [
      { sku: 'OX-BLU-M', barcode: '5000000000011', price: '29.50', costPrice: '12.00', values: ['Blue', 'M'] },
      { sku: 'OX-WHT-L', price: '29.50', values: ['White', 'L'] },
    ],
    ...overrides,
  };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  const unavailable = dialect === 'postgres' && !postgresServerUrl();
  describe.skipIf(unavailable)(`catalogue, stock and till over HTTP [${dialect}]${unavailable ? ' — SKIPPED: no PostgreSQL server answered' : ''}`, () => {
    let api: ApiHarness;
    let shirtId: string;
    let ropeId: string;
    beforeAll(async () => {
      api = await startApiHarness(dialect);
    });
    afterAll(async () => {
      await api?.close();
    });

    async function productCount(): Promise<number> {
      return (await api.call('GET', '/api/products')).body.total;
    }

    it('creates a product with attributes and variants; money comes back as decimal strings', async () => {
      const created = await api.call('POST', '/api/products', shirt());
      expect(created.status).toBe(201);
      shirtId = created.body.id;
      expect(created.body.variants.map((v: { sku: string; price: string; values: string[] }) => [v.sku, v.price, v.values])).toEqual([
        ['OX-BLU-M', '29.50', ['Blue', 'M']],
        ['OX-WHT-L', '29.50', ['White', 'L']],
      ]);
      expect(created.body.unallocated).toBe(true);
      expect(created.body.missingFields).toEqual(['group', 'brand', 'supplier', 'productType', 'taxGroup', 'costPrice']);
      const rope = await api.call('POST', '/api/products', {
        name: 'Rope',
        productType: 'per_unit',
        unit: 'm',
        variants: [{ sku: 'ROPE-10', barcode: '2000000000077', price: '1.20', costPrice: '0.40' }],
      });
      expect(rope.status).toBe(201);
      ropeId = rope.body.id;
    });

    it.each([
      ['a sixth attribute', () => shirt({ attributes: ['A', 'B', 'C', 'D', 'E', 'F'].map((name) => ({ name, values: ['x'] })), variants: [{ sku: 'SIX', price: '1', values: ['x', 'x', 'x', 'x', 'x', 'x'] }] }), 400, 'A product can have at most 5 attributes; this one has 6.'],
      ['values that do not match the attributes', () => shirt({ variants: [{ sku: 'NM-1', price: '1', values: ['Green', 'M'] }] }), 400, 'Variant 1 (SKU NM-1) has "Green" for Colour, which is not one of its values (Blue, White).'],
      ['two variants with the same combination', () => shirt({ variants: [{ sku: 'T-1', price: '1', values: ['Blue', 'M'] }, { sku: 'T-2', price: '1', values: ['blue', 'm'] }] }), 400, 'Variants 1 and 2 have the same combination (Blue / M); each variant needs its own.'],
      ['a duplicate SKU within the product (case and spaces)', () => shirt({ variants: [{ sku: 'DUP', price: '1', values: ['Blue', 'M'] }, { sku: ' dup ', price: '1', values: ['White', 'L'] }] }), 409, 'The SKU "dup" is given to variants 1 and 2; SKUs must be unique (ignoring case and spaces).'],
      ['a SKU another product has (case and spaces)', () => shirt({ name: 'Copy', variants: [{ sku: ' ox-blu-m ', price: '1', values: ['Blue', 'M'] }] }), 409, undefined],
      ['a negative price', () => shirt({ variants: [{ sku: 'NEG', price: '-1.00', values: ['Blue', 'M'] }] }), 400, 'Variant 1 (SKU NEG): The price cannot be negative.'],
    ])('refuses %s with its sentence and writes nothing', async (_what, body, status, message) => {
      const before = await productCount();
      const response = await api.call('POST', '/api/products', body());
      expect(response.status).toBe(status);
      if (message) expect(response.body.error.message).toBe(message);
      else expect(response.body.error.message).toMatch(/OX-BLU-M/i);
      expect(await productCount()).toBe(before);
    });

    it('refuses a decimal quantity for a fixed product, and takes one for a per-unit product', async () => {
      await api.call('PATCH', `/api/products/${shirtId}`, { productType: 'fixed' });
      const fixed = await api.call('POST', '/api/stock/movements', { sku: 'OX-BLU-M', quantity: 1.5, kind: 'receipt' });
      expect(fixed.status).toBe(400);
      expect(fixed.body.error.message).toBe('"OX-BLU-M" is sold in whole units, so its quantity cannot be 1.5.');
      expect((await api.call('GET', '/api/stock?sku=OX-BLU-M')).body.total).toBe(0);
      const received = await api.call('POST', '/api/stock/movements', { sku: 'rope-10', quantity: 25.125, kind: 'receipt', reference: 'PO-1' });
      expect(received.status).toBe(201);
      expect(received.body.onHand).toBe(25.125);
      expect(received.body.movement).toMatchObject({ kind: 'receipt', quantity: 25.125, reference: 'PO-1', actor: expect.stringMatching(/^user:/) });
    });

    it('moves stock and reports it per location: { sku, total, locations: [{ location, onHand }] }', async () => {
      const shop = await api.call('POST', '/api/locations', { name: 'Back room' });
      await api.call('POST', '/api/stock/movements', { sku: 'OX-BLU-M', quantity: 10, kind: 'receipt' });
      await api.call('POST', '/api/stock/movements', { sku: 'OX-BLU-M', quantity: 4, kind: 'receipt', location: 'Back room' });
      const count = await api.call('POST', '/api/stock/movements', { sku: 'OX-BLU-M', quantity: 7, kind: 'count' });
      expect(count.body.movement).toMatchObject({ quantity: -3, counted: 7 });
      const stock = await api.call('GET', '/api/stock?sku=ox-blu-m');
      expect(stock.body).toEqual({ sku: 'OX-BLU-M', total: 11, locations: [{ location: 'Main', onHand: 7 }, { location: 'Back room', onHand: 4 }] });
      expect(shop.status).toBe(201);
      const ledger = await api.call('GET', `/api/stock/movements?variantId=${count.body.movement.variantId}&limit=2`);
      expect(ledger.body.items.map((movement: { kind: string; quantity: number }) => [movement.kind, movement.quantity])).toEqual([
        ['count', -3],
        ['receipt', 4],
      ]);
      const older = await api.call('GET', `/api/stock/movements?variantId=${count.body.movement.variantId}&before=${ledger.body.items[1].id}`);
      expect(older.body.items.map((movement: { kind: string; quantity: number }) => [movement.kind, movement.quantity])).toEqual([['receipt', 10]]);
      const theirs = await request(api.baseUrl, 'GET', `/api/stock/movements?variantId=${count.body.movement.variantId}`, { headers: { cookie: api.otherCookie } });
      expect(theirs.body.items).toEqual([]);
      const unknown = await api.call('GET', '/api/stock?sku=NOPE');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe('There is no variant with SKU "NOPE".');
    });

    it('rings up a till sale by SKU and by barcode, with a decimal quantity for a per-unit product, and a return', async () => {
      const sale = await api.call('POST', '/api/till/sales', {
        kind: 'sale',
        lines: [
          { code: '5000000000011', quantity: 2 },
          { code: 'ROPE-10', quantity: 3.5 },
        ],
      });
      expect(sale.status).toBe(201);
      expect(sale.body.lines.map((line: { sku: string; onHand: number }) => [line.sku, line.onHand])).toEqual([
        ['OX-BLU-M', 5],
        ['ROPE-10', 21.625],
      ]);
      const back = await api.call('POST', '/api/till/sales', { kind: 'return', lines: [{ code: 'OX-BLU-M', quantity: 1 }] });
      expect(back.body.lines[0].onHand).toBe(6);
    });

    it('records all lines of a till sale or none: a bad line leaves stock untouched', async () => {
      const response = await api.call('POST', '/api/till/sales', {
        lines: [
          { code: 'ROPE-10', quantity: 1 },
          { code: 'OX-BLU-M', quantity: 0.5 },
        ],
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe('Line 2: "OX-BLU-M" is sold in whole units, so its quantity cannot be 0.5.');
      expect((await api.call('GET', '/api/stock?sku=ROPE-10')).body.total).toBe(21.625);
    });

    it('sells an unknown item as an unallocated item, which creates a product in Unallocated', async () => {
      const sale = await api.call('POST', '/api/till/sales', { lines: [{ unallocated: { description: 'Garden gnome', price: '7.99' }, quantity: 1 }] });
      expect(sale.status).toBe(201);
      expect(sale.body.lines[0]).toMatchObject({ created: true, onHand: -1 });
      const product = await api.call('GET', `/api/products/${sale.body.lines[0].productId}`);
      expect(product.body).toMatchObject({ name: 'Garden gnome', unallocated: true });
      expect(product.body.variants[0].price).toBe('7.99');
      const unallocated = await api.call('GET', '/api/products?productGroup=unallocated&q=gnome');
      expect(unallocated.body.items.map((item: { name: string }) => item.name)).toEqual(['Garden gnome']);
    });

    it('lists products with paging, sorting and filters, each naming its missing fields', async () => {
      const group = (await api.call('POST', '/api/product-groups', { name: 'Hardware' })).body;
      const brand = (await api.call('POST', '/api/brands', { name: 'Acme' })).body;
      const supplier = (await api.call('POST', '/api/suppliers', { name: 'Ropes Ltd' })).body;
      const tax = (await api.call('POST', '/api/tax-groups', { name: 'Standard', rate: '20' })).body;
      const patched = await api.call('PATCH', `/api/products/${ropeId}`, { productGroupId: group.id, brandId: brand.id, supplierId: supplier.id, taxGroupId: tax.id });
      expect(patched.body.unallocated).toBe(false);
      const page = await api.call('GET', '/api/products?page=1&pageSize=2&sort=name:asc');
      expect(page.body).toMatchObject({ total: 3, totalIsExact: true, page: 1, pageSize: 2 });
      expect(page.body.items.map((item: { name: string }) => item.name)).toEqual(['Garden gnome', 'Oxford shirt']);
      const second = await api.call('GET', '/api/products?page=2&pageSize=2&sort=name:asc');
      expect(second.body.items.map((item: { name: string }) => item.name)).toEqual(['Rope']);
      const missingBrand = await api.call('GET', '/api/products?missing=brand,costPrice&sort=name:desc');
      expect(missingBrand.body.items.map((item: { name: string; missingFields: string[] }) => [item.name, item.missingFields])).toEqual([
        ['Oxford shirt', ['group', 'brand', 'supplier', 'taxGroup', 'costPrice']],
        ['Garden gnome', ['group', 'brand', 'supplier', 'productType', 'taxGroup', 'costPrice']],
      ]);
      const variants = await api.call('GET', '/api/variants?q=OX-&sort=sku:asc');
      expect(variants.body.items.map((item: { sku: string; onHand: number }) => [item.sku, item.onHand])).toEqual([
        ['OX-BLU-M', 10],
        ['OX-WHT-L', 0],
      ]);
      const badSort = await api.call('GET', '/api/products?sort=colour:asc');
      expect(badSort.status).toBe(400);
      const badMissing = await api.call('GET', '/api/products?missing=colour');
      expect(badMissing.status).toBe(400);
      expect(badMissing.body.error.message).toMatch(/^missing\[0\]: /);
    });

    it('says when a text search stopped counting past 1,000 matches, and gives the exact total on the last page', async () => {
      const sizes = Array.from({ length: 1005 }, (_, i) => String(i).padStart(4, '0'));
      const created = await api.call('POST', '/api/products', {
        name: 'Bolt pack',
        attributes: [{ name: 'Length', values: sizes }],
        variants: sizes.map((size) => ({ sku: `BOLT-${size}`, price: '0.10', values: [size] })),
      });
      expect(created.status).toBe(201);
      const first = await api.call('GET', '/api/variants?q=bolt&sort=sku:asc&pageSize=100');
      expect(first.body).toMatchObject({ total: 1000, totalIsExact: false, page: 1, pageSize: 100 });
      expect(first.body.items).toHaveLength(100);
      expect(first.body.items[99].sku).toBe('BOLT-0099');
      const last = await api.call('GET', '/api/variants?q=bolt&sort=sku:asc&pageSize=100&page=11');
      expect(last.body).toMatchObject({ total: 1005, totalIsExact: true, page: 11 });
      expect(last.body.items.map((item: { sku: string }) => item.sku)).toEqual(['BOLT-1000', 'BOLT-1001', 'BOLT-1002', 'BOLT-1003', 'BOLT-1004']);
      expect((await api.call('GET', '/api/variants?q=bolt-100&pageSize=1')).body).toMatchObject({ total: 5, totalIsExact: true });
      expect((await api.call('GET', '/api/products?q=bolt')).body).toMatchObject({ total: 1, totalIsExact: true });
      expect((await api.call('DELETE', `/api/products/${created.body.id}`)).status).toBe(204);
    });

    it('bulk-edits many products at once, all or nothing, and they leave Unallocated', async () => {
      const names = ['Hardware', 'Acme', 'Ropes Ltd', 'Standard'];
      const [group, brand, supplier, tax] = await Promise.all(
        ['/api/product-groups', '/api/brands', '/api/suppliers', '/api/tax-groups'].map(async (path, index) =>
          (await api.call('GET', path)).body.items.find((item: { name: string }) => item.name === names[index]),
        ),
      );
      const todo = (await api.call('GET', '/api/products?productGroup=unallocated')).body.items.map((item: { id: string }) => item.id);
      expect(todo).toHaveLength(2);
      const theirs = (await request(api.baseUrl, 'POST', '/api/products', { body: { name: 'Theirs', variants: [{ sku: 'T', price: '1' }] }, headers: { cookie: api.otherCookie } })).body;
      const refused = await api.call('POST', '/api/products/bulk-edit', { productIds: [...todo, theirs.id], changes: { brandId: brand.id } });
      expect(refused.status).toBe(404);
      expect(refused.body.error.message).toBe('1 of the chosen products do not exist; nothing was changed.');
      expect((await api.call('GET', '/api/products?missing=brand')).body.total).toBe(2);
      const done = await api.call('POST', '/api/products/bulk-edit', {
        productIds: todo,
        changes: { productGroupId: group.id, brandId: brand.id, supplierId: supplier.id, taxGroupId: tax.id, productType: 'fixed', costPrice: '3.00', ecommerce: true },
      });
      expect(done.status).toBe(200);
      expect(done.body).toEqual({ updated: 2 });
      expect((await api.call('GET', '/api/products?productGroup=unallocated')).body.total).toBe(0);
      expect((await api.call('GET', '/api/products?ecommerce=true')).body.total).toBe(2);
      const unknownChange = await api.call('POST', '/api/products/bulk-edit', { productIds: todo, changes: { colour: 'red' } });
      expect(unknownChange.body.error.message).toBe('Unknown field in the body: changes.colour.');
    });

    it("keeps products to their account: another account's product id is a 404 for read, change, delete and variant edits", async () => {
      const theirs = await request(api.baseUrl, 'POST', '/api/products', {
        body: { name: 'Rival thing', variants: [{ sku: 'OX-BLU-M', price: '1' }] },
        headers: { cookie: api.otherCookie },
      });
      expect(theirs.status).toBe(201); // SKUs are unique per account, not across accounts
      const id = theirs.body.id;
      expect((await api.call('GET', `/api/products/${id}`)).status).toBe(404);
      expect((await api.call('PATCH', `/api/products/${id}`, { name: 'Mine now' })).status).toBe(404);
      expect((await api.call('DELETE', `/api/products/${id}`)).status).toBe(404);
      expect((await api.call('PATCH', `/api/variants/${theirs.body.variants[0].id}`, { price: '0.01' })).status).toBe(404);
      expect((await api.call('POST', '/api/stock/movements', { variantId: theirs.body.variants[0].id, quantity: 1, kind: 'receipt' })).status).toBe(404);
      const still = await request(api.baseUrl, 'GET', `/api/products/${id}`, { headers: { cookie: api.otherCookie } });
      expect(still.body).toMatchObject({ name: 'Rival thing', variants: [{ price: '1.00', onHand: 0 }] });
      const ours = await api.call('POST', '/api/products', { name: 'Uses their brand', brandId: (await request(api.baseUrl, 'POST', '/api/brands', { body: { name: 'Theirs' }, headers: { cookie: api.otherCookie } })).body.id, variants: [{ sku: 'UTB', price: '1' }] });
      expect(ours.status).toBe(404);
    });

    it('edits one variant; refuses to delete a product with stock history (409, archive instead), archives and restores it; deletes one without', async () => {
      const product = (await api.call('GET', `/api/products/${shirtId}`)).body;
      const edited = await api.call('PATCH', `/api/variants/${product.variants[1].id}`, { price: 31, costPrice: '13.25' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ sku: 'OX-WHT-L', price: '31.00', costPrice: '13.25' });
      const history = async () => (await api.call('GET', `/api/stock/movements?variantId=${product.variants[0].id}`)).body.items;
      const movements = await history();
      expect(movements.length).toBeGreaterThan(0);

      const refused = await api.call('DELETE', `/api/products/${shirtId}`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('has_history');
      expect(refused.body.error.message).toBe(
        `"Oxford shirt" has stock history (${refused.body.error.details.movements} movements), so it cannot be deleted: the stock ledger keeps every movement. Archive it instead (status "archived"): it stays out of publishing, keeps its history and can be restored.`,
      );
      expect((await api.call('GET', `/api/products/${shirtId}`)).body.variants).toEqual(product.variants.map((variant: object, i: number) => (i === 1 ? edited.body : variant)));
      expect(await history()).toEqual(movements);

      // Nor can a variant with movements be dropped from the list.
      const dropped = await api.call('PATCH', `/api/products/${shirtId}`, { variants: [{ id: product.variants[1].id }] });
      expect(dropped.status).toBe(409);
      expect(dropped.body.error.message).toMatch(/^The variant "OX-BLU-M" has stock history \(\d+ movements?\), so it cannot be removed/);
      expect((await api.call('GET', `/api/products/${shirtId}`)).body.variants).toHaveLength(2);

      const archived = await api.call('PATCH', `/api/products/${shirtId}`, { status: 'archived' });
      expect(archived.body.status).toBe('archived');
      expect(await history()).toEqual(movements);
      expect((await api.call('PATCH', `/api/products/${shirtId}`, { status: 'active' })).body.status).toBe('active');

      const fresh = await api.call('POST', '/api/products', { name: 'Never stocked', variants: [{ sku: 'NEVER-1', price: '2' }] });
      expect((await api.call('DELETE', `/api/products/${fresh.body.id}`)).status).toBe(204);
      expect((await api.call('GET', `/api/products/${fresh.body.id}`)).status).toBe(404);
      const deleteDoc = (await api.call('GET', '/api/openapi.json')).body.paths['/api/products/{id}'].delete;
      expect(deleteDoc.responses['409'].description).toMatch(/has_history/);
      expect(deleteDoc.description).toMatch(/"status": "archived"/);
    });

    it('archives many products in one bulk edit; the lists leave them out unless asked, and the till still sells one with a warning', async () => {
      const made = [];
      for (const code of ['ARC-LAMP', 'ARC-VASE', 'ARC-DESK']) {
        const created = await api.call('POST', '/api/products', { name: `Archive test ${code}`, variants: [{ sku: code, barcode: `77${code.length}${made.length}000`, price: '5' }] });
        made.push(created.body.id as string);
      }
      await api.call('POST', '/api/stock/movements', { sku: 'ARC-LAMP', kind: 'receipt', quantity: 4 });
      const listed = async (path: string) => (await api.call('GET', path)).body;
      const names = (page: { items: { name?: string; sku?: string }[] }) => page.items.map((item) => item.name ?? item.sku);

      const bad = await api.call('POST', '/api/products/bulk-edit', { productIds: made, changes: { status: 'gone' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^changes\.status: /);
      const mixed = await api.call('POST', '/api/products/bulk-edit', { productIds: [...made, 'no-such-product'], changes: { status: 'archived' } });
      expect(mixed.status).toBe(404);
      expect(mixed.body.error.message).toBe('1 of the chosen products do not exist; nothing was changed.');
      expect((await listed('/api/products?q=archive test')).total).toBe(3);

      const archived = await api.call('POST', '/api/products/bulk-edit', { productIds: made.slice(0, 2), changes: { status: 'archived' } });
      expect(archived.body).toEqual({ updated: 2 });
      expect(names(await listed('/api/products?q=archive test'))).toEqual(['Archive test ARC-DESK']);
      expect((await listed('/api/products?q=archive test')).total).toBe(1);
      expect(names(await listed('/api/variants?q=arc-'))).toEqual(['ARC-DESK']);
      const onlyArchived = await listed('/api/products?q=archive test&status=archived');
      expect(onlyArchived.items.map((item: { name: string; status: string }) => [item.name, item.status])).toEqual([
        ['Archive test ARC-LAMP', 'archived'],
        ['Archive test ARC-VASE', 'archived'],
      ]);
      expect((await listed('/api/variants?q=arc-&status=archived')).items.map((item: { sku: string; status: string }) => [item.sku, item.status])).toEqual([
        ['ARC-LAMP', 'archived'],
        ['ARC-VASE', 'archived'],
      ]);
      expect((await listed('/api/products?q=archive test&status=all')).total).toBe(3);
      const badFilter = await api.call('GET', '/api/products?status=deleted');
      expect(badFilter.status).toBe(400);
      expect(badFilter.body.error.message).toMatch(/^status: /);

      // The till's lookup (the variant list) no longer offers it, but a scan still sells it, with a warning.
      expect((await listed('/api/variants?q=ARC-LAMP&pageSize=10')).items).toEqual([]);
      const sale = await api.call('POST', '/api/till/sales', { lines: [{ code: 'ARC-LAMP', quantity: 1 }, { code: 'ARC-DESK', quantity: 1 }] });
      expect(sale.status).toBe(201);
      expect(sale.body.lines.map((line: { sku: string; onHand: number; archived: boolean }) => [line.sku, line.onHand, line.archived])).toEqual([
        ['ARC-LAMP', 3, true],
        ['ARC-DESK', -1, false],
      ]);
      expect(sale.body.warnings).toEqual(['Line 1: "Archive test ARC-LAMP" (ARC-LAMP) is archived; the sale is recorded all the same. Restore the product in its editor if it is back on sale.']);
      expect((await api.call('GET', '/api/stock?sku=ARC-LAMP')).body.total).toBe(3);
      const plain = await api.call('POST', '/api/till/sales', { lines: [{ code: 'ARC-DESK', quantity: 1 }] });
      expect(plain.body.warnings).toEqual([]);

      const restored = await api.call('POST', '/api/products/bulk-edit', { productIds: made.slice(0, 2), changes: { status: 'active' } });
      expect(restored.status).toBe(200);
      expect((await listed('/api/products?q=archive test')).total).toBe(3);
      expect((await api.call('POST', '/api/till/sales', { lines: [{ code: 'ARC-LAMP', quantity: 1 }] })).body.warnings).toEqual([]);

      const document = (await api.call('GET', '/api/openapi.json')).body;
      for (const path of ['/api/products', '/api/variants']) {
        const status = document.paths[path].get.parameters.find((parameter: { name: string }) => parameter.name === 'status');
        expect(status).toMatchObject({ in: 'query', schema: { enum: ['active', 'archived', 'all'], default: 'active' } });
        expect(status.description ?? status.schema.description).toMatch(/not archived/);
      }
    });
  });
}
