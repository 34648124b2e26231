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
import { MISSING_BITS, PRODUCT_LEVEL_BITS, productMaskOf, refreshDerivedColumns } from '../missing-fields.ts';
import { bulkInsert, runSql } from '../../db/raw-sql.ts';
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

const BATCH = 250;

/** `source` is a file path or a stream of text/bytes. */
export async function importCatalogCsv(handle: DatabaseHandle, accountId: string, source: string | AsyncIterable<string | Buffer>): Promise<CsvImportResult> {
  const { drafts, errors } = await readDrafts(await open(source));
  const result = await inTransaction(handle, (trx) => writeDrafts(trx, accountId, drafts, errors));
  if (result.variants.created + result.variants.updated >= 10_000) await refreshPlannerStatistics(handle);
  return result;
}

/**
 * After a large import, refresh the query planner's statistics so the listing picks its indexes at
 * once (SQLite: a sampled ANALYZE; PostgreSQL: VACUUM ANALYZE, which also lets counts read only
 * the indexes). Runs after the import's transaction has committed.
 */
async function refreshPlannerStatistics(handle: DatabaseHandle): Promise<void> {
  if (handle.dialect === 'sqlite') {
    await runSql(handle.db, 'pragma analysis_limit = 2000', []);
    await runSql(handle.db, 'analyze', []);
  } else {
    await runSql(handle.db, 'vacuum analyze product, variant', []);
    await runSql(handle.db, 'analyze stock_level, stock_movement', []);
  }
}

