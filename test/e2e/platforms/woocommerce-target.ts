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
};
