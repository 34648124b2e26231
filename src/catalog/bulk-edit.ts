// One change applied to many products at once (the Unallocated to-do list; archiving or restoring
// many), all or nothing.
import type { DatabaseHandle } from '../db/handle.ts';
import type { ProductStatus, ProductType } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { nowIso } from '../db/ids.ts';
import { invalid, notFound } from '../errors/domain-error.ts';
import { parseMoney } from './decimal.ts';
import { refreshDerivedColumns } from './missing-fields.ts';
import { checkReferences } from './products.ts';
import { normaliseProductType, normaliseStatus, normaliseUnit } from './product-input.ts';

export interface BulkChanges {
  productGroupId?: string | null;
  brandId?: string | null;
  supplierId?: string | null;
  taxGroupId?: string | null;
  productType?: ProductType | null;
  unit?: string | null;
  /** sets the cost price of every variant of each product */
  costPrice?: string | number | null;
  ecommerce?: boolean;
  /** 'archived' archives (kept with history and store links, out of publishing and default lists); 'active' restores */
  status?: ProductStatus;
}

export async function bulkEdit(handle: DatabaseHandle, accountId: string, productIds: string[], changes: BulkChanges): Promise<{ updated: number }> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) throw invalid('Choose at least one product to edit.');
  if (ids.length > 10_000) throw invalid('A bulk edit can change at most 10,000 products at once.');
  const fields = Object.entries(changes).filter(([, value]) => value !== undefined);
  if (fields.length === 0) throw invalid('Say what to change: a product group, brand, supplier, product type, unit, tax group, cost price, the ecommerce flag or the status.');
  const status = changes.status === undefined ? undefined : normaliseStatus(changes.status);
  const productType = changes.productType === undefined ? undefined : normaliseProductType(changes.productType);
  if (productType === undefined && changes.unit !== undefined) throw invalid('Set the unit together with the product type (per_unit).');
  const unit = productType === undefined ? undefined : normaliseUnit(productType, changes.unit);
  const costMinor = changes.costPrice === undefined || changes.costPrice === null ? changes.costPrice : parseMoney(changes.costPrice, 'cost price');

  return inTransaction(handle, async (trx) => {
    await checkReferences(trx, accountId, changes);
    const found = new Set<string>();
    for (let start = 0; start < ids.length; start += 500) {
      const rows = await trx.selectFrom('product').select('id').where('account_id', '=', accountId).where('id', 'in', ids.slice(start, start + 500)).execute();
      for (const row of rows) found.add(row.id);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw notFound(`${missing.length} of the chosen products do not exist; nothing was changed.`, { productIds: missing });

    const set = {
      ...(changes.productGroupId !== undefined && { product_group_id: changes.productGroupId }),
      ...(changes.brandId !== undefined && { brand_id: changes.brandId }),
      ...(changes.supplierId !== undefined && { supplier_id: changes.supplierId }),
      ...(changes.taxGroupId !== undefined && { tax_group_id: changes.taxGroupId }),
      ...(productType !== undefined && { product_type: productType, unit: unit ?? null }),
      ...(changes.ecommerce !== undefined && { ecommerce: changes.ecommerce ? 1 : 0 }),
      ...(status !== undefined && { status }),
      updated_at: nowIso(),
    };
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      await trx.updateTable('product').set(set).where('account_id', '=', accountId).where('id', 'in', chunk).execute();
      if (costMinor !== undefined) {
        await trx.updateTable('variant').set({ cost_price_minor: costMinor, updated_at: nowIso() }).where('account_id', '=', accountId).where('product_id', 'in', chunk).execute();
      }
    }
    await refreshDerivedColumns(trx, accountId, ids);
    return { updated: ids.length };
  });
}
