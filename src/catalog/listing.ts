// Server-side paging, sorting and filtering of products and variants (the inventory grid).
// Filters: text over name/handle/SKU/barcode, product group (an id or 'unallocated'), the ecommerce
// flag, missing fields (any of those listed) and status (archived products only when asked:
// listing-status.ts). Every item says which fields it is missing.
import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DatabaseHandle } from '../db/handle.ts';
import type { Database, ProductStatus, ProductType } from '../db/schema.ts';
import { invalid } from '../errors/domain-error.ts';
import { formatMoney, formatWeightKg, quantityNumber } from './decimal.ts';
import { isMissingField, maskOf, missingFieldsOf, type MissingField } from './missing-fields.ts';
import { UNALLOCATED_GROUP_ID } from './master-data.ts';
import { countsThroughVariantSearch, productTextCondition, textSearchOf, variantSearchJoin, variantTextCondition, type TextPlan } from './text-search.ts';
import { COUNT_CAP, listTotal, type ListTotal } from './listing-total.ts';
import { countsBySubtraction, listStatusOf, statusCondition, type ListStatus } from './listing-status.ts';

export interface ListQuery {
  page?: number;
  pageSize?: number;
  /** "field:asc" or "field:desc" */
  sort?: string;
  q?: string;
  /** a product group id, or 'unallocated' */
  productGroup?: string;
  ecommerce?: boolean;
  /** items missing any of these fields */
  missing?: string[];
  /** 'active' (default: every product not archived), 'archived' or 'all' */
  status?: string;
}

export interface Page<T> extends ListTotal {
  items: T[];
  page: number;
  pageSize: number;
}

export interface Named {
  id: string;
  name: string;
}

export interface ProductListItem {
  id: string;
  handle: string;
  name: string;
  productGroup: Named | null;
  brand: Named | null;
  supplier: Named | null;
  taxGroup: Named | null;
  productType: ProductType | null;
  unit: string | null;
  ecommerce: boolean;
  status: ProductStatus;
  variantCount: number;
  onHand: number;
  missingFields: MissingField[];
  unallocated: boolean;
  updatedAt: string;
}

export interface VariantListItem {
  id: string;
  productId: string;
  productName: string;
  handle: string;
  sku: string | null;
  barcode: string | null;
  values: string[];
  price: string;
  costPrice: string | null;
  weight: string | null;
  productGroup: Named | null;
  brand: Named | null;
  ecommerce: boolean;
  status: ProductStatus;
  onHand: number;
  missingFields: MissingField[];
  unallocated: boolean;
}

const PRODUCT_SORTS = { name: 'product.name', handle: 'product.handle', createdAt: 'product.created_at', updatedAt: 'product.updated_at', status: 'product.status' } as const;
const VARIANT_SORTS = { sku: 'variant.sku_key', name: 'variant.product_name', price: 'variant.price_minor', costPrice: 'variant.cost_price_minor', barcode: 'variant.barcode', createdAt: 'variant.created_at' } as const;

interface Paging {
  page: number;
  pageSize: number;
  offset: number;
}