async function open(source: string | AsyncIterable<string | Buffer>): Promise<AsyncIterable<string | Buffer>> {
  if (typeof source !== 'string') return source;
  try {
    await access(source);
  } catch {
    throw invalid(`Cannot read the file "${source}".`);
  }
  return createReadStream(source, { highWaterMark: 1 << 14 });
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
        const draft = drafts.get((record.fields[index.handle] ?? '').trim());
        let row: ReturnType<typeof readRow>;
        try {
          row = readRow(record.fields, index, record.line, draft === undefined);
        } catch (error) {
          errors.push({ line: record.line, message: (error as Error).message });
          continue;
        }
        if (!draft) {
          const product = row.product as RowProduct;
          drafts.set(product.handle, { line: record.line, fields: product, variants: [row.variant] });
        } else if (!sameNames(draft.fields.attributeNames, row.attributeNames)) {
          errors.push({ line: record.line, message: `its attribute names (${row.attributeNames.join(', ') || 'none'}) differ from the product's first row, line ${draft.line} (${draft.fields.attributeNames.join(', ') || 'none'}).` });
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

interface ProductPlan {
  productId: string;
  isNew: boolean;
  productChanged: boolean;
  productRow: ProductRowColumns;
  variants: { variant: RowVariant; hit?: ExistingVariant }[];
  nextPosition: number;
}

interface ProductRowColumns {
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
}

const PRODUCT_INSERT_COLUMNS = ['id', 'account_id', 'handle', 'name', 'description', 'product_group_id', 'brand_id', 'supplier_id', 'tax_group_id', 'product_type', 'unit', 'ecommerce', 'status', 'attributes', 'missing_mask', 'unallocated', 'created_at', 'updated_at'];
const VARIANT_INSERT_COLUMNS = ['id', 'account_id', 'product_id', 'position', 'sku', 'sku_key', 'barcode', 'option_values', 'combination_key', 'price_minor', 'cost_price_minor', 'weight_grams', 'created_at', 'updated_at', 'product_name', 'product_group_id', 'ecommerce', 'unallocated', 'missing_mask'];
const MOVEMENT_INSERT_COLUMNS = ['id', 'account_id', 'variant_id', 'location_id', 'kind', 'quantity_milli', 'counted_milli', 'actor', 'reason', 'reference', 'idempotency_key', 'created_at'];

/**
 * Passes 2 and 3, in one transaction: check every product against the database (collecting every
 * error), then plan and write product by product in batches, so memory holds the file's rows and
 * one batch of inserts, never a second copy of the catalogue.
 */
async function writeDrafts(trx: Executor, accountId: string, drafts: Map<string, ProductDraft>, rowErrors: RowError[]): Promise<CsvImportResult> {
  const errors: RowError[] = [...rowErrors];
  const existing = await loadExistingProducts(trx, accountId, [...drafts.keys()]);
  const skuOwners = await loadSkuOwners(trx, accountId, drafts);
  const locations = await loadLocations(trx, accountId);
  const masters = await loadMasters(trx, accountId);
  const now = nowIso();
  // the SKUs of the file that the account already has (an existing SKU is in the file iff it is here)
  const fileSkuKeys = new Set(skuOwners.keys());
  const result: CsvImportResult = {
    products: { created: 0, updated: 0, unchanged: 0 },
    variants: { created: 0, updated: 0, unchanged: 0 },
    openingBalances: 0,
    createdMasterData: [],
  };

  const masterToCreate: unknown[][] = [];
  const masterId = (kind: MasterKind, name: string, create: boolean): string | null => {
    if (!name) return null;
    const key = `${kind}:${nameKey(name)}`;
    const found = masters.get(key);
    if (found) return found;
    if (!create) return 'pending';
    const id = newId();
    masters.set(key, id);
    masterToCreate.push([kind, id, name]);
    result.createdMasterData.push({ kind, name });
    return id;
  };

  const locationOf = (variant: RowVariant) => locations.get(nameKey(variant.location || MAIN_LOCATION_NAME));

  /** Checks one product (adding to `errors`); with `create`, also names new master data. */
  const planProduct = (productHandle: string, draft: ProductDraft, create: boolean): ProductPlan | undefined => {
    const fields = draft.fields;
    const current = existing.get(productHandle);
    const before = errors.length;
    const lineError = (message: string, line = draft.line) => errors.push({ line, message });

    if (!fields.name) lineError(`the product "${productHandle}" has no name.`);
    if (fields.productType === 'per_unit' && !fields.unit) lineError(`the product "${productHandle}" is per_unit, so it needs a unit (for example ft, m, pint or kg).`);
    for (const variant of draft.variants) {
      const owner = variant.sku ? skuOwners.get(nameKey(variant.sku)) : undefined;
      if (owner && owner.handle !== productHandle) lineError(`the SKU "${variant.sku}" already belongs to the product "${owner.handle}".`, variant.line);
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
      lineError(lowerFirst((error as Error).message));
    }

    // Match each row to an existing variant: by SKU, else by its combination.
    const currentVariants = current?.variants ?? [];
    const matched = new Map<RowVariant, ExistingVariant>();
    const taken = new Set<string>();
    if (currentVariants.length > 0) {
      const bySku = new Map(currentVariants.filter((v) => v.sku_key).map((v) => [v.sku_key as string, v]));
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
    }
    const leftOut = currentVariants.filter((v) => !taken.has(v.id));
    if (current && !keepCurrent && leftOut.length > 0) {
      lineError(`the product "${productHandle}" changes its attributes, so every one of its variants must be in the file; missing: ${leftOut.map((v) => v.sku ?? v.combination_key).slice(0, 5).join(', ')}.`);
    }
    const combinationLines = new Map<string, number>(leftOut.map((v) => [v.combination_key, 0]));
    for (const variant of draft.variants) {
      const key = combinationKeyOf(variant.values);
      const other = combinationLines.get(key);
      if (other !== undefined) {
        lineError(
          other === 0
            ? `its attribute values (${variant.values.join(' / ') || 'none'}) are those of another variant of "${productHandle}" already saved.`
            : `its attribute values (${variant.values.join(' / ') || 'none'}) are the same as line ${other}; each variant needs its own combination.`,
          variant.line,
        );
      } else combinationLines.set(key, variant.line);
      if (!matched.has(variant) && variant.quantityMilli !== null) {
        if (variant.quantityMilli < 0) lineError('the quantity cannot be negative for an opening balance.', variant.line);
        if (fields.productType !== 'per_unit' && variant.quantityMilli % 1000 !== 0) lineError(`the product "${productHandle}" is sold in whole units, so the quantity cannot be ${variant.quantityMilli / 1000}.`, variant.line);
        if (!locationOf(variant)) lineError(`there is no location "${variant.location}".`, variant.line);
      }
    }
    if (errors.length > before) return undefined;

    const productRow: ProductRowColumns = {
      name: fields.name,
      description: fields.description,
      product_group_id: masterId('product_group', fields.productGroup, create),
      brand_id: masterId('brand', fields.brand, create),
      supplier_id: masterId('supplier', fields.supplier, create),
      tax_group_id: masterId('tax_group', fields.taxGroup, create),
      product_type: fields.productType,
      unit: fields.productType === 'per_unit' ? fields.unit : null,
      ecommerce: fields.ecommerce ? 1 : 0,
      attributes: JSON.stringify(attributes),
    };
    const productChanged = current !== undefined && (Object.keys(productRow) as (keyof ProductRowColumns)[]).some((column) => productRow[column] !== current[column]);
    return {
      productId: current?.id ?? newId(),
      isNew: current === undefined,
      productChanged,
      productRow,
      variants: draft.variants.map((variant) => ({ variant, hit: matched.get(variant) })),
      nextPosition: currentVariants.reduce((max, v) => Math.max(max, v.position + 1), 0),
    };
  };

  // Pass 2: every product checked; any error → the whole report, nothing written.
  for (const [productHandle, draft] of drafts) planProduct(productHandle, draft, false);
  if (errors.length > 0) fail(errors);

  // Pass 3: write in batches.
  const productRows: unknown[][] = [];
  const variantRows: unknown[][] = [];
  const movementRows: unknown[][] = [];
  const levelRows: unknown[][] = [];
  const markRows: unknown[][] = [];
  const refresh = new Set<string>();
  const flush = async () => {
    for (const [kind, id, name] of masterToCreate.splice(0) as [MasterKind, string, string][]) {
      const row = { id, account_id: accountId, name, name_key: nameKey(name), created_at: now };
      if (kind === 'tax_group') await trx.insertInto('tax_group').values({ ...row, rate_ppm: 0 }).execute();
      else await trx.insertInto(kind).values(row).execute();
    }
    await bulkInsert(trx, 'product', PRODUCT_INSERT_COLUMNS, productRows.splice(0));
    await bulkInsert(trx, 'variant', VARIANT_INSERT_COLUMNS, variantRows.splice(0));
    await bulkInsert(trx, 'stock_movement', MOVEMENT_INSERT_COLUMNS, movementRows.splice(0));
    // New variants have no level or mark yet: plain inserts.
    await bulkInsert(trx, 'stock_level', ['account_id', 'variant_id', 'location_id', 'quantity_milli', 'updated_at'], levelRows.splice(0));
    await bulkInsert(trx, 'stock_change_mark', ['account_id', 'variant_id', 'location_id', 'generation'], markRows.splice(0));
  };

  for (const [productHandle, draft] of drafts) {
    const plan = planProduct(productHandle, draft, true) as ProductPlan;
    drafts.delete(productHandle); // written below: let its rows be collected as the import proceeds
    const row = plan.productRow;
    const anyWithoutCost = plan.variants.some(({ variant }) => variant.costPriceMinor === null);
    const mask = productMaskOf(row, anyWithoutCost);
    if (plan.isNew) {
      productRows.push([plan.productId, accountId, productHandle, row.name, row.description, row.product_group_id, row.brand_id, row.supplier_id, row.tax_group_id, row.product_type, row.unit, row.ecommerce, 'active', row.attributes, mask, mask > 0 ? 1 : 0, now, now]);
      result.products.created += 1;
    } else if (plan.productChanged) {
      await trx.updateTable('product').set({ ...row, updated_at: now }).where('id', '=', plan.productId).execute();
      refresh.add(plan.productId);
      result.products.updated += 1;
    } else result.products.unchanged += 1;

    const updates: { id: string; columns: ReturnType<typeof variantColumnsOf> }[] = [];
    let position = plan.nextPosition;
    for (const { variant, hit } of plan.variants) {
      const columns = variantColumnsOf(variant);
      if (hit) {
        if ((Object.keys(columns) as (keyof typeof columns)[]).some((column) => columns[column] !== hit[column])) {
          updates.push({ id: hit.id, columns });
          result.variants.updated += 1;
        } else result.variants.unchanged += 1;
        continue;
      }
      const id = newId();
      const ownMask = (mask & PRODUCT_LEVEL_BITS) | (variant.costPriceMinor === null ? MISSING_BITS.costPrice : 0);
      variantRows.push([id, accountId, plan.productId, position, columns.sku, columns.sku_key, columns.barcode, columns.option_values, columns.combination_key, columns.price_minor, columns.cost_price_minor, columns.weight_grams, now, now, row.name, row.product_group_id, row.ecommerce, mask > 0 ? 1 : 0, ownMask]);
      position += 1;
      result.variants.created += 1;
      if (!plan.isNew) refresh.add(plan.productId);
      if (variant.quantityMilli) {
        const locationId = locationOf(variant) as string;
        movementRows.push([newId(), accountId, id, locationId, 'opening', variant.quantityMilli, null, null, 'CSV import', null, null, now]);
        levelRows.push([accountId, id, locationId, variant.quantityMilli, now]);
        markRows.push([accountId, id, locationId, 1]);
        result.openingBalances += 1;
      }
    }
    if (updates.length > 0) {
      refresh.add(plan.productId);
      // Free the unique keys first, so variants may swap SKUs or combinations within a product.
      await trx.updateTable('variant').set((eb) => ({ sku_key: null, combination_key: eb.ref('id') })).where('id', 'in', updates.map((update) => update.id)).execute();
      for (const update of updates) await trx.updateTable('variant').set({ ...update.columns, updated_at: now }).where('id', '=', update.id).execute();
    }
    if (variantRows.length >= BATCH) await flush();
  }
  await flush();
  await refreshDerivedColumns(trx, accountId, [...refresh]);
  return result;
}

function variantColumnsOf(variant: RowVariant) {
  return {
    sku: variant.sku,
    sku_key: variant.sku ? nameKey(variant.sku) : null,
    barcode: variant.barcode,
    option_values: JSON.stringify(variant.values),
    combination_key: combinationKeyOf(variant.values),
    price_minor: variant.priceMinor,
    cost_price_minor: variant.costPriceMinor,
    weight_grams: variant.weightGrams,
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
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
