// The product editor: master fields, up to 5 attributes, the variant matrix generated from them,
// and how the product fits each connected store.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError, errorSentence } from '../api/client.ts';
import type { Attribute, LocalProduct, Product } from '../api/types.ts';
import { navigate } from '../app/router.ts';
import { itemsOf, useMasterData } from '../ui/useMasterData.ts';
import { ErrorText, Loading, Notice } from '../ui/feedback.tsx';
import { useStores } from '../stores/useStores.ts';
import { buildMatrix, cleanAttributes, draftFromVariant, emptyDraft, MAX_ATTRIBUTES, suggestSkus, type VariantDraft } from './variantMatrix.ts';
import { fitFor } from './storeFit.ts';
import { missingFieldLabels } from '../products/missingFields.ts';

interface AttributeRow {
  name: string;
  valuesText: string;
}

const toAttributes = (rows: AttributeRow[]): Attribute[] => rows.map((row) => ({ name: row.name, values: row.valuesText.split(',') }));

export function ProductEditor({ productId }: { productId: string | null }) {
  const master = useMasterData();
  const { stores } = useStores();
  const [loading, setLoading] = useState(productId !== null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [groupId, setGroupId] = useState('');
  const [brandId, setBrandId] = useState('');
  const [supplierId, setSupplierId] = useState('');
  const [taxGroupId, setTaxGroupId] = useState('');
  const [productType, setProductType] = useState<'fixed' | 'per_unit' | ''>('fixed');
  const [unit, setUnit] = useState('');
  const [ecommerce, setEcommerce] = useState(false);
  const [status, setStatus] = useState('active');
  // Set when a delete was refused because the product has history: archiving is offered instead.
  const [archiveOffered, setArchiveOffered] = useState(false);
  const [attributes, setAttributes] = useState<AttributeRow[]>([]);
  const [variants, setVariants] = useState<VariantDraft[]>([emptyDraft([])]);
  const [missing, setMissing] = useState<string[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (productId === null) return;
    setLoading(true);
    api
      .get<Product>(`/api/products/${encodeURIComponent(productId)}`)
      .then((product) => {
        setName(product.name ?? '');
        setDescription(product.description ?? '');
        setGroupId(product.productGroupId ?? '');
        setBrandId(product.brandId ?? '');
        setSupplierId(product.supplierId ?? '');
        setTaxGroupId(product.taxGroupId ?? '');
        setProductType(product.productType ?? '');
        setUnit(product.unit ?? '');
        setEcommerce(Boolean(product.ecommerce));
        setStatus(product.status ?? 'active');
        setAttributes((product.attributes ?? []).map((a) => ({ name: a.name, valuesText: a.values.join(', ') })));
        setVariants((product.variants ?? []).map(draftFromVariant));
        setMissing(product.missingFields ?? []);
      })
      .catch((error) => setLoadError(errorSentence(error)))
      .finally(() => setLoading(false));
  }, [productId]);

  // For a saved product, what the server works out for each store it is not yet on
  // (e.g. "merged: Length / Width = 30 / 32"), shown under the live estimate.
  const [serverFits, setServerFits] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!productId || !stores?.length) return;
    let cancelled = false;
    void Promise.all(
      stores.map(async (store) => {
        try {
          const list = itemsOf(await api.get<unknown>(`/api/stores/${store.id}/local-products`)) as unknown as LocalProduct[];
          const mine = list.find((p) => p.productId === productId);
          return [store.id, mine?.fits ?? ''] as const;
        } catch {
          return [store.id, ''] as const;
        }
      }),
    ).then((entries) => {
      if (!cancelled) setServerFits(Object.fromEntries(entries));
    });
    return () => {
      cancelled = true;
    };
  }, [productId, stores, saved]);

  const cleanAttrs = useMemo(() => cleanAttributes(toAttributes(attributes)), [attributes]);

  function changeAttributes(next: AttributeRow[]) {
    setAttributes(next);
    setVariants((previous) => buildMatrix(toAttributes(next), previous));
  }

  function setVariantField(index: number, field: keyof Omit<VariantDraft, 'values' | 'id'>, value: string) {
    setVariants((rows) => rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  }

  function copyPriceToAll() {
    const first = variants.find((row) => row.price.trim());
    const firstCost = variants.find((row) => row.costPrice.trim());
    setVariants((rows) => rows.map((row) => ({ ...row, price: first?.price ?? row.price, costPrice: firstCost?.costPrice ?? row.costPrice })));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaveError(null);
    setRowErrors({});
    setSaved(null);
    const body = {
      name: name.trim(),
      description,
      productGroupId: groupId || null,
      brandId: brandId || null,
      supplierId: supplierId || null,
      taxGroupId: taxGroupId || null,
      productType: productType || null,
      unit: productType === 'per_unit' ? unit.trim() || null : null,
      ecommerce,
      attributes: cleanAttrs,
      variants: variants.map((row) => ({
        ...(row.id ? { id: row.id } : {}),
        values: row.values,
        sku: row.sku.trim() || null,
        barcode: row.barcode.trim() || null,
        ...(row.price.trim() ? { price: row.price.trim() } : {}),
        costPrice: row.costPrice.trim() || null,
      })),
    };
    try {
      const product = productId
        ? await api.patch<Product>(`/api/products/${encodeURIComponent(productId)}`, body)
        : await api.post<Product>('/api/products', body);
      setMissing(product?.missingFields ?? []);
      if (product?.variants) setVariants(product.variants.map(draftFromVariant));
      setSaved(productId ? 'Saved.' : 'Product created.');
      if (!productId && product?.id) navigate(`/products/${product.id}`);
    } catch (error) {
      setSaveError(errorSentence(error));
      // Put the sentence beside the variant it is about too: by the path in its details, or by
      // the SKU / barcode it quotes.
      const sentence = errorSentence(error);
      const index = variantIndexOf(error) ?? variants.findIndex((row) => [row.sku, row.barcode].some((code) => code.trim() && sentence.includes(`"${code.trim()}"`)));
      if (index !== null && index >= 0) setRowErrors({ [index]: sentence });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!productId || !window.confirm(`Delete “${name}”? This cannot be undone.`)) return;
    setSaved(null);
    try {
      await api.delete(`/api/products/${encodeURIComponent(productId)}`);
      navigate('/products');
    } catch (error) {
      setSaveError(errorSentence(error));
      setArchiveOffered(error instanceof ApiError && error.code === 'has_history');
    }
  }

  async function changeStatus(next: 'archived' | 'active') {
    if (!productId) return;
    setBusy(true);
    try {
      const product = await api.patch<Product>(`/api/products/${encodeURIComponent(productId)}`, { status: next });
      setStatus(product?.status ?? next);
      setSaveError(null);
      setArchiveOffered(false);
      setSaved(next === 'archived' ? 'Archived. Its stock history and store links are kept.' : 'Restored.');
    } catch (error) {
      setSaveError(errorSentence(error));
    } finally {
      setBusy(false);
    }
  }

  if (loading) return <Loading what="the product" />;
  if (loadError) return <ErrorText error={loadError} />;

  const select = (label: string, value: string, set: (v: string) => void, items: { id: string; name: string }[]) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        <option value="">— none —</option>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
    </label>
  );

  const fits = (stores ?? []).map((store) => fitFor(store, cleanAttrs.length, variants.length));

  return (
    <form className="screen editor" onSubmit={submit} aria-label="Product editor">
      <header className="screen-head">
        <div>
          <p className="crumbs">
            <a href="#/products">Inventory → Products</a>
          </p>
          <h1>{productId ? name || 'Product' : 'New product'}</h1>
        </div>
        <div className="actions">
          {productId && status === 'archived' && (
            <button type="button" className="ghost" onClick={() => changeStatus('active')} disabled={busy}>
              Restore
            </button>
          )}
          {productId && (
            <button type="button" className="ghost danger" onClick={remove}>
              Delete
            </button>
          )}
          <button className="primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : productId ? 'Save' : 'Create product'}
          </button>
        </div>
      </header>
      <ErrorText error={saveError} testId="save-error" />
      {archiveOffered && status !== 'archived' && (
        <p>
          <button type="button" onClick={() => changeStatus('archived')} disabled={busy}>
            Archive instead
          </button>
        </p>
      )}
      {saved && <Notice>{saved}</Notice>}
      {status === 'archived' && !saved && <p className="notice">Archived: kept with its stock history and store links, and left out of publishing. Restore it to use it again.</p>}
      {missing.length > 0 && (
        <p className="notice warn">In Unallocated until these are filled in: {missing.map((f) => missingFieldLabels[f] ?? f).join(', ').toLowerCase()}.</p>
      )}

      <div className="editor-columns">
        <div className="card">
          <h2>Details</h2>
          <label>
            Name
            <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <label>
            Description
            <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
          </label>
          <div className="form-grid">
            {select('Product group', groupId, setGroupId, master.data['product-groups'].filter((g) => g.name.toLowerCase() !== 'unallocated'))}
            {select('Brand', brandId, setBrandId, master.data.brands)}
            {select('Supplier', supplierId, setSupplierId, master.data.suppliers)}
            {select('Tax group', taxGroupId, setTaxGroupId, master.data['tax-groups'])}
          </div>
          <fieldset className="inline-options">
            <legend>Product type</legend>
            <label>
              <input type="radio" name="productType" checked={productType === 'fixed'} onChange={() => setProductType('fixed')} /> Fixed (whole items)
            </label>
            <label>
              <input type="radio" name="productType" checked={productType === 'per_unit'} onChange={() => setProductType('per_unit')} /> Per unit
            </label>
            {productType === 'per_unit' && (
              <label className="unit">
                Unit
                <input value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="ft, m, kg, pint…" required />
              </label>
            )}
          </fieldset>
          <label className="switch">
            <input type="checkbox" checked={ecommerce} onChange={(e) => setEcommerce(e.target.checked)} /> Ecommerce — should be on the website
          </label>
        </div>

        <div className="card">
          <h2>Stores</h2>
          {stores === null && <Loading what="stores" />}
          {stores?.length === 0 && <p className="muted">No store connected yet. Connect one under Marketplace → Stores.</p>}
          <ul className="fit-list" data-testid="store-fits">
            {fits.map((fit) => (
              <li key={fit.store.id} className={`fit ${fit.verdict}`}>
                {fit.message}
                {serverFits[fit.store.id] && <div className="small">On publishing: {serverFits[fit.store.id]}</div>}
              </li>
            ))}
          </ul>
        </div>
      </div>

      <div className="card">
        <div className="panel-head">
          <h2>Attributes</h2>
          <button
            type="button"
            onClick={() => changeAttributes([...attributes, { name: '', valuesText: '' }])}
            disabled={attributes.length >= MAX_ATTRIBUTES}
          >
            Add attribute
          </button>
        </div>
        {attributes.length === 0 && <p className="muted">No attributes: the product has one variant. Add up to {MAX_ATTRIBUTES} (Color, Size, Length…).</p>}
        {attributes.map((row, index) => (
          <div className="attribute-row" key={index} data-testid="attribute-row">
            <label>
              Attribute {index + 1}
              <input
                aria-label={`Attribute ${index + 1} name`}
                value={row.name}
                placeholder="Color"
                onChange={(e) => changeAttributes(attributes.map((r, i) => (i === index ? { ...r, name: e.target.value } : r)))}
              />
            </label>
            <label className="grow">
              Values (comma separated)
              <input
                aria-label={`Attribute ${index + 1} values`}
                value={row.valuesText}
                placeholder="Red, Blue, Green"
                onChange={(e) => changeAttributes(attributes.map((r, i) => (i === index ? { ...r, valuesText: e.target.value } : r)))}
              />
            </label>
            <button type="button" className="ghost" aria-label={`Remove attribute ${index + 1}`} onClick={() => changeAttributes(attributes.filter((_, i) => i !== index))}>
              ✕
            </button>
          </div>
        ))}
        {attributes.length >= MAX_ATTRIBUTES && <p className="muted small">A product takes at most {MAX_ATTRIBUTES} attributes.</p>}
      </div>

      <div className="card">
        <div className="panel-head">
          <h2>
            Variants <span className="muted">({variants.length})</span>
          </h2>
          <div className="actions">
            <button type="button" onClick={() => setVariants(suggestSkus(name, variants))}>
              Fill empty SKUs
            </button>
            <button type="button" onClick={copyPriceToAll}>
              Copy price to all
            </button>
          </div>
        </div>
        <div className="table-scroll">
          <table className="matrix" data-testid="variant-matrix">
            <thead>
              <tr>
                {cleanAttrs.map((a) => (
                  <th key={a.name}>{a.name}</th>
                ))}
                <th>SKU</th>
                <th>Barcode</th>
                <th>Price</th>
                <th>Cost</th>
              </tr>
            </thead>
            <tbody>
              {variants.map((row, index) => (
                <tr key={row.values.join('/') || index} className={rowErrors[index] ? 'has-error' : ''}>
                  {row.values.map((value, i) => (
                    <td key={i} className="value">
                      {value}
                    </td>
                  ))}
                  {(['sku', 'barcode', 'price', 'costPrice'] as const).map((field) => (
                    <td key={field} className={field === 'sku' ? 'sku' : undefined}>
                      <input
                        aria-label={`${field} ${row.values.join(' / ') || 'default'}`}
                        value={row[field]}
                        inputMode={field === 'price' || field === 'costPrice' ? 'decimal' : undefined}
                        onChange={(e) => setVariantField(index, field, e.target.value)}
                      />
                    </td>
                  ))}
                  {rowErrors[index] && <td className="error small">{rowErrors[index]}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </form>
  );
}

/** The variant row an API error points at, when its details carry a path like ["variants", 2, "sku"]. */
function variantIndexOf(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as { path?: unknown[]; index?: number; variantIndex?: number } | undefined;
  if (typeof details?.variantIndex === 'number') return details.variantIndex;
  const path = Array.isArray(details?.path) ? details.path : [];
  const at = path.indexOf('variants');
  return at >= 0 && typeof path[at + 1] === 'number' ? (path[at + 1] as number) : null;
}
