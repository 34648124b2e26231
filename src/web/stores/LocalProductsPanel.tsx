// "See N Local Products": the local products not on this store, Ecommerce-flagged ones
// pre-selected; save the selection, preview what publishing would do, then continue as a job.
import { useEffect, useState } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { LocalProduct, PublishPlan, Store } from '../api/types.ts';
import { useJobs } from '../jobs/jobs.tsx';
import { jobIdOf } from '../jobs/jobId.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { Empty, ErrorText, Loading, Notice } from '../ui/feedback.tsx';

interface Props {
  store: Store;
  products: LocalProduct[] | null;
  /** The API's word on whether a selection was saved (an empty one too). */
  hasSavedSelection: boolean;
  loadError: string | null;
  onPublished(): void;
}

export function LocalProductsPanel({ store, products, hasSavedSelection, loadError, onPublished }: Props) {
  const { jobs, follow } = useJobs();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [plan, setPlan] = useState<PublishPlan | null>(null);
  const [busy, setBusy] = useState<'save' | 'preview' | 'continue' | null>(null);
  const [jobId, setJobId] = useState<string | null>(() => sessionStorage.getItem(`publish-job:${store.id}`));

  useEffect(() => {
    if (!products) return;
    // A saved selection wins; until one is saved, the Ecommerce-flagged products are pre-selected.
    setSelected(new Set(products.filter((p) => (hasSavedSelection ? p.selected : p.preselected)).map((p) => p.productId)));
  }, [products, hasSavedSelection]);

  useEffect(() => {
    if (jobId) follow(jobId);
  }, [jobId, follow]);

  const job = jobId ? jobs[jobId] : undefined;
  useEffect(() => {
    if (job?.state === 'done' || job?.state === 'failed') onPublished();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job?.state]);

  function toggle(id: string) {
    setPlan(null);
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function run(kind: 'save' | 'preview' | 'continue') {
    setBusy(kind);
    setError(null);
    setNotice(null);
    const productIds = [...selected];
    try {
      if (kind === 'save') {
        await api.put(`/api/stores/${store.id}/selection`, { productIds });
        setNotice(`Selection saved: ${productIds.length} product${productIds.length === 1 ? '' : 's'}.`);
      } else if (kind === 'preview') {
        const answer = await api.post<{ plan?: PublishPlan } & Partial<PublishPlan>>(`/api/stores/${store.id}/publish`, { productIds, dryRun: true });
        setPlan(answer.plan ?? { created: answer.created ?? [], blocked: answer.blocked ?? [], failed: answer.failed ?? [] });
      } else {
        const id = jobIdOf(await api.post(`/api/stores/${store.id}/publish`, { productIds }));
        if (id) {
          sessionStorage.setItem(`publish-job:${store.id}`, id);
          setJobId(id);
          follow(id);
        }
        setPlan(null);
      }
    } catch (caught) {
      setError(errorSentence(caught));
    } finally {
      setBusy(null);
    }
  }

  if (loadError) return <ErrorText error={loadError} />;
  if (products === null) return <Loading what="local products" />;

  return (
    <div className="local-products">
      {job && <JobProgress job={job} />}
      {products.length === 0 ? (
        <Empty>Every local product is already on this store.</Empty>
      ) : (
        <>
          <div className="toolbar">
            <button onClick={() => { setPlan(null); setSelected(new Set(products.map((p) => p.productId))); }}>Select all</button>
            <button onClick={() => { setPlan(null); setSelected(new Set()); }}>Select none</button>
            <span className="count">
              {selected.size} of {products.length} selected
            </span>
            <button onClick={() => run('save')} disabled={busy !== null}>
              {busy === 'save' ? 'Saving…' : 'Save selection'}
            </button>
            <button className="primary" onClick={() => run('preview')} disabled={busy !== null || selected.size === 0}>
              {busy === 'preview' ? 'Working out…' : 'Preview'}
            </button>
          </div>
          <ErrorText error={error} testId="publish-error" />
          {notice && <Notice>{notice}</Notice>}
          {plan && (
        <div className="card plan" data-testid="publish-plan">
          <h3>Preview — nothing has been changed yet</h3>
          <p>
            <strong>{plan.created.length}</strong> will be created on the store as drafts
            {plan.blocked.length > 0 && (
              <>
                , <strong>{plan.blocked.length}</strong> blocked
              </>
            )}
            .
          </p>
          <ul className="plan-list">
            {plan.created.map((p) => (
              <li key={p.productId} className="ok">
                Create “{p.name}” as a draft
              </li>
            ))}
            {plan.blocked.map((p) => (
              <li key={p.productId} className="error">
                “{p.name}” is blocked: {p.reason}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button className="primary" onClick={() => run('continue')} disabled={busy !== null || plan.created.length === 0}>
              {busy === 'continue' ? 'Starting…' : `Continue — create ${plan.created.length} draft${plan.created.length === 1 ? '' : 's'}`}
            </button>
          </div>
        </div>
      )}
          <div className="table-scroll card flush">
            <table className="list" data-testid="local-products">
              <thead>
                <tr>
                  <th className="pick" aria-label="Selected" />
                  <th>Product</th>
                  <th>Fits the store</th>
                </tr>
              </thead>
              <tbody>
                {products.map((p) => (
                  <tr key={p.productId} data-product-id={p.productId}>
                    <td className="pick">
                      <input type="checkbox" aria-label={`Select ${p.name}`} checked={selected.has(p.productId)} onChange={() => toggle(p.productId)} />
                    </td>
                    <td>
                      <a href={`#/products/${p.productId}`}>{p.name}</a>
                      {p.preselected && <span className="chip small">Ecommerce</span>}
                    </td>
                    <td className={p.fits.startsWith('blocked') ? 'error' : p.fits.startsWith('merged') ? 'warn-text' : ''}>{p.fits}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
