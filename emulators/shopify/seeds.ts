// Seed catalogues: empty, demo (a small realistic shop), gen:N (N variants, deterministic) and
// a JSON file. All build through the same helper so every seed has the same invariants.
import { z } from 'zod';
import { createPrng } from '../common/prng.ts';
import { SeedError, type SeedSpec } from '../common/seed-spec.ts';
import { ShopStore, type InventoryItemRecord, type ProductStatus } from './store.ts';

const SEED_TIME = '2026-01-15T09:00:00Z';

export interface SeedVariant {
  sku: string | null;
  barcode?: string | null;
  price: string;
  options?: string[];
  inventoryPolicy?: 'DENY' | 'CONTINUE';
  tracked?: boolean;
  /** Available quantity per location index (0 = the first location); null = not stocked there. */
  quantities?: Array<number | null>;
}

export interface SeedProduct {
  title: string;
  handle?: string;
  status?: ProductStatus;
  description?: string;
  vendor?: string;
  productType?: string;
  options?: Array<{ name: string; values: string[] }>;
  variants: SeedVariant[];
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export function addSeedProduct(store: ShopStore, seed: SeedProduct): void {
  const locations = [...store.locations.keys()];
  const id = store.nextId('Product');
  const options = (seed.options ?? []).map((o, i) => ({
    id: store.nextId('ProductOption'),
    name: o.name,
    position: i + 1,
    values: o.values.map((name) => ({ id: store.nextId('ProductOptionValue'), name })),
  }));
  const product = {
    id,
    title: seed.title,
    handle: store.uniqueHandle(seed.handle ?? slug(seed.title)),
    status: seed.status ?? 'ACTIVE',
    descriptionHtml: seed.description ?? '',
    vendor: seed.vendor ?? 'Stockroom Demo',
    productType: seed.productType ?? '',
    tags: [],
    createdAt: SEED_TIME,
    updatedAt: SEED_TIME,
    options,
    variantIds: [] as number[],
  };
  store.addProduct(product);
  seed.variants.forEach((v, index) => {
    const variantId = store.nextId('ProductVariant');
    const itemId = store.nextId('InventoryItem');
    product.variantIds.push(variantId);
    store.addVariant(
      {
        id: variantId,
        productId: id,
        sku: null,
        barcode: v.barcode ?? null,
        price: v.price,
        compareAtPrice: null,
        inventoryPolicy: v.inventoryPolicy ?? 'DENY',
        taxable: true,
        optionValues: v.options ?? [],
        position: index + 1,
        inventoryItemId: itemId,
        createdAt: SEED_TIME,
        updatedAt: SEED_TIME,
      },
      {
        id: itemId,
        variantId,
        tracked: v.tracked ?? true,
        cost: null,
        requiresShipping: true,
        createdAt: SEED_TIME,
        updatedAt: SEED_TIME,
        levels: seedLevels(locations, v.quantities),
      },
    );
    store.setSku(store.variants.get(variantId)!, v.sku);
  });
}

/** A level at every location but those whose quantity is null (the item is not stocked there). */
function seedLevels(locations: number[], quantities: SeedVariant['quantities']): InventoryItemRecord['levels'] {
  const levels: InventoryItemRecord['levels'] = new Map();
  locations.forEach((location, i) => {
    const quantity = quantities?.[i];
    if (quantity !== null) levels.set(location, { available: quantity ?? 0, committed: 0, updatedAt: SEED_TIME });
  });
  return levels;
}

function cartesian(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((prefix) => list.map((v) => [...prefix, v])), [[]]);
}

