// One CSV data row checked on its own: numbers, flags, attribute pairs. Errors name the column.
import type { ProductType } from '../../db/schema.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { nameKey } from '../../accounts/names.ts';
import { parseMoney, parseQuantity, parseWeightKg } from '../decimal.ts';
import { ATTRIBUTE_SLOTS, CSV_COLUMNS, type CsvColumn } from './columns.ts';

export interface RowProduct {
  handle: string;
  name: string;
  description: string;
  productGroup: string;
  brand: string;
  supplier: string;
  productType: ProductType | null;
  unit: string;
  taxGroup: string;
  ecommerce: boolean;
  attributeNames: string[];
}

export interface RowVariant {
  line: number;
  sku: string | null;
  barcode: string | null;
  values: string[];
  priceMinor: number;
  costPriceMinor: number | null;
  weightGrams: number | null;
  quantityMilli: number | null;
  location: string;
}

export interface RowError {
  line: number;
  message: string;
}

export type ColumnIndex = Record<CsvColumn, number>;

/** Maps the header to column positions; every column must be there, none unknown, none twice. */
export function indexHeader(header: string[]): { index?: ColumnIndex; error?: string } {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const known = new Set<string>(CSV_COLUMNS);
  const unknown = names.filter((name) => !known.has(name));
  const missing = CSV_COLUMNS.filter((column) => !names.includes(column));
  const twice = names.filter((name, position) => names.indexOf(name) !== position);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (unknown.length > 0) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}`);
  if (twice.length > 0) problems.push(`column${twice.length > 1 ? 's' : ''} ${[...new Set(twice)].join(', ')} given twice`);
  if (problems.length > 0) return { error: `The header row has ${problems.join('; ')}.` };
  const index = {} as ColumnIndex;
  for (const column of CSV_COLUMNS) index[column] = names.indexOf(column);
  return { index };
}

/**
 * Reads one row; throws a message (no line) for the first problem in it. Product-level columns are
 * read only from the first row of a product (`firstOfProduct`); later rows give just their
 * attribute names (which must match) and the variant.
 */
export function readRow(fields: string[], index: ColumnIndex, line: number, firstOfProduct = true): { product?: RowProduct; attributeNames: string[]; variant: RowVariant } {
  if (fields.length !== CSV_COLUMNS.length) {
    throw new Error(`it has ${fields.length} cells but the header has ${CSV_COLUMNS.length}.`);
  }
  const cell = (column: CsvColumn) => fields[index[column]].trim();
  const handle = cell('handle');
  if (!handle) throw new Error('the handle is empty; every row needs the handle of its product.');

  const attributeNames: string[] = [];
  const values: string[] = [];
  let gap = false;
  for (let slot = 1; slot <= ATTRIBUTE_SLOTS; slot += 1) {
    const name = cell(`attribute${slot}_name` as CsvColumn);
    const value = cell(`attribute${slot}_value` as CsvColumn);
    if (!name && !value) {
      gap = true;
      continue;
    }
    if (gap) throw new Error(`attribute${slot} is filled in but an earlier attribute is empty; fill the attributes from 1 up.`);
    if (!value) throw new Error(`attribute${slot}_value is empty for attribute "${name || '?'}".`);
    attributeNames.push(name);
    values.push(value);
  }
  const quantityText = cell('quantity');
  const variant: RowVariant = {
    line,
    sku: cell('sku') || null,
    barcode: cell('barcode') || null,
    values,
    priceMinor: column('price', () => parseMoney(cell('price') || '0', 'price')),
    costPriceMinor: cell('cost_price') ? column('cost_price', () => parseMoney(cell('cost_price'), 'cost price')) : null,
    weightGrams: cell('weight') ? column('weight', () => parseWeightKg(cell('weight'))) : null,
    quantityMilli: quantityText ? column('quantity', () => parseQuantity(quantityText)) : null,
    location: cell('location'),
  };
  if (!firstOfProduct) return { attributeNames, variant };
  const productTypeText = cell('product_type').toLowerCase().replace('-', '_').replace(' ', '_');
  let productType: ProductType | null = null;
  if (productTypeText === 'fixed' || productTypeText === 'per_unit') productType = productTypeText;
  else if (productTypeText !== '') throw new Error(`product_type "${cell('product_type')}" must be fixed or per_unit.`);
  const ecommerceText = cell('ecommerce').toLowerCase();
  if (!['', 'yes', 'no'].includes(ecommerceText)) throw new Error(`ecommerce "${cell('ecommerce')}" must be yes or no.`);
  return {
    attributeNames,
    variant,
    product: {
      handle,
      name: cell('name'),
      description: fields[index.description],
      productGroup: cell('product_group'),
      brand: cell('brand'),
      supplier: cell('supplier'),
      productType,
      unit: cell('unit'),
      taxGroup: cell('tax_group'),
      ecommerce: ecommerceText === 'yes',
      attributeNames,
    },
  };
}

function column<T>(_name: CsvColumn, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof DomainError) throw new Error(lowerFirst(error.message));
    throw error;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, position) => nameKey(name) === nameKey(b[position]));
}
