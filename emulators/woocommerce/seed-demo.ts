// The demo shop: apparel (Color / Size / Fit), paint in 1 gallon and 4 gallons, rope sold by
// the foot, a product without SKU, unicode names, a few drafts. About 50 products. Products are
// dated five to a second, as an import would leave them, so paging by date shows its hazard.
import type { SeedData } from './seed-loader.ts';

const BASE = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;
const at = (index: number): string => new Date((BASE + Math.floor(index / 5)) * 1000).toISOString().slice(0, 19);

interface Line {
  [key: string]: unknown;
}

function apparel(name: string, code: string, price: string, colors: string[], sizes: string[], fits: string[]): Line {
  const variations: Line[] = [];
  let n = 0;
  for (const color of colors) {
    for (const size of sizes) {
      for (const fit of fits) {
        variations.push({
          sku: `${code}-${color.slice(0, 3).toUpperCase()}-${size}${fits.length > 1 ? `-${fit.slice(0, 3).toUpperCase()}` : ''}`,
          regular_price: price,
          manage_stock: true,
          stock_quantity: (n++ * 7) % 13,
          attributes: [
            { id: 1, option: color },
            { id: 2, option: size },
            ...(fits.length > 1 ? [{ id: 3, option: fit }] : []),
          ],
        });
      }
    }
  }
  return {
    name,
    type: 'variable',
    sku: code,
    description: `<p>${name}, in ${colors.length} colours.</p>`,
    categories: [{ id: 9 }],
    attributes: [
      { id: 1, position: 0, visible: true, variation: true, options: colors },
      { id: 2, position: 1, visible: true, variation: true, options: sizes },
      ...(fits.length > 1 ? [{ id: 3, position: 2, visible: true, variation: true, options: fits }] : []),
    ],
    variations,
  };
}

function paint(name: string, code: string, small: string, large: string, stock: [number, number]): Line {
  return {
    name,
    type: 'variable',
    sku: code,
    categories: [{ id: 20 }],
    attributes: [{ name: 'Volume', position: 0, visible: true, variation: true, options: ['1 gallon', '4 gallons'] }],
    variations: [
      { sku: `${code}-1G`, regular_price: small, manage_stock: true, stock_quantity: stock[0], attributes: [{ name: 'Volume', option: '1 gallon' }] },
      { sku: `${code}-4G`, regular_price: large, manage_stock: true, stock_quantity: stock[1], attributes: [{ name: 'Volume', option: '4 gallons' }] },
    ],
  };
}

const rope = (name: string, sku: string, price: string, feet: number): Line => ({
  name,
  type: 'simple',
  sku,
  regular_price: price,
  description: '<p>Sold by the foot: a quantity of 25 is 25 feet.</p>',
  categories: [{ id: 30 }],
  manage_stock: true,
  stock_quantity: feet,
});

const simple = (name: string, sku: string, price: string, stock: number | null, extra: Line = {}): Line => ({
  name,
  type: 'simple',
  sku,
  regular_price: price,
  ...(stock === null ? {} : { manage_stock: true, stock_quantity: stock }),
  ...extra,
});

