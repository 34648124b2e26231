// Seeds: `empty`, `demo` (a small realistic shop), `gen:N` (N variants, for benchmarks) or a JSON file.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CatalogState } from './catalog-state.ts';

const seedFileSchema = z.object({
  locations: z.array(z.object({ code: z.string(), label: z.string() })).optional(),
  products: z.array(
    z.object({
      name: z.string(),
      sku: z.string().optional(),
      price: z.number(),
      weight: z.number().optional(),
      description: z.string().optional(),
      visible: z.boolean().optional(),
      tracking: z.enum(['none', 'product', 'variant']).optional(),
      quantity: z.number().int().optional(),
      options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })).optional(),
      variants: z.array(z.object({ sku: z.string(), price: z.number().optional(), values: z.array(z.string()), quantity: z.number().int().optional() })).optional(),
    }),
  ),
});

export type SeedFile = z.infer<typeof seedFileSchema>;

export function applySeed(catalog: CatalogState, seed: string): void {
  if (seed === 'empty') return;
  if (seed === 'demo') return load(catalog, demoSeed());
  const generated = /^gen:(\d+)$/.exec(seed);
  if (generated) return load(catalog, generatedSeed(Number(generated[1])));
  let text: string;
  try {
    text = readFileSync(seed, 'utf8');
  } catch {
    throw new Error(`seed must be empty, demo, gen:N or a readable JSON file; "${seed}" is none of these`);
  }
  load(catalog, seedFileSchema.parse(JSON.parse(text)));
}

function load(catalog: CatalogState, seed: SeedFile): void {
  for (const location of seed.locations ?? []) catalog.addLocation(location.code, location.label);
  for (const item of seed.products) {
    const optionNames = (item.options ?? []).map((o) => o.name);
    const variants = item.variants?.map((v) => ({
      sku: v.sku,
      price: v.price ?? null,
      inventory_level: v.quantity,
      option_values: v.values.map((label, i) => ({ option_display_name: optionNames[i], label })),
    }));
    catalog.createProduct({
      name: item.name,
      type: 'physical',
      sku: item.sku,
      price: item.price,
      weight: item.weight ?? 0.5,
      description: item.description ?? `<p>${item.name}</p>`,
      is_visible: item.visible ?? true,
      inventory_tracking: item.tracking ?? (variants ? 'variant' : 'product'),
      inventory_level: variants ? undefined : item.quantity,
      variants,
    });
  }
}

function combinations(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((combo) => list.map((value) => [...combo, value])), [[]]);
}

function apparel(name: string, code: string, price: number, colors: string[], sizes: string[], fits: string[]): SeedFile['products'][number] {
  const options = [
    { name: 'Color', values: colors },
    { name: 'Size', values: sizes },
    ...(fits.length > 0 ? [{ name: 'Fit', values: fits }] : []),
  ];
  const combos = combinations(options.map((o) => o.values));
  return {
    name,
    price,
    options,
    variants: combos.map((values, i) => ({ sku: `${code}-${values.map((v) => v.slice(0, 3).toUpperCase()).join('-')}`, values, quantity: (i * 3) % 11 })),
  };
}

export function demoSeed(): SeedFile {
  const products: SeedFile['products'] = [
    apparel('Classic Tee', 'TEE', 18, ['Black', 'White', 'Navy'], ['S', 'M', 'L', 'XL'], ['Regular', 'Slim']),
    apparel('Heavy Hoodie', 'HOOD', 49, ['Grey', 'Black'], ['S', 'M', 'L'], ['Regular', 'Relaxed']),
    apparel('Work Trousers', 'TROU', 39, ['Khaki', 'Navy'], ['30', '32', '34'], ['Straight', 'Tapered']),
    apparel('Rain Jacket', 'RAIN', 89, ['Yellow', 'Olive'], ['M', 'L', 'XL'], []),
    apparel('Wool Beanie', 'BEAN', 15, ['Red', 'Navy', 'Charcoal'], ['One size'], []),
    apparel('Linen Shirt', 'LINE', 45, ['White', 'Sand'], ['S', 'M', 'L'], ['Regular']),
  ];
  for (const [i, color] of ['Chalk White', 'Harbour Blue', 'Sage', 'Terracotta', 'Charcoal', 'Buttercup'].entries()) {
    const code = `PAINT-${color.replace(/\s+/g, '').toUpperCase().slice(0, 6)}`;
    products.push({
      name: `Interior Paint — ${color}`,
      price: 24,
      options: [{ name: 'Size', values: ['1 gallon', '4 gallons'] }],
      variants: [
        { sku: `${code}-1G`, price: 24, values: ['1 gallon'], quantity: 10 + i },
        { sku: `${code}-4G`, price: 79, values: ['4 gallons'], quantity: 3 + i },
      ],
    });
  }
  for (const [i, rope] of ['Manila Rope 12 mm', 'Nylon Rope 8 mm', 'Polypropylene Rope 10 mm', 'Jute Twine 4 mm'].entries()) {
    products.push({ name: `${rope} (per foot)`, sku: `ROPE-${i + 1}`, price: 1.2 + i * 0.3, quantity: 500 - i * 50, description: '<p>Sold by the foot.</p>' });
  }
  products.push({ name: 'Gift Wrapping', price: 3, quantity: 100, description: '<p>No SKU on purpose.</p>' });
  const unicode = ['Café Crème Mug', 'Größe Wool Socks', '東京 Tote Bag', 'Crème Brûlée Torch', 'Smørrebrød Board', 'Ñandú Feather Duster'];
  for (const [i, name] of unicode.entries()) products.push({ name, sku: `UNI-${i + 1}`, price: 12 + i, quantity: 5 + i });
  const basics = ['Canvas Apron', 'Garden Gloves', 'Brass Hooks (10)', 'Beeswax Polish', 'Wire Brush', 'Paint Tray', 'Roller 9 in', 'Masking Tape 2 in', 'Drop Cloth', 'Sandpaper Pack', 'Putty Knife', 'Stir Sticks (10)', 'Work Boots Laces', 'Enamel Mug', 'Steel Ruler', 'Utility Knife', 'Spirit Level', 'Claw Hammer', 'Tape Measure 5 m', 'Pencil Set', 'Safety Glasses', 'Dust Masks (5)', 'Cable Ties (100)', 'Hand Cream'];
  for (const [i, name] of basics.entries()) products.push({ name, sku: `BAS-${String(i + 1).padStart(3, '0')}`, price: 4 + (i % 7) * 2.5, quantity: (i * 5) % 23 });
  products.push({ name: 'Discontinued Lantern', sku: 'BAS-OLD-1', price: 30, quantity: 0, visible: false });
  return { locations: [{ code: 'WAREHOUSE', label: 'Warehouse' }], products };
}

/** N variants, four sizes per product, deterministic. */
export function generatedSeed(variantCount: number): SeedFile {
  const sizes = ['S', 'M', 'L', 'XL'];
  const products: SeedFile['products'] = [];
  for (let start = 0, p = 1; start < variantCount; start += sizes.length, p++) {
    const count = Math.min(sizes.length, variantCount - start);
    const values = sizes.slice(0, count);
    const code = `GEN-${String(p).padStart(6, '0')}`;
    products.push({
      name: `Generated Product ${p}`,
      price: 10 + (p % 40),
      options: [{ name: 'Size', values }],
      variants: values.map((size, i) => ({ sku: `${code}-${size}`, values: [size], quantity: (start + i) % 50 })),
    });
  }
  return { products };
}
