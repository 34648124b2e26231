// Catalogue CSV import: read and check every row first, then write the whole file in one
// transaction. Any bad row → every bad row reported with its line number, nothing written.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { DatabaseHandle } from '../../db/handle.ts';
import type { ProductType } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { DomainError, invalid } from '../../errors/domain-error.ts';
import { nameKey } from '../../accounts/names.ts';
import { MAIN_LOCATION_NAME } from '../../accounts/locations.ts';
import type { MasterKind } from '../master-data.ts';
import { refreshMissingMask } from '../missing-fields.ts';
import { combinationKeyOf, normaliseAttributes, type Attribute } from '../product-input.ts';
import { CsvSyntaxError, readCsvRecords } from './rfc4180.ts';
import { indexHeader, readRow, sameNames, type ColumnIndex, type RowError, type RowProduct, type RowVariant } from './row-draft.ts';

export interface CsvImportResult {
  products: { created: number; updated: number; unchanged: number };
  variants: { created: number; updated: number; unchanged: number };
  openingBalances: number;
  /** master data created because the file named it */
  createdMasterData: { kind: MasterKind; name: string }[];
}

interface ProductDraft {
  line: number;
  fields: RowProduct;
  variants: RowVariant[];
}

const BATCH = 200;

/** `source` is a file path or a stream of text/bytes. */
export async function importCatalogCsv(handle: DatabaseHandle, accountId: string, source: string | AsyncIterable<string | Buffer>): Promise<CsvImportResult> {
  const { drafts, errors } = await readDrafts(await open(source));
  return inTransaction(handle, (trx) => writeDrafts(trx, accountId, drafts, errors));
}

async function open(source: string | AsyncIterable<string | Buffer>): Promise<AsyncIterable<string | Buffer>> {
  if (typeof source !== 'string') return source;
  try {
    await access(source);
  } catch {
    throw invalid(`Cannot read the file "${source}".`);
  }
  return createReadStream(source, { highWaterMark: 1 << 20 });
}

function fail(errors: RowError[]): never {
  errors.sort((a, b) => a.line - b.line);
  const shown = errors
    .slice(0, 3)
    .map((error) => `line ${error.line}: ${error.message}`)
    .join('; ');
  const more = errors.length > 3 ? `; and ${errors.length - 3} more` : '';
  const rows = errors.length === 1 ? '1 bad row' : `${errors.length} bad rows`;
  throw new DomainError('csv_invalid', `The file has ${rows}, so nothing was imported (${shown}${more}).`, { errors });
}

/**
 * Pass 1: every row on its own, rows grouped by handle, SKUs unique within the file. Row errors are
 * returned (not thrown) so pass 2 can add the rows that clash with the database to the same report.
 */
async function readDrafts(chunks: AsyncIterable<string | Buffer>): Promise<{ drafts: Map<string, ProductDraft>; errors: RowError[] }> {
  const errors: RowError[] = [];
  const drafts = new Map<string, ProductDraft>();
  const skuLines = new Map<string, number>();
  let index: ColumnIndex | undefined;
  try {
    for await (const records of readCsvRecords(chunks)) {
      for (const record of records) {
        if (!index) {
          const header = indexHeader(record.fields);
          if (!header.index) fail([{ line: record.line, message: header.error ?? 'bad header' }]);
          index = header.index;
          continue;
        }
        let row: ReturnType<typeof readRow>;
        try {
          row = readRow(record.fields, index, record.line);
        } catch (error) {
          errors.push({ line: record.line, message: (error as Error).message });
          continue;
        }
        const draft = drafts.get(row.product.handle);
        if (!draft) {
          drafts.set(row.product.handle, { line: record.line, fields: row.product, variants: [row.variant] });
        } else if (!sameNames(draft.fields.attributeNames, row.product.attributeNames)) {
          errors.push({ line: record.line, message: `its attribute names (${row.product.attributeNames.join(', ') || 'none'}) differ from the product's first row, line ${draft.line} (${draft.fields.attributeNames.join(', ') || 'none'}).` });
        } else {
          draft.variants.push(row.variant);
        }
        if (row.variant.sku) {
          const key = nameKey(row.variant.sku);
          const earlier = skuLines.get(key);
          if (earlier !== undefined) errors.push({ line: record.line, message: `the SKU "${row.variant.sku}" is also on line ${earlier}; SKUs must be unique (ignoring case and spaces).` });
          else skuLines.set(key, record.line);
        }
      }
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) fail([...errors, { line: error.line, message: error.message.replace(/^Line \d+: /, '') }]);
    throw error;
  }
  if (!index) fail([{ line: 1, message: 'the file is empty; it needs a header row.' }]);
  return { drafts, errors };
}

