// The Shopify emulator's catalogue API over real HTTP: auth, schema validation, "not emulated",
// paging, query filters and productSet.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { GRAPHQL_PATH, shopifyClient } from './shopify-client.ts';

let emu: EmulatorHandle;
let client: ReturnType<typeof shopifyClient>;

beforeAll(async () => {
  emu = await start({ seed: 'gen:600', delayMs: 0, rateLimit: { bucketSize: 1_000_000, restoreRate: 1_000_000 } });
  client = shopifyClient(emu);
});
afterAll(() => emu.close());
beforeEach(async () => {
  await client.control('POST', 'reset');
});

describe('auth', () => {
  it('answers 401 without a valid X-Shopify-Access-Token', async () => {
    const missing = await fetch(emu.url + GRAPHQL_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ shop { name } }"}' });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as any).errors).toMatch(/Invalid API key or access token/);
    const wrong = await client.gql('{ shop { name } }', {}, 'shpat_wrong');
    expect(wrong.status).toBe(401);
    const ok = await client.gql('{ shop { name currencyCode } }');
    expect(ok.status).toBe(200);
    expect(ok.body.data.shop.currencyCode).toBe('USD');
  });
});

describe('schema', () => {
  it('rejects a field the real schema does not have, with Shopify error shape', async () => {
    const { status, body } = await client.gql('{ products(first: 1) { nodes { id colour } } }');
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors[0]).toMatchObject({
      message: "Field 'colour' doesn't exist on type 'Product'",
      locations: [{ line: 1, column: 35 }],
      extensions: { code: 'undefinedField', typeName: 'Product', fieldName: 'colour' },
    });
  });

  it('rejects the 2025 compareQuantity shape that 2026-07 removed', async () => {
    const { body } = await client.gql(`mutation { inventorySetQuantities(input: { name: "available", reason: "correction", ignoreCompareQuantity: true,
      quantities: [{ inventoryItemId: "gid://shopify/InventoryItem/1", locationId: "gid://shopify/Location/1", quantity: 1, compareQuantity: 0 }] }) { userErrors { message } } }`);
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0].extensions.code).toBeTruthy();
  });

  it('answers INVALID_VARIABLE for a variable field the input type does not define', async () => {
    const { body } = await client.gql(
      'mutation Set($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) @idempotent(key: "k") { userErrors { message } } }',
      { input: { name: 'available', reason: 'correction', ignoreCompareQuantity: true, quantities: [] } },
    );
    expect(body.errors[0].message).toBe(
      'Variable $input of type InventorySetQuantitiesInput! was provided invalid value for ignoreCompareQuantity (Field is not defined on InventorySetQuantitiesInput)',
    );
    expect(body.errors[0].extensions).toMatchObject({ code: 'INVALID_VARIABLE', problems: [{ path: ['ignoreCompareQuantity'], explanation: 'Field is not defined on InventorySetQuantitiesInput' }] });
  });

  it('answers "not emulated: Type.field" for a real field it does not implement, never null', async () => {
    const { body } = await client.gql('{ products(first: 1) { nodes { id seo { title } } } }');
    expect(body.errors[0].message).toMatch(/^not emulated: Product\.seo/);
    expect(body.errors[0].extensions.code).toBe('NOT_EMULATED');
    expect(body.errors[0].path).toEqual(['products', 'nodes', 0, 'seo']);
  });
});