export function demoSeed(): SeedData {
  const products: Line[] = [
    apparel('Classic Tee', 'TEE-CLASSIC', '19.00', ['Black', 'White', 'Navy'], ['S', 'M', 'L'], ['Regular', 'Slim']),
    apparel('Heavy Hoodie', 'HOODIE-HVY', '54.00', ['Grey', 'Black'], ['M', 'L', 'XL'], ['Regular']),
    apparel('Work Trousers', 'TROUSER-WRK', '42.50', ['Khaki', 'Black'], ['30', '32', '34'], ['Regular', 'Relaxed']),
    apparel('Rain Jacket', 'JACKET-RAIN', '89.00', ['Yellow', 'Navy'], ['S', 'M', 'L', 'XL'], ['Regular']),
    apparel('Wool Socks', 'SOCKS-WOOL', '12.00', ['Grey', 'Red'], ['S', 'M', 'L'], ['Regular']),
    apparel('Über Jacke', 'JACKE-UBER', '120.00', ['Schwarz', 'Grün'], ['M', 'L'], ['Regular', 'Slim']),
    apparel('Canvas Apron', 'APRON-CNV', '24.00', ['Tan', 'Black'], ['One size'], ['Regular']),
    apparel('Flannel Shirt', 'SHIRT-FLN', '39.00', ['Red', 'Blue'], ['S', 'M', 'L'], ['Regular', 'Slim']),
    paint('Interior Emulsion – Chalk White', 'PAINT-INT-WHT', '24.99', '79.99', [14, 4]),
    paint('Interior Emulsion – Slate Grey', 'PAINT-INT-GRY', '24.99', '79.99', [6, 2]),
    paint('Exterior Gloss – Forest Green', 'PAINT-EXT-GRN', '29.99', '94.99', [8, 0]),
    paint('Exterior Gloss – Signal Red', 'PAINT-EXT-RED', '29.99', '94.99', [3, 1]),
    paint('Primer Undercoat', 'PAINT-PRIMER', '19.99', '64.99', [20, 5]),
    paint('Peinture Crème Brûlée', 'PAINT-CREME', '27.50', '88.00', [5, 2]),
    rope('Manila Rope 12 mm (per foot)', 'ROPE-MAN-12', '0.85', 600),
    rope('Nylon Rope 8 mm (per foot)', 'ROPE-NYL-08', '0.60', 1200),
    rope('Polypropylene Rope 16 mm (per foot)', 'ROPE-PP-16', '1.10', 350),
    rope('Jute Twine (per foot)', 'ROPE-JUTE', '0.15', 5000),
    rope('Cuerda de Piñata (per foot)', 'ROPE-PINATA', '0.40', 800),
    simple('Gift Wrapping', '', '3.50', null, { description: '<p>No SKU: wrapped at the till.</p>' }),
    simple('Café Crème Mug', 'MUG-CAFE', '11.00', 36, { global_unique_id: '4006381333931' }),
    simple('日本の手ぬぐい (Tenugui)', 'TENUGUI-01', '16.00', 12),
    simple('Smörgåsbord Board', 'BOARD-SMORG', '34.00', 7),
    simple('Ελληνικό Ελαιόλαδο 500 ml', 'OIL-GR-500', '14.50', 20),
    simple('Paint Brush 2"', 'BRUSH-2IN', '6.50', 45),
    simple('Paint Brush 4"', 'BRUSH-4IN', '9.50', 30),
    simple('Roller Kit', 'ROLLER-KIT', '18.00', 15),
    simple('Masking Tape', 'TAPE-MASK', '4.25', 80, { global_unique_id: '5012345678900' }),
    simple('Dust Sheet', 'DUST-SHEET', '7.99', 25),
    simple('Sandpaper Pack', 'SAND-PACK', '5.49', 60),
    simple('Rope Cutter', 'ROPE-CUTTER', '21.00', 9),
    simple('Carabiner', 'CARABINER', '8.75', 40),
    simple('Work Gloves', 'GLOVES-WORK', '13.00', 22),
    simple('Safety Glasses', 'GLASSES-SAFE', '9.00', 18),
    simple('Tote Bag', 'TOTE-BAG', '15.00', null, { stock_status: 'instock' }),
    simple('Enamel Pin', 'PIN-ENAMEL', '5.00', 0),
    simple('Sticker Sheet', 'STICKER-SHEET', '3.00', -2),
    simple('Notebook', 'NOTEBOOK-A5', '8.00', 50),
    simple('Pencil Set', 'PENCIL-SET', '6.00', 33),
    simple('Water Bottle', 'BOTTLE-WATER', '17.50', 14),
    simple('Cap', 'CAP-LOGO', '21.00', 11),
    simple('Beanie', 'BEANIE', '18.00', 16),
    simple('Scarf (draft)', 'SCARF-DRAFT', '26.00', 5, { status: 'draft' }),
    simple('Umbrella (draft)', 'UMBRELLA', '29.00', 3, { status: 'draft' }),
    simple('Keyring', 'KEYRING', '4.00', 70, { sale_price: '3.00' }),
    simple('Postcard', 'POSTCARD', '1.50', 200),
    {
      name: 'Bandana',
      type: 'variable',
      sku: 'BANDANA',
      manage_stock: true,
      stock_quantity: 40,
      description: '<p>Stock is kept on the product: its variations read manage_stock "parent".</p>',
      attributes: [{ id: 1, position: 0, visible: true, variation: true, options: ['Red', 'Blue', 'Paisley'] }],
      variations: ['Red', 'Blue', 'Paisley'].map((c) => ({
        sku: `BANDANA-${c.toUpperCase()}`,
        regular_price: '7.00',
        attributes: [{ id: 1, option: c }],
      })),
    },
    simple('Shop Apron Patch', 'PATCH-APRON', '2.50', 0, { backorders: 'notify' }),
    simple('Gift Card', 'GIFT-CARD', '25.00', null),
  ];
  return {
    attributes: [
      { id: 1, name: 'Color' },
      { id: 2, name: 'Size' },
      { id: 3, name: 'Fit' },
    ],
    categories: [
      { id: 9, name: 'Clothing' },
      { id: 20, name: 'Paint' },
      { id: 30, name: 'Rope' },
    ],
    products: products.map((p, i) => ({ ...p, date_created: at(i) })),
  };
}