interface ExistingVariant {
  id: string;
  product_id: string;
  position: number;
  sku: string | null;
  sku_key: string | null;
  barcode: string | null;
  option_values: string;
  combination_key: string;
  price_minor: number;
  cost_price_minor: number | null;
  weight_grams: number | null;
}

interface ExistingProduct {
  id: string;
  handle: string;
  name: string;
  description: string;
  product_group_id: string | null;
  brand_id: string | null;
  supplier_id: string | null;
  tax_group_id: string | null;
  product_type: ProductType | null;
  unit: string | null;
  ecommerce: number;
  attributes: string;
  variants: ExistingVariant[];
}

const MASTER_COLUMNS: [MasterKind, 'productGroup' | 'brand' | 'supplier' | 'taxGroup'][] = [
  ['product_group', 'productGroup'],
  ['brand', 'brand'],
  ['supplier', 'supplier'],
  ['tax_group', 'taxGroup'],
];

/** Passes 2 and 3, in one transaction: check against the database, then write. */
async function writeDrafts(trx: Executor, accountId: string, drafts: Map<string, ProductDraft>, rowErrors: RowError[]): Promise<CsvImportResult> {
  const errors: RowError[] = [...rowErrors];
  const existing = await loadExistingProducts(trx, accountId, [...drafts.keys()]);
  const skuOwners = await loadSkuOwners(trx, accountId, drafts);
  const locations = await loadLocations(trx, accountId);
  const masters = await loadMasters(trx, accountId);
  const now = nowIso();

  const productInserts: Record<string, unknown>[] = [];
  const variantInserts: Record<string, unknown>[] = [];
  const productUpdates: { id: string; set: Record<string, unknown> }[] = [];
  const variantUpdates: { id: string; set: Record<string, unknown> }[] = [];
  const openings: { variantId: string; locationId: string; milli: number }[] = [];
  // the SKUs of the file that the account already has (an existing SKU is in the file iff it is here)
  const fileSkuKeys = new Set(skuOwners.keys());
  const productsWithVariantChanges = new Set<string>();
  const masterToCreate = new Map<string, { kind: MasterKind; name: string; id: string }>();
  const result: CsvImportResult = {
    products: { created: 0, updated: 0, unchanged: 0 },
    variants: { created: 0, updated: 0, unchanged: 0 },
    openingBalances: 0,
    createdMasterData: [],
  };

  const masterId = (kind: MasterKind, name: string): string | null => {
    if (!name) return null;
    const key = `${kind}:${nameKey(name)}`;
    const found = masters.get(key) ?? masterToCreate.get(key)?.id;
    if (found) return found;
    const id = newId();
    masterToCreate.set(key, { kind, name, id });
    return id;
  };

  for (const [productHandle, draft] of drafts) {
    const fields = draft.fields;
    const current = existing.get(productHandle);
    const lineErrors = (message: string, line = draft.line) => errors.push({ line, message });
    const before = errors.length;
    const failedEarlier = errors.length > 0;

    if (!fields.name) lineErrors(`the product "${productHandle}" has no name.`);
    if (fields.productType === 'per_unit' && !fields.unit) lineErrors(`the product "${productHandle}" is per_unit, so it needs a unit (for example ft, m, pint or kg).`);
    for (const variant of draft.variants) {
      const owner = variant.sku ? skuOwners.get(nameKey(variant.sku)) : undefined;
      if (owner && owner.handle !== productHandle) lineErrors(`the SKU "${variant.sku}" already belongs to the product "${owner.handle}".`, variant.line);
    }

    // Attributes: the file's names; values from the file, after the product's existing ones.
    const currentAttributes: Attribute[] = current ? (JSON.parse(current.attributes) as Attribute[]) : [];
    const keepCurrent = current !== undefined && sameNames(currentAttributes.map((a) => a.name), fields.attributeNames);
    const valueLists = fields.attributeNames.map((_, slot) => (keepCurrent ? [...currentAttributes[slot].values] : []));
    for (const variant of draft.variants) {
      variant.values = variant.values.map((value, slot) => {
        const list = valueLists[slot];
        const same = list.find((candidate) => nameKey(candidate) === nameKey(value));
        if (same !== undefined) return same;
        list.push(value);
        return value;
      });
    }
    let attributes: Attribute[] = [];
    try {
      attributes = normaliseAttributes(fields.attributeNames.map((name, slot) => ({ name, values: valueLists[slot] })));
    } catch (error) {
      lineErrors(lowerFirst((error as Error).message));
    }

    // Match each row to an existing variant: by SKU, else by its combination.
    const currentVariants = current?.variants ?? [];
    const bySku = new Map(currentVariants.filter((v) => v.sku_key).map((v) => [v.sku_key as string, v]));
    const matched = new Map<RowVariant, ExistingVariant>();
    const taken = new Set<string>();
    for (const variant of draft.variants) {
      const hit = variant.sku ? bySku.get(nameKey(variant.sku)) : undefined;
      if (hit) {
        matched.set(variant, hit);
        taken.add(hit.id);
      }
    }
    const byCombination = new Map(currentVariants.filter((v) => !taken.has(v.id)).map((v) => [v.combination_key, v]));
    for (const variant of draft.variants) {
      if (matched.has(variant)) continue;
      const hit = byCombination.get(combinationKeyOf(variant.values));
      // An existing variant whose SKU the file gives to another row is that row's, not this one's.
      if (hit && !taken.has(hit.id) && !(hit.sku_key && fileSkuKeys.has(hit.sku_key))) {
        matched.set(variant, hit);
        taken.add(hit.id);
      }
    }
    const leftOut = currentVariants.filter((v) => !taken.has(v.id));
    if (current && !keepCurrent && leftOut.length > 0) {
      lineErrors(`the product "${productHandle}" changes its attributes, so every one of its variants must be in the file; missing: ${leftOut.map((v) => v.sku ?? v.combination_key).slice(0, 5).join(', ')}.`);
    }
    const combinationLines = new Map<string, number>(leftOut.map((v) => [v.combination_key, 0]));
    for (const variant of draft.variants) {
      const key = combinationKeyOf(variant.values);
      const other = combinationLines.get(key);
      if (other !== undefined) {
        lineErrors(other === 0 ? `its attribute values (${variant.values.join(' / ') || 'none'}) are those of another variant of "${productHandle}" already saved.` : `its attribute values (${variant.values.join(' / ') || 'none'}) are the same as line ${other}; each variant needs its own combination.`, variant.line);
      } else combinationLines.set(key, variant.line);
      if (!matched.has(variant) && variant.quantityMilli !== null) {
        if (variant.quantityMilli < 0) lineErrors(`the quantity cannot be negative for an opening balance.`, variant.line);
        if (fields.productType !== 'per_unit' && variant.quantityMilli % 1000 !== 0) lineErrors(`the product "${productHandle}" is sold in whole units, so the quantity cannot be ${variant.quantityMilli / 1000}.`, variant.line);
        if (!locations.get(nameKey(variant.location || MAIN_LOCATION_NAME))) lineErrors(`there is no location "${variant.location}".`, variant.line);
      }
    }
    // Once the file is known to be bad, only keep collecting errors.
    if (errors.length > before || failedEarlier) continue;

    // Everything in this product is valid: plan its writes.
    const productColumns = {
      name: fields.name,
      description: fields.description,
      product_group_id: masterId('product_group', fields.productGroup),
      brand_id: masterId('brand', fields.brand),
      supplier_id: masterId('supplier', fields.supplier),
      tax_group_id: masterId('tax_group', fields.taxGroup),
      product_type: fields.productType,
      unit: fields.productType === 'per_unit' ? fields.unit : null,
      ecommerce: fields.ecommerce ? 1 : 0,
      attributes: JSON.stringify(attributes),
    };
    let productId: string;
    if (current) {
      productId = current.id;
      const changed = (Object.keys(productColumns) as (keyof typeof productColumns)[]).some((column) => productColumns[column] !== current[column]);
      if (changed) {
        productUpdates.push({ id: productId, set: { ...productColumns, updated_at: now } });
        result.products.updated += 1;
      } else result.products.unchanged += 1;
    } else {
      productId = newId();
      productInserts.push({ id: productId, account_id: accountId, handle: productHandle, ...productColumns, status: 'active', missing_mask: 0, created_at: now, updated_at: now });
      result.products.created += 1;
    }
    let nextPosition = currentVariants.reduce((max, v) => Math.max(max, v.position + 1), 0);
    for (const variant of draft.variants) {
      const columns = {
        sku: variant.sku,
        sku_key: variant.sku ? nameKey(variant.sku) : null,
        barcode: variant.barcode,
        option_values: JSON.stringify(variant.values),
        combination_key: combinationKeyOf(variant.values),
        price_minor: variant.priceMinor,
        cost_price_minor: variant.costPriceMinor,
        weight_grams: variant.weightGrams,
      };
      const hit = matched.get(variant);
      if (hit) {
        const changed = (Object.keys(columns) as (keyof typeof columns)[]).some((column) => columns[column] !== hit[column]);
        if (changed) {
          variantUpdates.push({ id: hit.id, set: { ...columns, updated_at: now } });
          productsWithVariantChanges.add(hit.product_id);
          result.variants.updated += 1;
        } else result.variants.unchanged += 1;
        continue;
      }
      const id = newId();
      variantInserts.push({ id, account_id: accountId, product_id: productId, position: nextPosition, ...columns, created_at: now, updated_at: now });
      nextPosition += 1;
      result.variants.created += 1;
      if (variant.quantityMilli) {
        const locationId = locations.get(nameKey(variant.location || MAIN_LOCATION_NAME)) as string;
        openings.push({ variantId: id, locationId, milli: variant.quantityMilli });
      }
    }
  }
  if (errors.length > 0) fail(errors);

  for (const { kind, name, id } of masterToCreate.values()) {
    await insertMasterItemWithId(trx, accountId, kind, name, id, now);
    result.createdMasterData.push({ kind, name });
  }
  await insertBatches(trx, 'product', productInserts);
  for (const update of productUpdates) await trx.updateTable('product').set(update.set).where('id', '=', update.id).execute();
  if (variantUpdates.length > 0) {
    // Free the unique keys first, so variants may swap SKUs or combinations within one file.
    for (let start = 0; start < variantUpdates.length; start += 500) {
      const ids = variantUpdates.slice(start, start + 500).map((update) => update.id);
      await trx.updateTable('variant').set((eb) => ({ sku_key: null, combination_key: eb.ref('id') })).where('id', 'in', ids).execute();
    }
    for (const update of variantUpdates) await trx.updateTable('variant').set(update.set).where('id', '=', update.id).execute();
  }
  await insertBatches(trx, 'variant', variantInserts);
  await writeOpenings(trx, accountId, openings, now);
  result.openingBalances = openings.length;

  const touched = [...productInserts.map((row) => row.id as string), ...productUpdates.map((update) => update.id)];
  const all = new Set([...touched, ...productsWithVariantChanges, ...variantInserts.map((row) => row.product_id as string)]);
  await refreshMissingMask(trx, accountId, all.size > 5000 ? 'all' : [...all]);
  return result;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

async function insertMasterItemWithId(trx: Executor, accountId: string, kind: MasterKind, name: string, id: string, now: string): Promise<void> {
  const row = { id, account_id: accountId, name, name_key: nameKey(name), created_at: now };
  if (kind === 'tax_group') await trx.insertInto('tax_group').values({ ...row, rate_ppm: 0 }).execute();
  else await trx.insertInto(kind).values(row).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function insertBatches(trx: Executor, table: 'product' | 'variant', rows: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await trx.insertInto(table).values(rows.slice(start, start + BATCH) as any).execute();
  }
}

async function writeOpenings(trx: Executor, accountId: string, openings: { variantId: string; locationId: string; milli: number }[], now: string): Promise<void> {
  for (let start = 0; start < openings.length; start += BATCH) {
    const chunk = openings.slice(start, start + BATCH);
    await trx
      .insertInto('stock_movement')
      .values(
        chunk.map((opening) => ({
          id: newId(),
          account_id: accountId,
          variant_id: opening.variantId,
          location_id: opening.locationId,
          kind: 'opening' as const,
          quantity_milli: opening.milli,
          counted_milli: null,
          actor: null,
          reason: 'CSV import',
          reference: null,
          idempotency_key: null,
          created_at: now,
        })),
      )
      .execute();
    // New variants have no level or mark yet: plain inserts.
    await trx
      .insertInto('stock_level')
      .values(chunk.map((opening) => ({ account_id: accountId, variant_id: opening.variantId, location_id: opening.locationId, quantity_milli: opening.milli, updated_at: now })))
      .execute();
    await trx
      .insertInto('stock_change_mark')
      .values(chunk.map((opening) => ({ account_id: accountId, variant_id: opening.variantId, location_id: opening.locationId, generation: 1 })))
      .execute();
  }
}

async function loadExistingProducts(trx: Executor, accountId: string, handles: string[]): Promise<Map<string, ExistingProduct>> {
  const byHandle = new Map<string, ExistingProduct>();
  const byId = new Map<string, ExistingProduct>();
  for (let start = 0; start < handles.length; start += 500) {
    const rows = await trx
      .selectFrom('product')
      .select(['id', 'handle', 'name', 'description', 'product_group_id', 'brand_id', 'supplier_id', 'tax_group_id', 'product_type', 'unit', 'ecommerce', 'attributes'])
      .where('account_id', '=', accountId)
      .where('handle', 'in', handles.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      const product = { ...row, variants: [] };
      byHandle.set(row.handle, product);
      byId.set(row.id, product);
    }
  }
  const ids = [...byId.keys()];
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await trx
      .selectFrom('variant')
      .select(['id', 'product_id', 'position', 'sku', 'sku_key', 'barcode', 'option_values', 'combination_key', 'price_minor', 'cost_price_minor', 'weight_grams'])
      .where('product_id', 'in', ids.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      byId.get(row.product_id)?.variants.push({
        ...row,
        price_minor: Number(row.price_minor),
        cost_price_minor: row.cost_price_minor === null ? null : Number(row.cost_price_minor),
        weight_grams: row.weight_grams === null ? null : Number(row.weight_grams),
      });
    }
  }
  return byHandle;
}