describe('paging and filters', () => {
  it('pages productVariants with first/after until hasNextPage is false, each variant once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { body } = await client.gql('query P($after: String) { productVariants(first: 250, after: $after) { pageInfo { hasNextPage endCursor } nodes { id sku } } }', { after });
      const page = body.data.productVariants;
      seen.push(...page.nodes.map((n: any) => n.sku));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
    expect(seen[0]).toBe('GEN-000001');
    expect(seen[599]).toBe('GEN-000600');
  });

  it('pages products backwards with last/before', async () => {
    const firstPage = await client.gql('{ products(first: 3) { edges { cursor node { handle } } } }');
    const third = firstPage.body.data.products.edges[2].cursor;
    const { body } = await client.gql('query B($before: String) { products(last: 5, before: $before) { pageInfo { hasPreviousPage hasNextPage } nodes { handle } } }', { before: third });
    expect(body.data.products.nodes.map((n: any) => n.handle)).toEqual(['generated-product-1', 'generated-product-2']);
    expect(body.data.products.pageInfo.hasPreviousPage).toBe(false);
  });

  it('requires first or last on a connection', async () => {
    const { body } = await client.gql('{ products { nodes { id } } }');
    expect(body.errors[0].message).toBe('you must provide one of first or last');
  });

  it('filters by sku, status and updated_at', async () => {
    const bySku = await client.gql('{ productVariants(first: 5, query: "sku:GEN-000042") { nodes { sku } } }');
    expect(bySku.body.data.productVariants.nodes).toEqual([{ sku: 'GEN-000042' }]);
    const productBySku = await client.gql('{ products(first: 5, query: "sku:GEN-000042") { nodes { handle } } }');
    expect(productBySku.body.data.products.nodes).toEqual([{ handle: 'generated-product-11' }]);

    const created = await client.gql(`mutation { productSet(synchronous: true, input: { title: "Fresh", status: DRAFT }) { product { id updatedAt } userErrors { message } } }`);
    const updatedAt = created.body.data.productSet.product.updatedAt;
    const before = new Date(Date.parse(updatedAt) - 1000).toISOString();
    const recent = await client.gql(`query R($q: String!) { products(first: 10, query: $q) { nodes { title } } }`, { q: `updated_at:>'${before}'` });
    expect(recent.body.data.products.nodes).toEqual([{ title: 'Fresh' }]);
    const drafts = await client.gql('{ products(first: 10, query: "status:draft") { nodes { title status } } }');
    expect(drafts.body.data.products.nodes).toEqual([{ title: 'Fresh', status: 'DRAFT' }]);
    const activeCount = await client.gql('{ products(first: 250, query: "status:active") { nodes { id } } }');
    expect(activeCount.body.data.products.nodes).toHaveLength(150);
  });

  it('ignores an unknown search field as Shopify does and reports it in extensions.search', async () => {
    const { body } = await client.gql('{ products(first: 1, query: "colour:red") { nodes { id } } }');
    expect(body.data.products.nodes).toHaveLength(1);
    expect(body.extensions.search[0].warnings).toEqual([{ field: 'colour', message: 'Invalid search field for this query.' }]);
  });
});

const PRODUCT_SET = `mutation PS($input: ProductSetInput!, $identifier: ProductSetIdentifiers) {
  productSet(synchronous: true, input: $input, identifier: $identifier) {
    product { id handle status title options { name values } variants(first: 250) { nodes { id sku price selectedOptions { name value } inventoryItem { id tracked sku } } } }
    userErrors { field message code }
  }
}`;

function tee(sizes: string[], extra: Record<string, unknown> = {}) {
  return {
    title: 'Classic Tee',
    status: 'DRAFT',
    productOptions: [{ name: 'Size', values: sizes.map((name) => ({ name })) }],
    variants: sizes.map((size) => ({ optionValues: [{ optionName: 'Size', name: size }], sku: `TEE-${size}`, price: '19.99', inventoryItem: { tracked: true } })),
    ...extra,
  };
}