function paging(query: ListQuery): Paging {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  if (!Number.isInteger(page) || page < 1) throw invalid('The page must be a whole number from 1.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) throw invalid('The page size must be a whole number from 1 to 500.');
  return { page, pageSize, offset: (page - 1) * pageSize };
}

function sortOf<T extends Record<string, string>>(sorts: T, raw: string | undefined, fallback: keyof T): { column: T[keyof T]; direction: 'asc' | 'desc' } {
  const [field, direction = 'asc'] = (raw ?? String(fallback)).split(':');
  if (!(field in sorts)) throw invalid(`Cannot sort by "${field}"; choose one of ${Object.keys(sorts).join(', ')}.`);
  if (direction !== 'asc' && direction !== 'desc') throw invalid(`Sort direction must be asc or desc, not "${direction}".`);
  return { column: sorts[field as keyof T], direction };
}

function missingMask(raw: string[] | undefined): number {
  const fields = (raw ?? []).map((field) => field.trim()).filter(Boolean);
  for (const field of fields) {
    if (!isMissingField(field)) throw invalid(`"${field}" is not a field that can be missing; use group, brand, supplier, productType, taxGroup or costPrice.`);
  }
  return maskOf(fields as MissingField[]);
}

function productConditions(eb: ExpressionBuilder<Database, 'product'>, accountId: string, query: ListQuery, status: ListStatus): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [eb('product.account_id', '=', accountId)];
  if (query.productGroup === UNALLOCATED_GROUP_ID) conditions.push(eb('product.unallocated', '=', 1));
  else if (query.productGroup) conditions.push(eb('product.product_group_id', '=', query.productGroup));
  if (query.ecommerce !== undefined) conditions.push(eb('product.ecommerce', '=', query.ecommerce ? 1 : 0));
  const byStatus = statusCondition('product.status', status);
  if (byStatus) conditions.push(byStatus);
  return conditions;
}

export async function listProducts(handle: DatabaseHandle, accountId: string, query: ListQuery = {}): Promise<Page<ProductListItem>> {
  const { page, pageSize, offset } = paging(query);
  const sort = sortOf(PRODUCT_SORTS, query.sort, 'name');
  const mask = missingMask(query.missing);
  const text = textSearchOf(query.q);
  const status = listStatusOf(query.status);
  const where = (plan: Exclude<TextPlan, 'joined'>, byStatus: ListStatus = status) => (eb: ExpressionBuilder<Database, 'product'>) => {
    const conditions = productConditions(eb, accountId, query, byStatus);
    if (mask) conditions.push(sql<SqlBool>`(product.missing_mask & ${mask}) <> 0`);
    if (text) conditions.push(productTextCondition(handle.dialect, text, accountId, plan));
    return eb.and(conditions);
  };
  const count = () =>
    countsBySubtraction(status, text !== null)
      ? countAllButArchived(handle, handle.db.selectFrom('product').where(where('narrow', 'all')), handle.db.selectFrom('product').where(where('narrow', 'archived')))
      : countOf(handle, handle.db.selectFrom('product').where(where('narrow')), text !== null);
  const [counted, rows] = await countThenPage(
    handle,
    count,
    { bothDialects: text !== null },
    (plan) => handle.db
      .selectFrom('product')
      .leftJoin('product_group', 'product_group.id', 'product.product_group_id')
      .leftJoin('brand', 'brand.id', 'product.brand_id')
      .leftJoin('supplier', 'supplier.id', 'product.supplier_id')
      .leftJoin('tax_group', 'tax_group.id', 'product.tax_group_id')
      .select([
        'product.id',
        'product.handle',
        'product.name',
        'product.product_type',
        'product.unit',
        'product.ecommerce',
        'product.status',
        'product.missing_mask',
        'product.updated_at',
        'product_group.id as group_id',
        'product_group.name as group_name',
        'brand.id as brand_id',
        'brand.name as brand_name',
        'supplier.id as supplier_id',
        'supplier.name as supplier_name',
        'tax_group.id as tax_group_id',
        'tax_group.name as tax_group_name',
      ])
      .select((eb) => [
        eb.selectFrom('variant').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('variant.product_id', '=', 'product.id').as('variant_count'),
        eb
          .selectFrom('stock_level')
          .innerJoin('variant', 'variant.id', 'stock_level.variant_id')
          .select((inner) => inner.fn.sum<number>('stock_level.quantity_milli').as('s'))
          .whereRef('variant.product_id', '=', 'product.id')
          .as('on_hand_milli'),
      ])
      .where(where(plan))
      .orderBy(sql.ref(sort.column), sort.direction)
      .orderBy('product.id', sort.direction)
      .limit(pageSize + 1)
      .offset(offset)
      .execute(),
  );
  return {
    ...listTotal(counted, text !== null, { offset, pageSize }, rows.length),
    items: rows.slice(0, pageSize).map((row) => {
      const missingFields = missingFieldsOf(row.missing_mask);
      return {
        id: row.id,
        handle: row.handle,
        name: row.name,
        productGroup: named(row.group_id, row.group_name),
        brand: named(row.brand_id, row.brand_name),
        supplier: named(row.supplier_id, row.supplier_name),
        taxGroup: named(row.tax_group_id, row.tax_group_name),
        productType: row.product_type,
        unit: row.unit,
        ecommerce: row.ecommerce === 1,
        status: row.status,
        variantCount: Number(row.variant_count ?? 0),
        onHand: quantityNumber(Number(row.on_hand_milli ?? 0)),
        missingFields,
        unallocated: missingFields.length > 0,
        updatedAt: row.updated_at,
      };
    }),
    page,
    pageSize,
  };
}

