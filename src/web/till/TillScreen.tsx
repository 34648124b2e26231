// The till: scan or type a SKU or barcode, a quantity (decimal for per-unit products), Sell or
// Return. An unknown code can be sold as an unallocated item, to be finished under Unallocated.
// The lookup (the variant list) leaves archived products out; a scanned code of one still sells,
// and the sale's answer warns that it is archived (decision 40).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, errorSentence } from '../api/client.ts';
import type { Page, Product, Variant } from '../api/types.ts';
import { useMasterData } from '../ui/useMasterData.ts';
import { ErrorText } from '../ui/feedback.tsx';

interface Match {
  variant: Variant;
  productType: string | null;
  unit: string | null;
}

interface TicketLine {
  at: string;
  kind: 'sale' | 'return';
  label: string;
  quantity: number;
  stock: string;
}

interface SaleResult {
  reference: string;
  lines: { variantId: string; productId: string; sku: string | null; quantity: number; onHand: number; created: boolean; archived?: boolean }[];
  warnings?: string[];
}

const QUANTITY = /^\d+(\.\d{1,3})?$/;

export function TillScreen() {
  const master = useMasterData();
  const codeInput = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [match, setMatch] = useState<Match | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [quantityError, setQuantityError] = useState<string | null>(null);
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [price, setPrice] = useState('');
  const [taxGroupId, setTaxGroupId] = useState('');
  const [unallocatedError, setUnallocatedError] = useState<string | null>(null);
  const [ticket, setTicket] = useState<TicketLine[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => codeInput.current?.focus(), []);

  // Look the code up as it is typed, to say what it is and whether it sells by the unit.
  useEffect(() => {
    const typed = code.trim();
    setMatch(null);
    if (!typed) return;
    const timer = setTimeout(async () => {
      try {
        const page = await api.get<Page<Variant & { productType?: string; unit?: string }>>('/api/variants', { q: typed, pageSize: 10 });
        const found = page.items.find(
          (v) => v.sku?.toLowerCase() === typed.toLowerCase() || v.barcode === typed,
        );
        if (!found) return;
        let productType = found.productType ?? null;
        let unit = found.unit ?? null;
        if (!productType && found.productId) {
          const product = await api.get<Product>(`/api/products/${found.productId}`);
          productType = product.productType;
          unit = product.unit;
        }
        setMatch({ variant: found, productType, unit });
      } catch {
        setMatch(null);
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [code]);

  function readQuantity(): number | null {
    const text = quantity.trim();
    if (!QUANTITY.test(text) || Number(text) === 0) {
      setQuantityError('Enter a quantity above 0, with at most 3 decimals.');
      return null;
    }
    if (match && match.productType !== 'per_unit' && !Number.isInteger(Number(text))) {
      setQuantityError(`“${match.variant.productName ?? match.variant.sku}” is sold as whole items; enter a whole number.`);
      return null;
    }
    setQuantityError(null);
    return Number(text);
  }

  async function ring(kind: 'sale' | 'return') {
    const typed = code.trim();
    if (!typed) {
      setError('Scan or type a SKU or barcode first.');
      return;
    }
    const qty = readQuantity();
    if (qty === null) return;
    setBusy(true);
    setError(null);
    setWarning(null);
    setUnknownCode(null);
    try {
      const result = await api.post<SaleResult>('/api/till/sales', { kind, lines: [{ code: typed, quantity: qty }] });
      const line = result?.lines?.[0];
      const label = match
        ? `${match.variant.productName ?? ''} ${match.variant.values?.join(' / ') ?? ''} (${match.variant.sku ?? typed})`.trim()
        : `${line?.sku ?? typed}${line?.archived ? ' (archived product)' : ''}`;
      if (result?.warnings?.length) setWarning(result.warnings.map((text) => text.replace(/^Line 1: /, '')).join(' '));
      const stock = line ? `${line.onHand} on hand` : '';
      setTicket((lines) => [{ at: new Date().toLocaleTimeString(), kind, label, quantity: qty, stock }, ...lines].slice(0, 20));
      setCode('');
      setQuantity('1');
      codeInput.current?.focus();
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 404 || /unknown|not.?found/i.test(caught.code)) && kind === 'sale') {
        setUnknownCode(typed);
        setDescription('');
        setPrice('');
      }
      setError(errorSentence(caught));
    } finally {
      setBusy(false);
    }
  }

  async function sellUnallocated(event: FormEvent) {
    event.preventDefault();
    const qty = readQuantity();
    if (qty === null) return;
    setUnallocatedError(null);
    setWarning(null);
    try {
      await api.post('/api/till/sales', {
        kind: 'sale',
        lines: [{ unallocated: { description: description.trim(), price: price.trim(), ...(taxGroupId ? { taxGroupId } : {}) }, quantity: qty }],
      });
      setTicket((lines) => [{ at: new Date().toLocaleTimeString(), kind: 'sale' as const, label: `${description.trim()} (unallocated)`, quantity: qty, stock: '' }, ...lines].slice(0, 20));
      setUnknownCode(null);
      setError(null);
      setCode('');
      setQuantity('1');
    } catch (caught) {
      setUnallocatedError(errorSentence(caught));
    }
  }

  return (
    <section className="screen till">
      <header className="screen-head">
        <div>
          <p className="crumbs">Point of sale</p>
          <h1>Till</h1>
        </div>
      </header>
      <form className="card till-form" onSubmit={(e) => { e.preventDefault(); void ring('sale'); }} aria-label="Till">
        <label className="grow">
          SKU or barcode
          <input ref={codeInput} name="code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" placeholder="Scan or type" />
        </label>
        <label>
          Quantity{match?.productType === 'per_unit' && match.unit ? ` (${match.unit})` : ''}
          <input name="quantity" value={quantity} onChange={(e) => setQuantity(e.target.value)} inputMode="decimal" />
        </label>
        <div className="till-buttons">
          <button className="primary" type="submit" disabled={busy}>
            Sell
          </button>
          <button type="button" onClick={() => void ring('return')} disabled={busy}>
            Return
          </button>
        </div>
      </form>
      {match && (
        <p className="muted" data-testid="till-match">
          {match.variant.productName} {match.variant.values?.length ? `— ${match.variant.values.join(' / ')}` : ''} · {match.variant.price ?? ''}
          {match.productType === 'per_unit' ? ` per ${match.unit ?? 'unit'}` : ''}
        </p>
      )}
      <ErrorText error={quantityError} />
      <ErrorText error={error} testId="till-error" />
      {warning && (
        <p className="notice warn" role="status" data-testid="till-warning">
          {warning}
        </p>
      )}
      {unknownCode && (
        <form className="card" onSubmit={sellUnallocated} aria-label="Sell as unallocated item">
          <h2>Sell “{unknownCode}” as an unallocated item</h2>
          <p className="muted small">It will wait under Inventory → Unallocated to be finished.</p>
          <div className="form-grid">
            <label>
              Description
              <input name="description" value={description} onChange={(e) => setDescription(e.target.value)} required />
            </label>
            <label>
              Price
              <input name="price" value={price} onChange={(e) => setPrice(e.target.value)} inputMode="decimal" required />
            </label>
            <label>
              Tax group
              <select value={taxGroupId} onChange={(e) => setTaxGroupId(e.target.value)} aria-label="Tax group">
                <option value="">— none —</option>
                {master.data['tax-groups'].map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ErrorText error={unallocatedError} />
          <div className="actions">
            <button className="primary" type="submit">
              Sell unallocated item
            </button>
          </div>
        </form>
      )}
      <div className="card">
        <h2>This session</h2>
        {ticket.length === 0 ? (
          <p className="muted">No sales yet.</p>
        ) : (
          <ul className="ticket" data-testid="till-ticket">
            {ticket.map((line, i) => (
              <li key={i}>
                <span className="muted small">{line.at}</span> {line.kind === 'sale' ? 'Sold' : 'Returned'} {line.quantity} × {line.label}
                {line.stock && <span className="muted"> · {line.stock}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