describe('productSet', () => {
  it('creates a product by handle with its variants, inventory items and stock', async () => {
    const locations = await client.gql('{ locations(first: 1) { nodes { id } } }');
    const location = locations.body.data.locations.nodes[0].id;
    const input = tee(['S', 'M']);
    (input.variants[0] as any).inventoryQuantities = [{ locationId: location, name: 'available', quantity: 7 }];
    const { body } = await client.gql(PRODUCT_SET, { input, identifier: { handle: 'classic-tee' } });
    const result = body.data.productSet;
    expect(result.userErrors).toEqual([]);
    expect(result.product).toMatchObject({ handle: 'classic-tee', status: 'DRAFT', options: [{ name: 'Size', values: ['S', 'M'] }] });
    expect(result.product.variants.nodes.map((v: any) => [v.sku, v.inventoryItem.tracked, v.inventoryItem.sku])).toEqual([
      ['TEE-S', true, 'TEE-S'],
      ['TEE-M', true, 'TEE-M'],
    ]);
    const state = await client.control('GET', 'state');
    const product = state.body.products.find((p: any) => p.handle === 'classic-tee');
    expect(product.variants[0].quantities[location]).toBe(7);
    expect(product.variants[1].quantities[location]).toBe(0);
  });

  it('updates by handle and replaces variants wholesale: variants not in the input are deleted', async () => {
    const created = await client.gql(PRODUCT_SET, { input: tee(['S', 'M', 'L']), identifier: { handle: 'classic-tee' } });
    const [s, m] = created.body.data.productSet.product.variants.nodes;
    const updated = await client.gql(PRODUCT_SET, {
      input: { ...tee(['S', 'M', 'XL']), status: 'ACTIVE', title: 'Classic Tee v2' },
      identifier: { handle: 'classic-tee' },
    });
    const product = updated.body.data.productSet.product;
    expect(updated.body.data.productSet.userErrors).toEqual([]);
    expect(product.id).toBe(created.body.data.productSet.product.id);
    expect(product.status).toBe('ACTIVE');
    expect(product.variants.nodes.map((v: any) => v.sku)).toEqual(['TEE-S', 'TEE-M', 'TEE-XL']);
    // S and M are the same variants (matched by option values); L is gone.
    expect(product.variants.nodes[0].id).toBe(s.id);
    expect(product.variants.nodes[1].id).toBe(m.id);
    const gone = await client.gql('{ productVariants(first: 5, query: "sku:TEE-L") { nodes { id } } }');
    expect(gone.body.data.productVariants.nodes).toEqual([]);
  });

  it('updates by id and reports an unknown id as a user error', async () => {
    const missing = await client.gql(PRODUCT_SET, { input: tee(['S']), identifier: { id: 'gid://shopify/Product/1' } });
    expect(missing.body.data.productSet.product).toBeNull();
    expect(missing.body.data.productSet.userErrors).toEqual([{ field: ['identifier', 'id'], message: 'Product does not exist', code: 'PRODUCT_DOES_NOT_EXIST' }]);
  });

  it('rejects more than 3 options and changes nothing', async () => {
    const input = {
      title: 'Too many options',
      productOptions: ['A', 'B', 'C', 'D'].map((name) => ({ name, values: [{ name: 'x' }] })),
      variants: [{ optionValues: ['A', 'B', 'C', 'D'].map((optionName) => ({ optionName, name: 'x' })), price: '1.00' }],
    };
    const { body } = await client.gql(PRODUCT_SET, { input });
    expect(body.data.productSet.product).toBeNull();
    expect(body.data.productSet.userErrors).toEqual([{ field: ['input', 'productOptions'], message: 'Can only specify a maximum of 3 options', code: 'OPTIONS_OVER_LIMIT' }]);
    const check = await client.gql('{ products(first: 1, query: "title:\'Too many options\'") { nodes { id } } }');
    expect(check.body.data.products.nodes).toEqual([]);
  });

  it('rejects more than 2,048 variants', async () => {
    const values = Array.from({ length: 2049 }, (_, i) => `v${i}`);
    const input = {
      title: 'Huge',
      productOptions: [{ name: 'N', values: values.map((name) => ({ name })) }],
      variants: values.map((name) => ({ optionValues: [{ optionName: 'N', name }], price: '1.00' })),
    };
    const { body } = await client.gql(PRODUCT_SET, { input });
    expect(body.data.productSet.userErrors).toEqual([{ field: ['input', 'variants'], message: 'Can only specify a maximum of 2048 variants', code: 'VARIANTS_OVER_LIMIT' }]);
  });

  it('rejects a variant whose option value the product does not have', async () => {
    const input = tee(['S']);
    (input.variants as any[]).push({ optionValues: [{ optionName: 'Size', name: 'XXL' }], price: '1.00' });
    const { body } = await client.gql(PRODUCT_SET, { input });
    expect(body.data.productSet.userErrors[0]).toMatchObject({ field: ['input', 'variants', '1', 'optionValues', '0', 'name'], code: 'OPTION_VALUE_DOES_NOT_EXIST' });
  });

  it('orders variants by position and pages them with stable cursors', async () => {
    const input = tee(['S', 'M', 'L']);
    (input.variants as any[]).forEach((v, i) => (v.position = 3 - i));
    const created = await client.gql(PRODUCT_SET, { input, identifier: { handle: 'ordered' } });
    const id = created.body.data.productSet.product.id;
    const skus: string[] = [];
    let after: string | null = null;
    do {
      const { body } = await client.gql('query V($id: ID!, $after: String) { product(id: $id) { variants(first: 1, after: $after) { pageInfo { hasNextPage endCursor } nodes { sku position } } } }', { id, after });
      const page = body.data.product.variants;
      skus.push(...page.nodes.map((n: any) => `${n.position}:${n.sku}`));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(skus).toEqual(['1:TEE-L', '2:TEE-M', '3:TEE-S']);
  });

  it('refuses an explicit handle that another product already has', async () => {
    await client.gql(PRODUCT_SET, { input: tee(['S']), identifier: { handle: 'taken' } });
    const { body } = await client.gql(PRODUCT_SET, { input: { ...tee(['S']), title: 'Other', handle: 'taken' } });
    expect(body.data.productSet.product).toBeNull();
    expect(body.data.productSet.userErrors).toEqual([{ field: ['input', 'handle'], message: "Handle 'taken' already in use. Please provide a new handle.", code: 'HANDLE_NOT_UNIQUE' }]);
  });

  it('allows a duplicate SKU, as Shopify does', async () => {
    await client.gql(PRODUCT_SET, { input: tee(['S']), identifier: { handle: 'one' } });
    const second = await client.gql(PRODUCT_SET, { input: { ...tee(['S']), title: 'Other Tee' }, identifier: { handle: 'two' } });
    expect(second.body.data.productSet.userErrors).toEqual([]);
    const both = await client.gql('{ productVariants(first: 5, query: "sku:TEE-S") { nodes { id inventoryItem { duplicateSkuCount } } } }');
    expect(both.body.data.productVariants.nodes).toHaveLength(2);
    expect(both.body.data.productVariants.nodes[0].inventoryItem.duplicateSkuCount).toBe(1);
  });
});
