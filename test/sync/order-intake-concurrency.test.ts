// Two stores taking in orders for one variant while another round moves change marks onto links,
// all at once on PostgreSQL (SQLite serialises writers, so it cannot deadlock): every order line is
// counted exactly once and no transaction dies as a deadlock victim. Before the intake locked the
// link ahead of the movement, this deadlocked (the mark then the link, against the drain's links
// then the mark).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../support/databases.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { resolveLocation } from '../../src/accounts/locations.ts';
import { createProduct } from '../../src/catalog/products.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { getStock } from '../../src/stock/stock-query.ts';
import { takeInOrder } from '../../src/sync/orders/order-intake.ts';
import { linkDirtFromChangeMarks } from '../../src/sync/push/dirty-links.ts';
import { newId, nowIso } from '../../src/db/ids.ts';
import type { StoreRow } from '../../src/sync/engine-loop/store-channel.ts';
import '../../src/sync/stock-tables.ts';

const ROUNDS = 40;

describe.skipIf(!postgresServerUrl())('order intake on several stores at once [postgres]', () => {
  let database: TestDatabase;
  let accountId = '';
  const stores: StoreRow[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const handle = database.handle;
    accountId = (await ensureDefaultAccount(handle)).id;
    const main = await resolveLocation(handle.db, accountId, null);
    const product = await createProduct(handle, accountId, { name: 'Busy Mug', variants: [{ sku: 'BUSY-1', price: '5.00' }] });
    await recordMovement(handle, accountId, { sku: 'BUSY-1', kind: 'receipt', quantity: 1000 });
    for (const name of ['Store A', 'Store B']) {
      const now = nowIso();
      const storeId = newId();
      await handle.db
        .insertInto('store')
        .values({
          id: storeId, account_id: accountId, platform: 'woocommerce', name, url: `http://127.0.0.1:9/${storeId}`, credentials_encrypted: 'x',
          location_id: main.id, orders_location_id: main.id, remote_location_id: null, order_cursor: null, order_cursor_started_at: now,
          webhook_secret_encrypted: null, state: 'connected', last_sync_at: null, last_error: null, created_at: now, updated_at: now,
        })
        .execute();
      const productLinkId = newId();
      await handle.db.insertInto('product_link').values({ id: productLinkId, account_id: accountId, store_id: storeId, product_id: product.id, remote_product_id: 'rp-1', handle: null, created_at: now, updated_at: now }).execute();
      await handle.db
        .insertInto('variant_link')
        .values({ id: newId(), account_id: accountId, store_id: storeId, product_link_id: productLinkId, variant_id: product.variants[0]!.id, remote_variant_id: 'rv-1', inventory_ref: 'rv-1', last_known_remote_qty: 1000, last_pushed_qty: 1000, created_at: now, updated_at: now })
        .execute();
      stores.push(await handle.db.selectFrom('store').selectAll().where('id', '=', storeId).executeTakeFirstOrThrow());
    }
    await linkDirtFromChangeMarks(handle);
  });

  afterAll(async () => {
    await database?.destroy();
  });

  it('counts every line once, with no deadlock', async () => {
    const handle = database.handle;
    for (let round = 0; round < ROUNDS; round += 1) {
      await Promise.all([
        ...stores.map((store) =>
          takeInOrder(handle, store, {
            remoteOrderId: `order-${round}`,
            name: `#${round}`,
            holdsStock: true,
            cancelled: false,
            updatedAt: nowIso(),
            lines: [{ lineId: 'line-1', remoteVariantId: 'rv-1', sku: 'BUSY-1', quantity: 1, restockedQuantity: 0 }],
          }),
        ),
        linkDirtFromChangeMarks(handle),
        linkDirtFromChangeMarks(handle),
      ]);
    }
    expect((await getStock(handle, accountId, 'BUSY-1')).total).toBe(1000 - ROUNDS * stores.length);
    const links = await handle.db.selectFrom('variant_link').select('last_known_remote_qty').execute();
    expect(links.map((l) => Number(l.last_known_remote_qty))).toEqual([1000 - ROUNDS, 1000 - ROUNDS]);
  });
});
