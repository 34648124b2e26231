// The account's master data (groups, brands, suppliers, tax groups, locations), loaded once per
// screen and reloadable after an edit. Names are looked up by id for the grids.
import { useCallback, useEffect, useState } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { MasterItem, MasterKind } from '../api/types.ts';

export type MasterData = Record<MasterKind, MasterItem[]>;

const kinds: MasterKind[] = ['product-groups', 'brands', 'suppliers', 'tax-groups', 'locations'];
const empty: MasterData = { 'product-groups': [], brands: [], suppliers: [], 'tax-groups': [], locations: [] };

function itemsOf(body: unknown): MasterItem[] {
  if (Array.isArray(body)) return body as MasterItem[];
  const items = (body as { items?: unknown })?.items;
  return Array.isArray(items) ? (items as MasterItem[]) : [];
}

export function useMasterData() {
  const [data, setData] = useState<MasterData>(empty);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    try {
      const lists = await Promise.all(kinds.map((kind) => api.get<unknown>(`/api/${kind}`, { pageSize: 500 })));
      const next = { ...empty };
      kinds.forEach((kind, index) => {
        next[kind] = itemsOf(lists[index]);
      });
      setData(next);
      setError(null);
    } catch (caught) {
      setError(errorSentence(caught));
    } finally {
      setLoaded(true);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loaded, reload };
}

export function nameOf(items: MasterItem[], id: string | null | undefined): string {
  if (!id) return '';
  return items.find((item) => item.id === id)?.name ?? '';
}

export { itemsOf };
