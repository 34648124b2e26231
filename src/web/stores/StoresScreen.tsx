// Marketplace → Connected → Stores: each store's state, last sync and drift; connect another.
import { useState } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { Store } from '../api/types.ts';
import { navigate } from '../app/router.ts';
import { useJobs } from '../jobs/jobs.tsx';
import { jobIdOf } from '../jobs/jobId.ts';
import { Empty, ErrorText, Loading } from '../ui/feedback.tsx';
import { useMasterData } from '../ui/useMasterData.ts';
import { formatWhen } from '../ui/when.ts';
import { driftSummary } from './storeHealthWords.ts';
import { platformNames } from '../editor/storeFit.ts';
import { ConnectStoreForm } from './ConnectStoreForm.tsx';
import { useStores } from './useStores.ts';

export function StoresScreen() {
  const { stores, error, reload } = useStores();
  const master = useMasterData();
  const { follow } = useJobs();
  const [connecting, setConnecting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);

  async function connected(store: Store, importNow: boolean) {
    setConnecting(false);
    await reload();
    if (importNow) {
      try {
        const id = jobIdOf(await api.post(`/api/stores/${store.id}/import`, {}));
        if (id) follow(id);
      } catch (caught) {
        setImportError(`The store is connected, but its import did not start: ${errorSentence(caught)}`);
        return;
      }
    }
    navigate(`/stores/${store.id}`);
  }

  return (
    <section className="screen">
      <header className="screen-head">
        <div>
          <p className="crumbs">Marketplace → Connected</p>
          <h1>Stores</h1>
        </div>
        {!connecting && (
          <button className="primary" onClick={() => setConnecting(true)}>
            Connect a store
          </button>
        )}
      </header>
      {connecting && <ConnectStoreForm locations={master.data.locations} onConnected={connected} onCancel={() => setConnecting(false)} />}
      <ErrorText error={error} />
      <ErrorText error={importError} />
      {stores === null && !error && <Loading what="stores" />}
      {stores?.length === 0 && !connecting && <Empty>No store is connected yet. Connect a Shopify, WooCommerce or BigCommerce store to keep its stock in step.</Empty>}
      {stores && stores.length > 0 && (
        <div className="table-scroll card flush">
          <table className="list" data-testid="stores-table">
            <thead>
              <tr>
                <th>Store</th>
                <th>Platform</th>
                <th>State</th>
                <th>Linked</th>
                <th>Last sync</th>
                <th>Drift</th>
              </tr>
            </thead>
            <tbody>
              {stores.map((store) => (
                <tr key={store.id} onClick={() => navigate(`/stores/${store.id}`)} className="clickable">
                  <td>
                    <a href={`#/stores/${store.id}`}>{store.name || store.url}</a>
                    <div className="muted small">{store.url}</div>
                  </td>
                  <td>{platformNames[store.platform] ?? store.platform}</td>
                  <td>
                    <span className={`badge ${store.state ?? ''}`}>{store.state ?? 'connected'}</span>
                    {store.lastError && <div className="error small">{store.lastError}</div>}
                  </td>
                  <td>
                    {store.linkedProducts ?? 0} product{store.linkedProducts === 1 ? '' : 's'}
                    {(store.pendingStock ?? 0) > 0 && <div className="muted small">{store.pendingStock} quantities waiting to go out</div>}
                  </td>
                  <td>{formatWhen(store.lastSyncAt)}</td>
                  <td data-testid="store-drift">
                    <DriftCell store={store} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The drift the last reconcile found and left, so a store that is off stands out. */
function DriftCell({ store }: { store: Store }) {
  const drift = driftSummary(store.lastReconcile);
  return (
    <>
      <span className={drift.off ? 'badge error' : ''}>{drift.text}</span>
      {store.lastReconcile && <div className="muted small">checked {formatWhen(store.lastReconcile.at)}</div>}
    </>
  );
}