function demoProducts(): SeedProduct[] {
  const rng = createPrng(20260715);
  const qty = () => [rng.int(0, 40), rng.int(0, 15)];
  const products: SeedProduct[] = [];
  const apparel: Array<[string, string, string[], string[], string[]]> = [
    ['Classic Tee', 'TEE', ['Black', 'White', 'Navy'], ['S', 'M', 'L', 'XL'], ['Regular', 'Slim']],
    ['Work Shirt', 'SHIRT', ['Blue', 'Khaki'], ['S', 'M', 'L'], ['Regular', 'Relaxed']],
    ['Canvas Trousers', 'TROUSER', ['Olive', 'Charcoal'], ['30', '32', '34', '36'], ['Straight', 'Tapered']],
    ['Wool Jumper', 'JUMPER', ['Oatmeal', 'Forest'], ['S', 'M', 'L'], ['Regular']],
    ['Rain Jacket', 'JACKET', ['Yellow', 'Black'], ['M', 'L', 'XL'], ['Regular', 'Long']],
    ['Hooded Sweatshirt', 'HOODIE', ['Grey', 'Red'], ['S', 'M', 'L', 'XL'], ['Regular']],
  ];
  for (const [title, code, colors, sizes, fits] of apparel) {
    products.push({
      title,
      productType: 'Apparel',
      options: [
        { name: 'Color', values: colors },
        { name: 'Size', values: sizes },
        { name: 'Fit', values: fits },
      ],
      variants: cartesian([colors, sizes, fits]).map((combo) => ({
        sku: `${code}-${combo.map((v) => v.slice(0, 3).toUpperCase()).join('-')}`,
        price: title === 'Rain Jacket' ? '89.00' : '29.00',
        options: combo,
        quantities: qty(),
      })),
    });
  }
  const paints = ['Chalk White', 'Harbour Blue', 'Sage Green', 'Signal Red', 'Slate Grey', 'Ochre', 'Midnight', 'Blush'];
  for (const [i, colour] of paints.entries()) {
    products.push({
      title: `Interior Emulsion – ${colour}`,
      productType: 'Paint',
      options: [{ name: 'Size', values: ['1 gallon', '4 gallons'] }],
      variants: [
        { sku: `PAINT-${i + 1}-1G`, price: '34.00', options: ['1 gallon'], barcode: `50000000${String(i * 2 + 1).padStart(5, '0')}`, quantities: qty() },
        { sku: `PAINT-${i + 1}-4G`, price: '119.00', options: ['4 gallons'], barcode: `50000000${String(i * 2 + 2).padStart(5, '0')}`, quantities: qty() },
      ],
    });
  }
  const ropes = ['Manila Rope 12 mm', 'Nylon Rope 8 mm', 'Polyester Braid 10 mm', 'Jute Twine 4 mm'];
  for (const [i, title] of ropes.entries()) {
    products.push({
      title: `${title} (sold by the foot)`,
      productType: 'Rope',
      description: '<p>Cut to length. Price per foot; order the number of feet you need.</p>',
      variants: [{ sku: `ROPE-${i + 1}-FT`, price: (0.45 + i * 0.2).toFixed(2), quantities: [rng.int(100, 900), rng.int(0, 300)], inventoryPolicy: 'CONTINUE' }],
    });
  }
  const hardware = ['Brass Hinge 75 mm', 'Steel Padlock', 'Cabinet Knob – Oak', 'Wall Hook – Black', 'Sandpaper Pack', 'Masking Tape 25 mm', 'Paint Brush Set', 'Roller & Tray Kit', 'Dust Sheet', 'Wood Filler', 'Wire Brush', 'Spirit Level 60 cm', 'Tape Measure 5 m', 'Utility Knife', 'Work Gloves', 'Safety Glasses', 'Dust Mask (10 pack)', 'Screwdriver Set', 'Claw Hammer', 'Hand Saw'];
  for (const [i, title] of hardware.entries()) {
    products.push({ title, productType: 'Hardware', variants: [{ sku: `HW-${String(i + 1).padStart(3, '0')}`, price: (3.5 + i * 1.75).toFixed(2), barcode: `60000000${String(i).padStart(5, '0')}`, quantities: qty() }] });
  }
  // Unicode names.
  const unicode: Array<[string, string]> = [
    ['Café Crème Mug', 'MUG-CAFE'],
    ['Ñandú Wool Scarf', 'SCARF-NANDU'],
    ['日本茶 Sencha Tea Tin', 'TEA-SENCHA'],
    ['Zürich Beanie 🧶', 'BEANIE-ZRH'],
    ['Smørrebrød Board', 'BOARD-SMOR'],
    ['Ελληνικό Olive Oil Can', 'OIL-GR'],
  ];
  for (const [title, sku] of unicode) products.push({ title, productType: 'Gifts', variants: [{ sku, price: '18.00', quantities: qty() }] });
  // A product with no SKU, and a SKU used twice (Shopify allows both).
  products.push({ title: 'Gift Wrapping Service', productType: 'Service', variants: [{ sku: null, price: '4.00', tracked: false }] });
  products.push({ title: 'Enamel Pin – Anchor', productType: 'Gifts', variants: [{ sku: 'PIN-DUP', price: '6.00', quantities: qty() }] });
  products.push({ title: 'Enamel Pin – Anchor (old listing)', productType: 'Gifts', status: 'ARCHIVED', variants: [{ sku: 'PIN-DUP', price: '6.00', quantities: [0, 0] }] });
  products.push({ title: 'Linen Apron (coming soon)', productType: 'Apparel', status: 'DRAFT', variants: [{ sku: 'APRON-LIN', price: '32.00', quantities: [0, 0] }] });
  return products;
}

