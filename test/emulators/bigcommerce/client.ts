// A bare HTTP client for the BigCommerce emulator in tests (not the connector: tests speak the wire format).
import type { BigCommerceEmulatorHandle } from '../../../emulators/bigcommerce/index.ts';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export function bigCommerceClient(handle: BigCommerceEmulatorHandle, token = handle.credentials.accessToken) {
  const base = `${handle.url}/stores/${handle.credentials.storeHash}`;
  async function call(method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'x-auth-token': token, accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
    control: async (method: string, path: string, body?: unknown): Promise<Answer> => {
      const response = await fetch(`${handle.url}/__emulator${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
    },
  };
}

export const shirt = {
  name: 'Test Shirt',
  type: 'physical',
  weight: 0.3,
  price: 20,
  inventory_tracking: 'variant',
  is_visible: false,
  variants: [
    { sku: 'TS-RED-S', price: 20, inventory_level: 5, option_values: [{ option_display_name: 'Color', label: 'Red' }, { option_display_name: 'Size', label: 'S' }] },
    { sku: 'TS-RED-M', price: 20, inventory_level: 6, option_values: [{ option_display_name: 'Color', label: 'Red' }, { option_display_name: 'Size', label: 'M' }] },
    { sku: 'TS-BLU-S', price: 21, inventory_level: 7, option_values: [{ option_display_name: 'Color', label: 'Blue' }, { option_display_name: 'Size', label: 'S' }] },
  ],
};
