// The public webhook endpoint over HTTP: a forged signature is refused with 401 and recorded,
// stores nothing; a genuinely signed delivery is stored once even when sent twice.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startShopify, type SeededShopify } from './sync-fixtures.ts';
import { forEachDialect } from '../support/databases.ts';
import { listSyncLog } from '../../src/sync/sync-log/sync-log.ts';
import { connectWithWebhooks, listenApp, type ListeningApp } from './stock-sync-fixtures.ts';

forEachDialect('store webhooks (e2e, Shopify emulator)', (getHandle) => {
  let shop: SeededShopify;
  let app: ListeningApp;
  let storeId = '';
  let accountId = '';

  beforeAll(async () => {
    shop = await startShopify([{ title: 'Hooked', variants: [{ sku: 'HOOK-1', price: '5.00', quantities: [3] }] }]);
    app = await listenApp(getHandle());
    ({ storeId, accountId } = await connectWithWebhooks(getHandle(), shop, app.baseUrl));
  });

  afterAll(async () => {
    await app?.close();
    await shop?.close();
  });

  const body = JSON.stringify({ id: 'gid://shopify/Order/999001', name: '#9001' });
  const headersFor = (signature: string, eventId: string) => ({
    'content-type': 'application/json',
    'x-shopify-topic': 'orders/create',
    'x-shopify-hmac-sha256': signature,
    'x-shopify-event-id': eventId,
    'x-shopify-webhook-id': eventId,
  });
  const post = (headers: Record<string, string>) => fetch(`${app.baseUrl}/webhooks/${storeId}`, { method: 'POST', headers, body });

  it('refuses a forged webhook with 401, records it and stores nothing', async () => {
    const forged = createHmac('sha256', 'not-the-secret').update(body).digest('base64');
    const response = await post(headersFor(forged, 'evt-forged'));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_signature');
    const unsigned = await post({ 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-event-id': 'evt-unsigned' });
    expect(unsigned.status).toBe(401);
    const stored = await getHandle().db.selectFrom('webhook_delivery').select('delivery_id').where('delivery_id', 'in', ['evt-forged', 'evt-unsigned']).execute();
    expect(stored).toEqual([]);
    const log = await listSyncLog(getHandle(), accountId, { storeId, kind: 'webhook' });
    expect(log.filter((entry) => entry.outcome === 'failed')).toHaveLength(2);
  });

  it('stores a signed delivery before answering, once, however often it is sent', async () => {
    const signature = createHmac('sha256', shop.credentials.webhookSecret!).update(body).digest('base64');
    const first = await post(headersFor(signature, 'evt-1'));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    const stored = await getHandle().db.selectFrom('webhook_delivery').selectAll().where('delivery_id', '=', 'evt-1').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ topic: 'order', remote_id: 'gid://shopify/Order/999001', processed_at: null });
    const again = await post(headersFor(signature, 'evt-1'));
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await getHandle().db.selectFrom('webhook_delivery').select('delivery_id').where('delivery_id', '=', 'evt-1').execute()).toHaveLength(1);
  });

  it('answers 404 for a store that does not exist', async () => {
    const response = await fetch(`${app.baseUrl}/webhooks/no-such-store`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(404);
  });
});