/**
 * Per variant ("See Variants"): a variant misses its cost price on its own; the rest comes from its
 * product. Filters and sorts read only the variant row (its copies of the product's name, group,
 * ecommerce flag and Unallocated state), so an index serves each of them at 100,000 variants.
 */
export async function listVariants(handle: DatabaseHandle, accountId: string, query: ListQuery = {}): Promise<Page<VariantListItem>> {
  const { page, pageSize, offset } = paging(query);
  const sort = sortOf(VARIANT_SORTS, query.sort, 'sku');
  const mask = missingMask(query.missing);
  const text = textSearchOf(query.q);
  const status = listStatusOf(query.status);
  const conditions = (eb: ExpressionBuilder<Database, 'variant'>, plan: TextPlan, byStatus: ListStatus = status) => {
    const all: Expression<SqlBool>[] = [eb('variant.account_id', '=', accountId)];
    if (query.productGroup === UNALLOCATED_GROUP_ID) all.push(eb('variant.unallocated', '=', 1));
    else if (query.productGroup) all.push(eb('variant.product_group_id', '=', query.productGroup));
    if (query.ecommerce !== undefined) all.push(eb('variant.ecommerce', '=', query.ecommerce ? 1 : 0));
    if (mask) all.push(sql<SqlBool>`(variant.missing_mask & ${mask}) <> 0`);
    if (text) all.push(variantTextCondition(handle.dialect, text, plan));
    const statusFilter = statusCondition('variant.product_status', byStatus);
    if (statusFilter) all.push(statusFilter);
    return eb.and(all);
  };
  const count = () => {
    if (text && countsThroughVariantSearch(handle.dialect, text)) {
      return countOf(
        handle,
        handle.db
          .selectFrom('variant')
          .innerJoin(sql`variant_search`.as('variant_search'), (join) => join.on(variantSearchJoin))
          .where((eb) => conditions(eb as unknown as ExpressionBuilder<Database, 'variant'>, 'joined')),
        true,
      );
    }
    if (countsBySubtraction(status, text !== null)) {
      return countAllButArchived(
        handle,
        handle.db.selectFrom('variant').where((eb) => conditions(eb, 'narrow', 'all')),
        handle.db.selectFrom('variant').where((eb) => conditions(eb, 'narrow', 'archived')),
      );
    }
    return countOf(handle, handle.db.selectFrom('variant').where((eb) => conditions(eb, 'narrow')), text !== null);
  };
  const [counted, rows] = await countThenPage(
    handle,
    count,
    { bothDialects: false },
    (plan) => handle.db
      .selectFrom((eb) =>
        eb
          .selectFrom('variant')
          .selectAll('variant')
          .where((inner) => conditions(inner, plan))
          .orderBy(sql.ref(sort.column), sort.direction)
          .orderBy('variant.id', sort.direction)
          .limit(pageSize + 1)
          .offset(offset)
          .as('variant'),
      )
      .innerJoin('product', 'product.id', 'variant.product_id')
      .leftJoin('product_group', 'product_group.id', 'variant.product_group_id')
      .leftJoin('brand', 'brand.id', 'product.brand_id')
      .select([
        'variant.id',
        'variant.product_id',
        'variant.sku',
        'variant.barcode',
        'variant.option_values',
        'variant.price_minor',
        'variant.cost_price_minor',
        'variant.weight_grams',
        'variant.product_name',
        'variant.ecommerce',
        'variant.unallocated',
        'variant.missing_mask',
        'product.handle',
        'product.status',
        'product_group.id as group_id',
        'product_group.name as group_name',
        'brand.id as brand_id',
        'brand.name as brand_name',
      ])
      .select((eb) =>
        eb
          .selectFrom('stock_level')
          .select((inner) => inner.fn.sum<number>('stock_level.quantity_milli').as('s'))
          .whereRef('stock_level.variant_id', '=', 'variant.id')
          .as('on_hand_milli'),
      )
      .orderBy(sql.ref(sort.column), sort.direction)
      .orderBy('variant.id', sort.direction)
      .execute(),
  );
  return {
    ...listTotal(counted, text !== null, { offset, pageSize }, rows.length),
    items: rows.slice(0, pageSize).map((row) => {
      const missingFields = missingFieldsOf(row.missing_mask);
      return {
        id: row.id,
        productId: row.product_id,
        productName: row.product_name,
        handle: row.handle,
        sku: row.sku,
        barcode: row.barcode,
        values: JSON.parse(row.option_values) as string[],
        price: formatMoney(Number(row.price_minor)),
        costPrice: row.cost_price_minor === null ? null : formatMoney(Number(row.cost_price_minor)),
        weight: row.weight_grams === null ? null : formatWeightKg(Number(row.weight_grams)),
        productGroup: named(row.group_id, row.group_name),
        brand: named(row.brand_id, row.brand_name),
        ecommerce: row.ecommerce === 1,
        status: row.status,
        onHand: quantityNumber(Number(row.on_hand_milli ?? 0)),
        missingFields,
        unallocated: row.unallocated === 1,
      };
    }),
    page,
    pageSize,
  };
}

