// The WooCommerce emulator as an engine-scenario target: simple products for one-variant items,
// variable products with variations otherwise; the description edited with an OAuth-signed PUT.
import { start } from '../../../emulators/woocommerce/index.ts';
import { wooClient } from '../../../emulators/woocommerce/test-support/woo-client.ts';
import { runningStore, withSeedFile, type CatalogueProduct, type PlatformTarget } from './platform-target.ts';

function wooProduct(product: CatalogueProduct) {
  const common = { name: product.title, description: product.description ?? '', status: 'publish' };
  if (!product.options || product.options.length === 0) {
    const [only] = product.variants;
    return { ...common, type: 'simple', sku: only!.sku, regular_price: only!.price, manage_stock: true, stock_quantity: only!.quantity };
  }
  const options = product.options;
  return {
    ...common,
    type: 'variable',
    attributes: options.map((o, position) => ({ name: o.name, position, visible: true, variation: true, options: o.values })),
    variations: product.variants.map((v) => ({
      sku: v.sku,
      regular_price: v.price,
      manage_stock: true,
      stock_quantity: v.quantity,
      attributes: options.map((o, i) => ({ name: o.name, option: v.values![i] })),
    })),
  };
}

export const woocommerceTarget: PlatformTarget = {
  platform: 'woocommerce',
  draftStatus: 'draft',
  liveStatus: 'publish',
  async startEmulator(catalogue) {
    const emulator = await withSeedFile({ products: catalogue.map(wooProduct) }, (seed) => start({ seed, delayMs: 0 }));
    return runningStore('woocommerce', emulator);
  },
  async editDescription(store, remoteProductId, html) {
    const client = wooClient(store.url, { consumerKey: store.credentials.consumerKey!, consumerSecret: store.credentials.consumerSecret! });
    const answer = await client.put(`/products/${remoteProductId}`, { description: html });
    if (answer.status !== 200) throw new Error(`WooCommerce refused the description edit: ${answer.status} ${JSON.stringify(answer.body)}`);
  },
  async addVariant(store, remoteProductId, variant) {
    const client = wooClient(store.url, { consumerKey: store.credentials.consumerKey!, consumerSecret: store.credentials.consumerSecret! });
    const product = await client.get(`/products/${remoteProductId}`);
    if (product.status !== 200) throw new Error(`WooCommerce did not give the product: ${product.status}`);
    // The attribute takes the new value first (attributes are replaced wholesale), then the variation is created.
    const attributes = (product.body as { attributes: Array<{ name: string; options: string[] }> }).attributes.map((a) =>
      a.name === variant.option ? { ...a, options: [...a.options, variant.value] } : a,
    );
    const put = await client.put(`/products/${remoteProductId}`, { attributes });
    if (put.status !== 200) throw new Error(`WooCommerce refused the attribute value: ${put.status} ${JSON.stringify(put.body)}`);
    const created = await client.post(`/products/${remoteProductId}/variations`, {
      sku: variant.sku,
      regular_price: variant.price,
      manage_stock: true,
      stock_quantity: variant.quantity,
      attributes: [{ name: variant.option, option: variant.value }],
    });
    if (created.status !== 201) throw new Error(`WooCommerce refused the variation: ${created.status} ${JSON.stringify(created.body)}`);
  },
};
