// Bulk edit of the selected products: each field is left alone unless the user picks a value.
import { useState, type FormEvent } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { MasterData } from '../ui/useMasterData.ts';
import { ErrorText } from '../ui/feedback.tsx';

interface Props {
  productIds: string[];
  master: MasterData;
  onDone(message: string): void;
  onClose(): void;
}

type Changes = {
  productGroupId?: string;
  brandId?: string;
  supplierId?: string;
  productType?: 'fixed' | 'per_unit';
  unit?: string;
  taxGroupId?: string;
  costPrice?: string;
  ecommerce?: boolean;
  status?: 'archived' | 'active';
};

export function BulkEditPanel({ productIds, master, onDone, onClose }: Props) {
  const [group, setGroup] = useState('');
  const [brand, setBrand] = useState('');
  const [supplier, setSupplier] = useState('');
  const [type, setType] = useState('');
  const [unit, setUnit] = useState('');
  const [taxGroup, setTaxGroup] = useState('');
  const [costPrice, setCostPrice] = useState('');
  const [ecommerce, setEcommerce] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const changes: Changes = {};
  if (group) changes.productGroupId = group;
  if (brand) changes.brandId = brand;
  if (supplier) changes.supplierId = supplier;
  if (type === 'fixed' || type === 'per_unit') changes.productType = type;
  if (type === 'per_unit' && unit.trim()) changes.unit = unit.trim();
  if (taxGroup) changes.taxGroupId = taxGroup;
  if (costPrice.trim()) changes.costPrice = costPrice.trim();
  if (ecommerce) changes.ecommerce = ecommerce === 'on';
  if (status === 'archived' || status === 'active') changes.status = status;
  const count = Object.keys(changes).length;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/products/bulk-edit', { productIds, changes });
      const products = `${productIds.length} product${productIds.length === 1 ? '' : 's'}`;
      onDone(
        changes.status === 'archived'
          ? `${products} archived: kept with stock history and store links, and shown under Status → Archived.`
          : changes.status === 'active'
            ? `${products} restored.`
            : `${products} updated.`,
      );
    } catch (caught) {
      setError(errorSentence(caught));
    } finally {
      setBusy(false);
    }
  }

  const select = (label: string, value: string, set: (v: string) => void, items: { id: string; name: string }[]) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)} aria-label={label}>
        <option value="">Leave unchanged</option>
        {items
          .filter((item) => item.name.toLowerCase() !== 'unallocated')
          .map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
      </select>
    </label>
  );

  return (
    <form className="card bulk-panel" onSubmit={submit} aria-label="Bulk edit">
      <div className="panel-head">
        <h2>
          Bulk edit {productIds.length} product{productIds.length === 1 ? '' : 's'}
        </h2>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close bulk edit">
          ✕
        </button>
      </div>
      <div className="form-grid">
        {select('Product group', group, setGroup, master['product-groups'])}
        {select('Brand', brand, setBrand, master.brands)}
        {select('Supplier', supplier, setSupplier, master.suppliers)}
        <label>
          Product type
          <select value={type} onChange={(e) => setType(e.target.value)} aria-label="Product type">
            <option value="">Leave unchanged</option>
            <option value="fixed">Fixed</option>
            <option value="per_unit">Per unit</option>
          </select>
        </label>
        {type === 'per_unit' && (
          <label>
            Unit
            <input value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="ft, m, kg, pint…" aria-label="Unit" />
          </label>
        )}
        {select('Tax group', taxGroup, setTaxGroup, master['tax-groups'])}
        <label>
          Cost price
          <input value={costPrice} onChange={(e) => setCostPrice(e.target.value)} inputMode="decimal" placeholder="Leave unchanged" aria-label="Cost price" />
        </label>
        <label>
          Ecommerce
          <select value={ecommerce} onChange={(e) => setEcommerce(e.target.value)} aria-label="Ecommerce">
            <option value="">Leave unchanged</option>
            <option value="on">On (should be on the website)</option>
            <option value="off">Off</option>
          </select>
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label="Status">
            <option value="">Leave unchanged</option>
            <option value="archived">Archive (keep history, hide from lists and the till)</option>
            <option value="active">Restore (active)</option>
          </select>
        </label>
      </div>
      <ErrorText error={error} testId="bulk-error" />
      <div className="actions">
        <button className="primary" type="submit" disabled={busy || count === 0 || productIds.length === 0}>
          {busy ? 'Applying…' : `Apply ${count} change${count === 1 ? '' : 's'}`}
        </button>
      </div>
    </form>
  );
}
