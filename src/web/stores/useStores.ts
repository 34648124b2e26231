// The account's connected stores; an API without store routes yet reads as "no stores".
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorSentence } from '../api/client.ts';
import type { Store } from '../api/types.ts';
import { itemsOf } from '../ui/useMasterData.ts';

export function useStores() {
  const [stores, setStores] = useState<Store[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setStores(itemsOf(await api.get<unknown>('/api/stores')) as unknown as Store[]);
      setError(null);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) setStores([]);
      else setError(errorSentence(caught));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { stores, error, reload };
}
