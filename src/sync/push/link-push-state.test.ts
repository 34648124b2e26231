// The pusher's set-based link updates on real SQLite and PostgreSQL: the store's quantity is
// recorded for every pushed link, but dirt is cleared only where no movement bumped the
// generation since it was read (a sale during a push is never lost).
import { beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/support/databases.ts';
import { ensureDefaultAccount } from '../../accounts/accounts.ts';
import { resolveLocation } from '../../accounts/locations.ts';
import { createProduct } from '../../catalog/products.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { clearDirtIfUnchanged, recordLinksPushed } from './link-push-state.ts';
import '../stock-tables.ts';

forEachDialect('link push state', (getHandle) => {
  let linkIds: string[] = [];

  beforeEach(async () => {
    const handle = getHandle();
    const account = await ensureDefaultAccount(handle);
    const main = await resolveLocation(handle.db, account.id, null);
    const tag = newId().slice(-8);
    const product = await createProduct(handle, account.id, {
      name: `Push state ${tag}`,
      variants: [0, 1, 2].map((n) => ({ sku: `PS-${tag}-${n}`, price: '5.00', values: [`V${n}`] })),
      attributes: [{ name: 'Size', values: ['V0', 'V1', 'V2'] }],
    });
    const now = nowIso();
    const storeId = newId();
    await handle.db
      .insertInto('store')
      .values({
        id: storeId, account_id: account.id, platform: 'shopify', name: `Shop ${tag}`, url: `http://127.0.0.1:9/${tag}`, credentials_encrypted: 'x',
        location_id: main.id, orders_location_id: main.id, remote_location_id: null, order_cursor: null, order_cursor_started_at: now,
        webhook_secret_encrypted: null, state: 'connected', last_sync_at: null, last_error: null, created_at: now, updated_at: now,
      })
      .execute();
    const productLinkId = newId();
    await handle.db.insertInto('product_link').values({ id: productLinkId, account_id: account.id, store_id: storeId, product_id: product.id, remote_product_id: `rp-${tag}`, handle: null, created_at: now, updated_at: now }).execute();
    linkIds = [];
    for (const [n, variant] of product.variants.entries()) {
      const id = newId();
      linkIds.push(id);
      await handle.db
        .insertInto('variant_link')
        .values({ id, account_id: account.id, store_id: storeId, product_link_id: productLinkId, variant_id: variant.id, remote_variant_id: `rv-${tag}-${n}`, inventory_ref: `ref-${tag}-${n}`, last_known_remote_qty: 1, last_pushed_qty: null, created_at: now, updated_at: now })
        .execute();
    }
    // Each link dirty at generation 3.
    await handle.db.updateTable('variant_link').set({ dirty: 1, dirty_generation: 3 }).where('id', 'in', linkIds).execute();
  });

  const links = async () =>
    (await getHandle().db.selectFrom('variant_link').select(['id', 'dirty', 'dirty_generation', 'last_known_remote_qty', 'last_pushed_qty']).where('id', 'in', linkIds).execute())
      .map((r) => ({ id: r.id, dirty: Number(r.dirty), last: r.last_known_remote_qty === null ? null : Number(r.last_known_remote_qty), pushed: r.last_pushed_qty === null ? null : Number(r.last_pushed_qty) }))
      .sort((a, b) => linkIds.indexOf(a.id) - linkIds.indexOf(b.id));

  it('records what was pushed on each link and clears dirt only where the generation is unchanged', async () => {
    const [a, b] = linkIds as [string, string, string];
    // b was bumped by a movement after the pusher read generation 3.
    await getHandle().db.updateTable('variant_link').set({ dirty_generation: 4 }).where('id', '=', b).execute();
    await inTransaction(getHandle(), (trx) =>
      recordLinksPushed(trx, [{ id: a, generation: 3, desired: 7 }, { id: b, generation: 3, desired: 12 }], nowIso()),
    );
    expect(await links()).toEqual([
      { id: a, dirty: 0, last: 7, pushed: 7 },
      { id: b, dirty: 1, last: 12, pushed: 12 },
      { id: linkIds[2], dirty: 1, last: 1, pushed: null },
    ]);
  });

  it('clears the dirt of links the store already shows right, unless a movement came since', async () => {
    const [a, , c] = linkIds as [string, string, string];
    await getHandle().db.updateTable('variant_link').set({ dirty_generation: 5 }).where('id', '=', c).execute();
    await inTransaction(getHandle(), (trx) => clearDirtIfUnchanged(trx, [{ id: a, generation: 3 }, { id: c, generation: 3 }]));
    // a cleared; b not asked about; c bumped since it was read.
    expect((await links()).map((l) => l.dirty)).toEqual([0, 1, 1]);
  });

  it('handles more links than one statement takes', async () => {
    const many = Array.from({ length: 1_200 }, (_, n) => ({ id: `absent-${n}`, generation: 3, desired: n }));
    const [a] = linkIds as [string];
    await inTransaction(getHandle(), (trx) => recordLinksPushed(trx, [...many, { id: a, generation: 3, desired: 9 }], nowIso()));
    expect((await links())[0]).toEqual({ id: a, dirty: 0, last: 9, pushed: 9 });
  });
});