/**
 * The rows a query selects, counted; `capped` (a text search): at most COUNT_CAP + 1 of them, which
 * the database can stop at (listing-total.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function countOf(handle: DatabaseHandle, query: SelectQueryBuilder<any, any, object>, capped: boolean): Promise<number> {
  const row = capped
    ? await handle.db
        .selectFrom(query.select(sql<number>`1`.as('one')).limit(COUNT_CAP + 1).as('matches'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    : await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Every match less the archived ones, in one statement (one snapshot): each count is served by an
 * index, where `status <> 'archived'` would read every matching row (listing-status.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function countAllButArchived(handle: DatabaseHandle, all: SelectQueryBuilder<any, any, object>, archived: SelectQueryBuilder<any, any, object>): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const counted = (query: SelectQueryBuilder<any, any, object>) => query.select((eb) => eb.fn.countAll<number>().as('n'));
  const row = await handle.db.selectNoFrom(sql<number>`(${counted(all)}) - (${counted(archived)})`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Counts, then fetches the page with the plan the count calls for: past COUNT_CAP matches, walking
 * the sort order's index and probing each row reaches a page sooner than fetching and sorting every
 * match (text-search.ts). SQLite runs one query at a time anyway. On PostgreSQL only the product
 * text search needs it (`bothDialects`); otherwise its planner chooses well alone, so it counts and
 * fetches at once.
 */
async function countThenPage<Row>(
  handle: DatabaseHandle,
  count: () => Promise<number>,
  options: { bothDialects: boolean },
  page: (plan: 'narrow' | 'probe') => Promise<Row[]>,
): Promise<[number, Row[]]> {
  if (handle.dialect === 'postgres' && !options.bothDialects) return Promise.all([count(), page('narrow')]);
  const counted = await count();
  return [counted, await page(counted > COUNT_CAP ? 'probe' : 'narrow')];
}

function named(id: string | null, name: string | null): Named | null {
  return id && name !== null ? { id, name } : null;
}
