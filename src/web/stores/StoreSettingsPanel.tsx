// A store's settings: safety buffer, attribute policy, location mapping.
import { useState, type FormEvent } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { MasterItem, Store } from '../api/types.ts';
import { ErrorText, Notice } from '../ui/feedback.tsx';

export function StoreSettingsPanel({ store, locations, onSaved }: { store: Store; locations: MasterItem[]; onSaved(): void }) {
  const [buffer, setBuffer] = useState(String(store.buffer ?? 0));
  const [attributePolicy, setAttributePolicy] = useState(store.attributePolicy ?? 'merge');
  const [locationId, setLocationId] = useState(store.locationId ?? '');
  const [ordersLocationId, setOrdersLocationId] = useState(store.ordersLocationId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const bufferNumber = Number(buffer);
    if (!Number.isInteger(bufferNumber) || bufferNumber < 0) {
      setError('The safety buffer must be a whole number of 0 or more.');
      return;
    }
    try {
      await api.patch(`/api/stores/${store.id}`, {
        buffer: bufferNumber,
        attributePolicy,
        ...(locationId ? { locationId } : {}),
        ...(ordersLocationId ? { ordersLocationId } : {}),
      });
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(errorSentence(caught));
    }
  }

  const locationSelect = (label: string, value: string, set: (v: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        <option value="">Main (default)</option>
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="card" onSubmit={submit} aria-label="Store settings">
      <div className="form-grid">
        <label>
          Safety buffer
          <input value={buffer} onChange={(e) => setBuffer(e.target.value)} inputMode="numeric" />
        </label>
        <label>
          More attributes than the store takes
          <select value={attributePolicy} onChange={(e) => setAttributePolicy(e.target.value as 'merge' | 'skip')}>
            <option value="merge">Merge the surplus into the last option</option>
            <option value="skip">Keep such products off this store</option>
          </select>
        </label>
        {locationSelect('Stock shown from', locationId, setLocationId)}
        {locationSelect('Orders taken from stock at', ordersLocationId, setOrdersLocationId)}
      </div>
      <ErrorText error={error} />
      {saved && <Notice>Settings saved.</Notice>}
      <div className="actions">
        <button className="primary" type="submit">
          Save settings
        </button>
      </div>
    </form>
  );
}
