// Which Shopify location this store's quantities are read from and written to: the one the
// connection names, else the shop's primary (first active) location, asked once.
import { ChannelError, type RemoteLocation, type StoreIdentity } from '../channel.ts';
import type { GraphqlClient } from './graphql-client.ts';
import { identifyShopResult } from './payloads/shop.ts';
import { identifyShop } from './operations/shop.ts';

export async function readIdentity(client: GraphqlClient): Promise<StoreIdentity> {
  const data = await client.request(identifyShop, {}, identifyShopResult);
  const active = data.locations.nodes.filter((location) => location.isActive !== false);
  const primaryIndex = Math.max(0, active.findIndex((location) => location.isPrimary === true));
  const locations: RemoteLocation[] = active.map((location, index) => ({
    id: location.id,
    name: location.name,
    isDefault: index === primaryIndex,
  }));
  return { name: data.shop.name, currency: data.shop.currencyCode ?? null, locations };
}

export function createLocationResolver(client: GraphqlClient, configured: string | null): () => Promise<string> {
  let resolved: Promise<string> | null = configured ? Promise.resolve(configured) : null;
  return () => {
    if (!resolved) {
      resolved = readIdentity(client).then((identity) => {
        const location = identity.locations.find((l) => l.isDefault);
        if (!location) throw new ChannelError('invalid', 'This Shopify store has no active location to hold stock; add one in Shopify.', false);
        return location.id;
      });
      resolved.catch(() => {
        resolved = null; // a failed look-up is asked again next time
      });
    }
    return resolved;
  };
}
