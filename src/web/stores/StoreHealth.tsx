// At the top of a store: is it off (the last drift check), how the platform lets us push (from
// its connector), and what the server last heard of its rate budget.
import type { Store } from '../api/types.ts';
import { platformNames } from '../editor/storeFit.ts';
import { formatWhen } from '../ui/when.ts';
import { batchText, driftSummary, governorText, rateBudgetText } from './storeHealthWords.ts';

export function StoreHealth({ store }: { store: Store }) {
  const drift = driftSummary(store.lastReconcile);
  const platform = platformNames[store.platform] ?? store.platform;
  return (
    <dl className="store-health card">
      <div>
        <dt>Drift at the last check</dt>
        <dd data-testid="store-drift-summary">
          <span className={drift.off ? 'badge error' : ''}>{drift.text}</span>
          {store.lastReconcile && (
            <span className="muted small">
              {' '}
              · {store.lastReconcile.dryRun ? 'checked' : 'repaired'} {formatWhen(store.lastReconcile.at)}
            </span>
          )}
        </dd>
      </div>
      {store.limits && (
        <div>
          <dt>How {platform} takes our pushes</dt>
          <dd data-testid="store-limits">
            {batchText(store.limits)} · {rateBudgetText(store.limits.rateBudget)}
            <div className="muted small">The platform's figures for its smallest plan; the server goes by what the store reports.</div>
          </dd>
        </div>
      )}
      <div>
        <dt>Rate budget, as the store last said</dt>
        <dd data-testid="store-governor">{governorText(store.governor)}</dd>
      </div>
    </dl>
  );
}
