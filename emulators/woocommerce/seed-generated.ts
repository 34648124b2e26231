// gen:N — N variants for benchmarks, the same every run: every fifth product simple, the
// others variable with four variations (Color × Size), SKUs GEN-<product>-<n>, one product a second.
import type { Catalog } from './catalog.ts';
import { blankProduct } from './product-record.ts';
import { settleStock } from './stock-rules.ts';

const BASE = Date.UTC(2026, 0, 1) / 1000;
const COLORS = ['Red', 'Blue'];
const SIZES = ['S', 'M'];

export function generateCatalog(catalog: Catalog, variants: number): void {
  catalog.addAttribute({ id: 1, name: 'Color', slug: 'pa_color', type: 'select', orderBy: 'menu_order', hasArchives: false });
  catalog.addAttribute({ id: 2, name: 'Size', slug: 'pa_size', type: 'select', orderBy: 'menu_order', hasArchives: false });
  let made = 0;
  for (let p = 1; made < variants; p++) {
    const createdS = BASE + p;
    const simple = p % 5 === 0 || variants - made < 4;
    const product = blankProduct(catalog.allocateId(), 0, simple ? 'simple' : 'variable', createdS);
    product.name = `Generated product ${p}`;
    product.slug = `generated-product-${p}`;
    product.sku = `GEN-${p}`;
    if (simple) {
      product.regularPrice = `${(p % 90) + 9}.99`;
      product.manageStock = true;
      product.stockQuantity = p % 23;
      settleStock(product);
      catalog.save(product);
      made += 1;
      continue;
    }
    product.attributes = [
      { id: 1, name: 'Color', position: 0, visible: true, variation: true, options: [...COLORS] },
      { id: 2, name: 'Size', position: 1, visible: true, variation: true, options: [...SIZES] },
    ];
    catalog.save(product);
    let n = 0;
    for (const color of COLORS) {
      for (const size of SIZES) {
        const variation = blankProduct(catalog.allocateId(), product.id, 'variation', createdS);
        variation.name = product.name;
        variation.sku = `GEN-${p}-${++n}`;
        variation.regularPrice = `${(p % 90) + 9}.99`;
        variation.manageStock = true;
        variation.stockQuantity = (p + n) % 17;
        variation.chosen = [
          { id: 1, name: 'Color', option: color },
          { id: 2, name: 'Size', option: size },
        ];
        settleStock(variation);
        catalog.save(variation);
        made += 1;
      }
    }
  }
}