/** For each SKU in the file that the account already has: the handle of its product. */
async function loadSkuOwners(trx: Executor, accountId: string, drafts: Map<string, ProductDraft>): Promise<Map<string, { handle: string }>> {
  const keys: string[] = [];
  for (const draft of drafts.values()) for (const variant of draft.variants) if (variant.sku) keys.push(nameKey(variant.sku));
  const owners = new Map<string, { handle: string }>();
  for (let start = 0; start < keys.length; start += 500) {
    const rows = await trx
      .selectFrom('variant')
      .innerJoin('product', 'product.id', 'variant.product_id')
      .select(['variant.sku_key as sku_key', 'product.handle as handle'])
      .where('variant.account_id', '=', accountId)
      .where('variant.sku_key', 'in', keys.slice(start, start + 500))
      .execute();
    for (const row of rows) owners.set(row.sku_key as string, { handle: row.handle });
  }
  return owners;
}

/** Location ids by lower-cased name and by id. */
async function loadLocations(trx: Executor, accountId: string): Promise<Map<string, string>> {
  const rows = await trx.selectFrom('location').select(['id', 'name_key']).where('account_id', '=', accountId).execute();
  const map = new Map<string, string>();
  for (const row of rows) {
    map.set(row.name_key, row.id);
    map.set(row.id, row.id);
  }
  return map;
}

async function loadMasters(trx: Executor, accountId: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const [kind] of MASTER_COLUMNS) {
    const rows = await trx.selectFrom(kind).select(['id', 'name_key']).where('account_id', '=', accountId).execute();
    for (const row of rows) map.set(`${kind}:${row.name_key}`, row.id);
  }
  return map;
}
