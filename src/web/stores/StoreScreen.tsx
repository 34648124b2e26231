// One store: its state, "See N Local Products", drift, sync log and settings.
import { useCallback, useEffect, useState } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { LocalProductsAnswer, Store } from '../api/types.ts';
import { ErrorText, Loading } from '../ui/feedback.tsx';
import { useMasterData } from '../ui/useMasterData.ts';
import { storeLabel } from '../editor/storeFit.ts';
import { LocalProductsPanel } from './LocalProductsPanel.tsx';
import { DriftPanel } from './DriftPanel.tsx';
import { SyncLogPanel } from './SyncLogPanel.tsx';
import { StoreSettingsPanel } from './StoreSettingsPanel.tsx';
import { StoreHealth } from './StoreHealth.tsx';
import { formatWhen } from '../ui/when.ts';
import { useJobs } from '../jobs/jobs.tsx';
import { jobIdOf } from '../jobs/jobId.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';

type Tab = 'local' | 'drift' | 'log' | 'settings';

export function StoreScreen({ storeId }: { storeId: string }) {
  const master = useMasterData();
  const [store, setStore] = useState<Store | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [local, setLocal] = useState<LocalProductsAnswer | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const { jobs, follow } = useJobs();
  const [importJobId, setImportJobId] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab | null>(() => (sessionStorage.getItem(`publish-job:${storeId}`) ? 'local' : null));

  const loadStore = useCallback(async () => {
    try {
      setStore(await api.get<Store>(`/api/stores/${encodeURIComponent(storeId)}`));
    } catch (caught) {
      setError(errorSentence(caught));
    }
  }, [storeId]);

  const loadLocal = useCallback(async () => {
    try {
      setLocal(await api.get<LocalProductsAnswer>(`/api/stores/${encodeURIComponent(storeId)}/local-products`));
      setLocalError(null);
    } catch (caught) {
      setLocalError(errorSentence(caught));
    }
  }, [storeId]);

  useEffect(() => {
    void loadStore();
    void loadLocal();
  }, [loadStore, loadLocal]);

  const importJob = importJobId ? jobs[importJobId] : undefined;
  useEffect(() => {
    if (importJob?.state === 'done') {
      void loadStore();
      void loadLocal();
    }
  }, [importJob?.state, loadStore, loadLocal]);

  async function startImport() {
    setImportError(null);
    try {
      const id = jobIdOf(await api.post(`/api/stores/${encodeURIComponent(storeId)}/import`, {}));
      if (id) {
        setImportJobId(id);
        follow(id);
      }
    } catch (caught) {
      setImportError(errorSentence(caught));
    }
  }

  if (error) return <ErrorText error={error} />;
  if (!store) return <Loading what="the store" />;

  const tabs: { id: Tab; label: string }[] = [
    { id: 'local', label: local === null ? 'See Local Products' : `See ${local.items.length} Local Products` },
    { id: 'drift', label: 'Drift' },
    { id: 'log', label: 'Sync log' },
    { id: 'settings', label: 'Settings' },
  ];

  return (
    <section className="screen">
      <header className="screen-head">
        <div>
          <p className="crumbs">
            <a href="#/stores">Marketplace → Connected → Stores</a>
          </p>
          <h1>{store.name || storeLabel(store)}</h1>
          <p className="muted small">
            {storeLabel(store)} · {store.url} · <span className={`badge ${store.state ?? ''}`}>{store.state ?? 'connected'}</span> · last sync {formatWhen(store.lastSyncAt)}
          </p>
          <ErrorText error={store.lastError} />
        </div>
        <div className="actions">
          <button onClick={() => void startImport()} disabled={importJob?.state === 'queued' || importJob?.state === 'running'}>
            Import catalogue again
          </button>
        </div>
      </header>
      <StoreHealth store={store} />
      <ErrorText error={importError} />
      {importJob && <JobProgress job={importJob} />}
      <nav className="tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t.id} role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      {tab === null && <p className="muted">Choose what to look at: the local products not yet on this store, its drift, or its sync log.</p>}
      {tab === 'local' && (
        <LocalProductsPanel
          store={store}
          products={local?.items ?? null}
          hasSavedSelection={local?.hasSavedSelection ?? false}
          loadError={localError}
          onPublished={() => {
            void loadLocal();
            void loadStore();
          }}
        />
      )}
      {tab === 'drift' && <DriftPanel store={store} onRepaired={() => void loadStore()} />}
      {tab === 'log' && <SyncLogPanel store={store} />}
      {tab === 'settings' && <StoreSettingsPanel store={store} locations={master.data.locations} onSaved={() => void loadStore()} />}
    </section>
  );
}
