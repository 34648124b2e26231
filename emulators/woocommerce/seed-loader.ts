// Fills a fresh store from a seed: empty, demo, gen:N or a JSON file
// ({ attributes?: [{ name }], products: [ { ...product body, date_created?, variations?: [...] } ] }).
import type { SeedSpec } from '../common/seed-spec.ts';
import { SeedError } from '../common/seed-spec.ts';
import type { Catalog } from './catalog.ts';
import { writeProduct, writeVariation } from './product-input.ts';
import { parseQueryDate } from './dates.ts';
import { sanitizeTitle } from './slug.ts';
import { WooError } from './woo-error.ts';
import { demoSeed } from './seed-demo.ts';
import { generateCatalog } from './seed-generated.ts';
import { isObject } from './input-reader.ts';

export interface SeedData {
  attributes?: { id?: number; name: string }[];
  categories?: { id: number; name: string }[];
  products: Record<string, unknown>[];
}

function stamp(catalog: Catalog, id: number, value: unknown): void {
  if (typeof value !== 'string') return;
  const seconds = parseQueryDate(value);
  const record = catalog.get(id);
  if (seconds === null || !record) throw new SeedError(`seed: date_created "${value}" is not an ISO 8601 date`);
  catalog.save({ ...record, createdS: seconds, modifiedS: seconds });
}

export function loadSeedData(catalog: Catalog, data: unknown): void {
  if (!isObject(data) || !Array.isArray(data.products)) {
    throw new SeedError('seed: the JSON file needs { "products": [ ... ] }');
  }
  const seed = data as unknown as SeedData;
  for (const a of seed.attributes ?? []) {
    catalog.addAttribute({ id: a.id, name: a.name, slug: `pa_${sanitizeTitle(a.name)}`, type: 'select', orderBy: 'menu_order', hasArchives: false });
  }
  for (const c of seed.categories ?? []) catalog.categories.set(c.id, { id: c.id, name: c.name, slug: sanitizeTitle(c.name) });
  seed.products.forEach((input, index) => {
    try {
      const { variations, date_created: created, ...body } = input;
      const product = writeProduct(catalog, undefined, body, 'strict');
      for (const v of Array.isArray(variations) ? variations : []) {
        const { date_created: vCreated, ...vBody } = v as Record<string, unknown>;
        const variation = writeVariation(catalog, catalog.get(product.id)!, undefined, vBody, 'strict');
        stamp(catalog, variation.id, vCreated ?? created);
      }
      stamp(catalog, product.id, created);
    } catch (error) {
      if (error instanceof WooError) throw new SeedError(`seed: products[${index}]: ${error.code}: ${error.message}`);
      throw error;
    }
  });
}

export function loadSeed(catalog: Catalog, spec: SeedSpec): void {
  if (spec.kind === 'empty') return;
  if (spec.kind === 'demo') return loadSeedData(catalog, demoSeed());
  if (spec.kind === 'generated') return generateCatalog(catalog, spec.variants);
  return loadSeedData(catalog, spec.data);
}
