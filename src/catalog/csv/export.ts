// Catalogue CSV export: the same columns import reads, so export → import changes nothing.
// Streams products in pages so memory stays flat however big the catalogue is.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DatabaseHandle } from '../../db/handle.ts';
import type { Attribute } from '../product-input.ts';
import { formatMoney, formatScaled, formatWeightKg, QUANTITY_SCALE } from '../decimal.ts';
import { ATTRIBUTE_SLOTS, CSV_COLUMNS } from './columns.ts';
import { csvLine } from './rfc4180.ts';

const PAGE = 1000;

/**
 * Writes every product and variant of the account. `quantity` is the variant's stock over all
 * locations and `location` is left empty (Main): on import it only seeds variants that are new.
 */
export async function exportCatalogCsv(handle: DatabaseHandle, accountId: string, target: string | Writable): Promise<{ products: number; variants: number }> {
  const out = typeof target === 'string' ? createWriteStream(target) : target;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const names = await masterNames(handle, accountId);
  let products = 0;
  let variants = 0;
  await write(csvLine(CSV_COLUMNS));
  let after = '';
  for (;;) {
    const page = await handle.db
      .selectFrom('product')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    after = page[page.length - 1].id;
    const rows = await handle.db
      .selectFrom('variant')
      .selectAll('variant')
      .select((eb) =>
        eb
          .selectFrom('stock_level')
          .select((inner) => inner.fn.sum<number>('stock_level.quantity_milli').as('s'))
          .whereRef('stock_level.variant_id', '=', 'variant.id')
          .as('on_hand_milli'),
      )
      .where('variant.product_id', 'in', page.map((product) => product.id))
      .orderBy('variant.product_id')
      .orderBy('variant.position')
      .execute();
    const byProduct = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = byProduct.get(row.product_id) ?? [];
      list.push(row);
      byProduct.set(row.product_id, list);
    }
    let text = '';
    for (const product of page) {
      products += 1;
      const attributes = JSON.parse(product.attributes) as Attribute[];
      for (const variant of byProduct.get(product.id) ?? []) {
        variants += 1;
        const values = JSON.parse(variant.option_values) as string[];
        const attributeCells: string[] = [];
        for (let slot = 0; slot < ATTRIBUTE_SLOTS; slot += 1) attributeCells.push(attributes[slot]?.name ?? '', values[slot] ?? '');
        text += csvLine([
          product.handle,
          product.name,
          product.description,
          names.get(product.product_group_id ?? '') ?? '',
          names.get(product.brand_id ?? '') ?? '',
          names.get(product.supplier_id ?? '') ?? '',
          product.product_type ?? '',
          product.unit ?? '',
          names.get(product.tax_group_id ?? '') ?? '',
          product.ecommerce === 1 ? 'yes' : 'no',
          ...attributeCells,
          variant.sku ?? '',
          variant.barcode ?? '',
          formatMoney(Number(variant.price_minor)),
          variant.cost_price_minor === null ? '' : formatMoney(Number(variant.cost_price_minor)),
          variant.weight_grams === null ? '' : formatWeightKg(Number(variant.weight_grams)),
          formatScaled(Number(variant.on_hand_milli ?? 0), QUANTITY_SCALE, { trimZeros: true }),
          '',
        ]);
      }
    }
    await write(text);
  }
  if (typeof target === 'string') {
    out.end();
    await once(out, 'finish');
  }
  return { products, variants };
}

async function masterNames(handle: DatabaseHandle, accountId: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const kind of ['product_group', 'brand', 'supplier', 'tax_group'] as const) {
    const rows = await handle.db.selectFrom(kind).select(['id', 'name']).where('account_id', '=', accountId).execute();
    for (const row of rows) map.set(row.id, row.name);
  }
  return map;
}
