// BigCommerce products → RemoteProduct: options rebuilt from variants' option_values, money out of
// binary floats, status from visibility, quantities from the mapped location only.
import { describe, expect, it } from 'vitest';
import { productSchema } from '../../../src/channels/bigcommerce/payloads.ts';
import { decimal, toRemoteProduct } from '../../../src/channels/bigcommerce/remote-product.ts';

describe('BigCommerce product mapping', () => {
  it('writes prices as decimals without float noise, keeping up to 4 places', () => {
    expect([1.7999999999999998, 18, 2.0999999999999996, 1.2345, '12.5', null].map(decimal)).toEqual(['1.80', '18.00', '2.10', '1.2345', '12.50', null]);
  });

  it('rebuilds options in first-seen order and reads quantities at the location, not inventory_level', () => {
    const product = productSchema.parse({
      id: 7,
      name: 'Tee',
      is_visible: false,
      inventory_tracking: 'variant',
      price: 18,
      custom_url: { url: '/tee/' },
      variants: [
        { id: 70, product_id: 7, sku: 'T-R-S', price: null, upc: '', inventory_level: 99, option_values: [{ option_display_name: 'Colour', label: 'Red' }, { option_display_name: 'Size', label: 'S' }] },
        { id: 71, product_id: 7, sku: 'T-B-M', price: 19.5, upc: '0123', inventory_level: 99, option_values: [{ option_display_name: 'Size', label: 'M' }, { option_display_name: 'Colour', label: 'Blue' }] },
      ],
    });
    const remote = toRemoteProduct(product, { byVariant: new Map([[70, 4]]), byProduct: new Map() });
    expect(remote).toMatchObject({ remoteProductId: '7', handle: 'tee', status: 'draft', options: [{ name: 'Colour', values: ['Red', 'Blue'] }, { name: 'Size', values: ['S', 'M'] }] });
    expect(remote.variants.map((v) => [v.inventoryRef, v.optionValues, v.price, v.barcode, v.quantity])).toEqual([
      ['variant:70', ['Red', 'S'], '18.00', null, 4],
      ['variant:71', ['Blue', 'M'], '19.50', '0123', 0],
    ]);
  });

  it('a product-tracked product has one stock figure on its base variant; an untracked one has none', () => {
    const simple = productSchema.parse({ id: 8, name: 'Rope', sku: 'ROPE', inventory_tracking: 'product', base_variant_id: 80, is_visible: true, variants: [{ id: 80, product_id: 8, sku: '', option_values: [] }] });
    expect(toRemoteProduct(simple, { byVariant: new Map([[80, 12]]), byProduct: new Map() }).variants[0]).toMatchObject({ inventoryRef: 'product:8', sku: 'ROPE', quantity: 12 });
    const untracked = productSchema.parse({ ...simple, inventory_tracking: 'none' });
    expect(toRemoteProduct(untracked, { byVariant: new Map([[80, 12]]), byProduct: new Map() }).variants[0]).toMatchObject({ inventoryRef: 'variant:80', quantity: null });
    expect(toRemoteProduct(simple, { byVariant: new Map(), byProduct: new Map() }).status).toBe('active');
  });
});
