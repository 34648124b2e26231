// Connect a store: the API checks the credentials against the store before saving anything,
// so a wrong token is said here, next to the form.
import { useState, type FormEvent } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { MasterItem, Store } from '../api/types.ts';
import { ErrorText } from '../ui/feedback.tsx';

const credentialFields: Record<string, { key: string; label: string; secret: boolean }[]> = {
  shopify: [{ key: 'accessToken', label: 'Admin API access token', secret: true }],
  woocommerce: [
    { key: 'consumerKey', label: 'Consumer key', secret: false },
    { key: 'consumerSecret', label: 'Consumer secret', secret: true },
  ],
  bigcommerce: [
    { key: 'storeHash', label: 'Store hash', secret: false },
    { key: 'accessToken', label: 'Access token', secret: true },
  ],
};

const urlHints: Record<string, string> = {
  shopify: 'https://your-shop.myshopify.com',
  woocommerce: 'https://your-site.example',
  bigcommerce: 'https://api.bigcommerce.com',
};

interface Props {
  locations: MasterItem[];
  onConnected(store: Store, importNow: boolean): void;
  onCancel(): void;
}

export function ConnectStoreForm({ locations, onConnected, onCancel }: Props) {
  const [platform, setPlatform] = useState('shopify');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [locationId, setLocationId] = useState('');
  const [ordersLocationId, setOrdersLocationId] = useState('');
  const [buffer, setBuffer] = useState('0');
  const [attributePolicy, setAttributePolicy] = useState<'merge' | 'skip'>('merge');
  const [importNow, setImportNow] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const bufferNumber = Number(buffer || '0');
    if (!Number.isInteger(bufferNumber) || bufferNumber < 0) {
      setError('The safety buffer must be a whole number of 0 or more.');
      setBusy(false);
      return;
    }
    try {
      const fields = credentialFields[platform] ?? [];
      const body = {
        platform,
        url: url.trim(),
        credentials: Object.fromEntries(fields.map((f) => [f.key, (credentials[f.key] ?? '').trim()])),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(locationId ? { locationId } : {}),
        ...(ordersLocationId ? { ordersLocationId } : {}),
        buffer: bufferNumber,
        attributePolicy,
      };
      const store = await api.post<Store>('/api/stores', body);
      onConnected(store, importNow);
    } catch (caught) {
      setError(errorSentence(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card connect-form" onSubmit={submit} aria-label="Connect a store">
      <div className="panel-head">
        <h2>Connect a store</h2>
        <button type="button" className="ghost" onClick={onCancel} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="form-grid">
        <label>
          Platform
          <select value={platform} onChange={(e) => { setPlatform(e.target.value); setCredentials({}); }}>
            <option value="shopify">Shopify</option>
            <option value="woocommerce">WooCommerce</option>
            <option value="bigcommerce">BigCommerce</option>
          </select>
        </label>
        <label>
          Store address
          <input name="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder={urlHints[platform]} required />
        </label>
        {(credentialFields[platform] ?? []).map((field) => (
          <label key={`${platform}-${field.key}`}>
            {field.label}
            <input
              name={field.key}
              type={field.secret ? 'password' : 'text'}
              autoComplete="off"
              value={credentials[field.key] ?? ''}
              onChange={(e) => setCredentials({ ...credentials, [field.key]: e.target.value })}
              required
            />
          </label>
        ))}
        <label>
          Name (optional)
          <input name="storeName" value={name} onChange={(e) => setName(e.target.value)} placeholder="The store's own name" />
        </label>
        <label>
          Stock shown from
          <select value={locationId} onChange={(e) => setLocationId(e.target.value)} aria-label="Stock shown from">
            <option value="">Main (default)</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Orders taken from stock at
          <select value={ordersLocationId} onChange={(e) => setOrdersLocationId(e.target.value)} aria-label="Orders location">
            <option value="">Main (default)</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Safety buffer
          <input name="buffer" value={buffer} onChange={(e) => setBuffer(e.target.value)} inputMode="numeric" />
        </label>
        <label>
          More attributes than the store takes
          <select value={attributePolicy} onChange={(e) => setAttributePolicy(e.target.value as 'merge' | 'skip')} aria-label="Attribute policy">
            <option value="merge">Merge the surplus into the last option</option>
            <option value="skip">Keep such products off this store</option>
          </select>
        </label>
      </div>
      <label className="switch">
        <input type="checkbox" checked={importNow} onChange={(e) => setImportNow(e.target.checked)} /> Import the store's catalogue now
      </label>
      <ErrorText error={error} testId="connect-error" />
      <div className="actions">
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Checking the credentials…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
