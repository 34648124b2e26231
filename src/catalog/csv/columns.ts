// The catalogue CSV's columns (CONTRACT.md "The catalogue CSV"), in the order export writes them.
export const ATTRIBUTE_SLOTS = 5;

export const CSV_COLUMNS = [
  'handle',
  'name',
  'description',
  'product_group',
  'brand',
  'supplier',
  'product_type',
  'unit',
  'tax_group',
  'ecommerce',
  ...Array.from({ length: ATTRIBUTE_SLOTS }, (_, index) => [`attribute${index + 1}_name`, `attribute${index + 1}_value`]).flat(),
  'sku',
  'barcode',
  'price',
  'cost_price',
  'weight',
  'quantity',
  'location',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
