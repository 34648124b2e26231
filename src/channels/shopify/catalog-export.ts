// listCatalog and readQuantities: one bulk export each, served in pages. A finished export is
// kept in memory while its pages are read; after a restart the cursor's export is read again.
import { ChannelError, type CatalogPage, type QuantityPage, type QuantityReading, type RemoteProduct } from '../channel.ts';
import { readBulkResult, startBulkExport, waitForBulkExport, type BulkExportOptions } from './bulk-export.ts';
import { hasParent, productLineSchema, quantityLineSchema, variantLineSchema } from './bulk-lines.ts';
import { catalogExportQuery, quantityExportQuery } from './operations/bulk.ts';
import type { ShopifyVariant } from './payloads/product.ts';
import { decodeExportCursor, encodeExportCursor } from './page-cursor.ts';
import { availableQuantity, remoteProduct } from './remote-product.ts';

const KEEP_EXPORTS = 2;

export interface ExportReaderOptions extends BulkExportOptions {
  locationId: () => Promise<string>;
  catalogPageSize: number;
  quantityPageSize: number;
}

function unreadable(what: string): ChannelError {
  return new ChannelError('protocol', `Shopify's export file holds a ${what} we cannot read.`);
}

async function loadCatalog(options: ExportReaderOptions, operationId: string): Promise<RemoteProduct[]> {
  const operation = await waitForBulkExport(options, operationId);
  const products: Array<ReturnType<typeof productLineSchema.parse>> = [];
  const variantsByProduct = new Map<string, ShopifyVariant[]>();
  for await (const line of readBulkResult(options, operation)) {
    if (hasParent(line)) {
      const variant = variantLineSchema.safeParse(line);
      if (!variant.success) throw unreadable('variant');
      const { __parentId, ...fields } = variant.data;
      const list = variantsByProduct.get(__parentId) ?? [];
      list.push(fields);
      variantsByProduct.set(__parentId, list);
    } else {
      const product = productLineSchema.safeParse(line);
      if (!product.success) throw unreadable('product');
      products.push(product.data);
    }
  }
  return products.map((product) => remoteProduct(product, variantsByProduct.get(product.id) ?? []));
}

async function loadQuantities(options: ExportReaderOptions, operationId: string): Promise<QuantityReading[]> {
  const operation = await waitForBulkExport(options, operationId);
  const readings: QuantityReading[] = [];
  for await (const line of readBulkResult(options, operation)) {
    if (!hasParent(line)) continue; // a product line
    const variant = quantityLineSchema.safeParse(line);
    if (!variant.success) throw unreadable('variant');
    if (!variant.data.inventoryItem.tracked) continue;
    readings.push({
      inventoryRef: variant.data.inventoryItem.id,
      remoteVariantId: variant.data.id,
      sku: variant.data.sku && variant.data.sku.trim() !== '' ? variant.data.sku : null,
      quantity: availableQuantity(variant.data.inventoryItem),
    });
  }
  return readings;
}

class ExportCache<T> {
  private readonly entries = new Map<string, Promise<T[]>>();

  get(operationId: string, load: () => Promise<T[]>): Promise<T[]> {
    const cached = this.entries.get(operationId);
    if (cached) return cached;
    const loading = load();
    this.entries.set(operationId, loading);
    loading.catch(() => this.entries.delete(operationId));
    while (this.entries.size > KEEP_EXPORTS) this.entries.delete(this.entries.keys().next().value as string);
    return loading;
  }
}

export function createExportReader(options: ExportReaderOptions) {
  const catalogs = new ExportCache<RemoteProduct>();
  const quantities = new ExportCache<QuantityReading>();

  function page<T>(items: T[], kind: 'catalog' | 'quantities', operationId: string, offset: number, size: number) {
    const end = offset + size;
    return { items: items.slice(offset, end), nextCursor: end < items.length ? encodeExportCursor({ kind, operationId, offset: end }) : null };
  }

  return {
    async listCatalog(cursor: string | null): Promise<CatalogPage> {
      const position = cursor
        ? decodeExportCursor(cursor, 'catalog')
        : { operationId: await startBulkExport(options, catalogExportQuery(await options.locationId())), offset: 0 };
      const products = await catalogs.get(position.operationId, () => loadCatalog(options, position.operationId));
      const result = page(products, 'catalog', position.operationId, position.offset, options.catalogPageSize);
      return { products: result.items, nextCursor: result.nextCursor };
    },

    async readQuantities(cursor: string | null): Promise<QuantityPage> {
      const position = cursor
        ? decodeExportCursor(cursor, 'quantities')
        : { operationId: await startBulkExport(options, quantityExportQuery(await options.locationId())), offset: 0 };
      const readings = await quantities.get(position.operationId, () => loadQuantities(options, position.operationId));
      const result = page(readings, 'quantities', position.operationId, position.offset, options.quantityPageSize);
      return { readings: result.items, nextCursor: result.nextCursor };
    },
  };
}