const fileSchema = z
  .object({
    shop: z.object({ name: z.string().optional(), currencyCode: z.string().optional() }).optional(),
    locations: z.array(z.object({ name: z.string().min(1) })).min(1).optional(),
    products: z.array(
      z.object({
        title: z.string().min(1),
        handle: z.string().optional(),
        status: z.enum(['ACTIVE', 'ARCHIVED', 'DRAFT']).optional(),
        description: z.string().optional(),
        vendor: z.string().optional(),
        productType: z.string().optional(),
        options: z.array(z.object({ name: z.string().min(1), values: z.array(z.string().min(1)).min(1) })).max(3).optional(),
        variants: z
          .array(
            z.object({
              sku: z.string().nullable(),
              barcode: z.string().nullable().optional(),
              price: z.string().regex(/^\d+(\.\d{1,2})?$/),
              options: z.array(z.string()).optional(),
              inventoryPolicy: z.enum(['DENY', 'CONTINUE']).optional(),
              tracked: z.boolean().optional(),
              quantities: z.array(z.number().int().nullable()).optional(),
            }),
          )
          .min(1)
          .max(2048),
      }),
    ),
  })
  .strict();

/** A fresh store for the seed. */
export function buildStore(spec: SeedSpec): ShopStore {
  const store = new ShopStore();
  if (spec.kind === 'file') {
    const parsed = fileSchema.safeParse(spec.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SeedError(`seed file ${spec.path}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
    }
    if (parsed.data.shop?.name) store.shopName = parsed.data.shop.name;
    if (parsed.data.shop?.currencyCode) store.currencyCode = parsed.data.shop.currencyCode;
    for (const l of parsed.data.locations ?? [{ name: 'Shop location' }]) store.addLocation(l.name);
    const locationCount = store.locations.size;
    parsed.data.products.forEach((product, p) =>
      product.variants.forEach((variant, v) => {
        const quantities = variant.quantities;
        if (quantities && Array.from({ length: locationCount }, (_, i) => quantities[i]).every((q) => q === null)) {
          throw new SeedError(`seed file ${spec.path}: products.${p}.variants.${v}.quantities: a variant must be stocked at one location at least (null = not stocked there)`);
        }
      }),
    );
    for (const p of parsed.data.products) addSeedProduct(store, p);
    return store;
  }
  store.addLocation('Shop location');
  if (spec.kind === 'demo') {
    store.addLocation('Warehouse');
    for (const p of demoProducts()) addSeedProduct(store, p);
  } else if (spec.kind === 'generated') {
    const rng = createPrng(spec.variants);
    const sizes = ['S', 'M', 'L', 'XL'];
    let made = 0;
    for (let p = 1; made < spec.variants; p++) {
      const count = Math.min(4, spec.variants - made);
      const values = sizes.slice(0, count);
      addSeedProduct(store, {
        title: `Generated Product ${p}`,
        handle: `generated-product-${p}`,
        options: [{ name: 'Size', values }],
        variants: values.map((size) => {
          made += 1;
          return { sku: `GEN-${String(made).padStart(6, '0')}`, price: `${10 + (made % 90)}.00`, options: [size], quantities: [rng.int(0, 50)] };
        }),
      });
    }
  }
  return store;
}
