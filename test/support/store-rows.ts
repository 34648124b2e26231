// A connected Shopify store row written straight into the database, for tests of the engine's
// per-product rules that never talk to a store (the channel is not opened).
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { newId, nowIso } from '../../src/db/ids.ts';
import { createCredentialCipher } from '../../src/security/credential-cipher.ts';

export async function insertTestStore(handle: DatabaseHandle, accountId: string, locationId: string, name = 'Test shop'): Promise<string> {
  const id = newId();
  const now = nowIso();
  await handle.db
    .insertInto('store')
    .values({
      id,
      account_id: accountId,
      platform: 'shopify',
      name,
      url: `http://shop-${id}.example`,
      credentials_encrypted: createCredentialCipher('x'.repeat(32)).encryptJson({ accessToken: 'secret' }),
      location_id: locationId,
      orders_location_id: locationId,
      remote_location_id: null,
      order_cursor: null,
      order_cursor_started_at: now,
      webhook_secret_encrypted: null,
      state: 'connected',
      last_sync_at: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
