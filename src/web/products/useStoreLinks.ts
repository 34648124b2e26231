// Which stores each product is on, for the Ecommerce column set. The product list does not carry
// links yet, so they are derived: a product is on a store unless that store lists it among its
// unlinked local products. Loaded only while the Ecommerce set is shown. When the list API adds
// `stores` to its rows, the grid uses that instead.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { LocalProduct, Store, StoreLink } from '../api/types.ts';
import { itemsOf } from '../ui/useMasterData.ts';

export type LinksOf = (productId: string) => StoreLink[] | undefined;

export function useStoreLinks(enabled: boolean): LinksOf | null {
  const [linksOf, setLinksOf] = useState<LinksOf | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    (async () => {
      const stores = itemsOf(await api.get<unknown>('/api/stores')) as unknown as Store[];
      const unlinked = await Promise.all(
        stores.map(async (store) => {
          const list = itemsOf(await api.get<unknown>(`/api/stores/${store.id}/local-products`)) as unknown as LocalProduct[];
          return new Set(list.map((p) => p.productId));
        }),
      );
      if (cancelled) return;
      setLinksOf(() => (productId: string) =>
        stores
          .filter((_, index) => !unlinked[index].has(productId))
          .map((store) => ({
            storeId: store.id,
            storeName: store.name,
            platform: store.platform,
            state: store.state,
            syncState: store.state === 'error' ? 'error' : (store.pendingProducts ?? 0) > 0 ? 'changes waiting' : 'in step',
            lastError: store.lastError ?? null,
          })),
      );
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [enabled]);

  return enabled ? linksOf : null;
}
