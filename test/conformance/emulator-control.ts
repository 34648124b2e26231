// The shared /__emulator/ control routes (CONTRACT.md), the same on every platform's emulator.
// The conformance suite sees the store through these and the Channel interface only.
import { z } from 'zod';

const stateSchema = z.object({
  locations: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), name: z.string() })),
  products: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      title: z.string(),
      handle: z.string().nullish(),
      status: z.string(),
      description: z.string().nullish(),
      variants: z.array(
        z.object({
          id: z.union([z.string(), z.number()]).transform(String),
          sku: z.string().nullish(),
          barcode: z.string().nullish(),
          price: z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? null : String(v))),
          options: z.array(z.string()),
          quantities: z.record(z.string(), z.number()),
        }),
      ),
    }),
  ),
});

export type EmulatorState = z.infer<typeof stateSchema>;
export type EmulatorProduct = EmulatorState['products'][number];

const createdOrderSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), name: z.string() });

export interface EmulatorControl {
  state(): Promise<EmulatorState>;
  createOrder(lines: Array<{ sku: string; quantity: number }>): Promise<{ id: string; name: string }>;
  cancelOrder(id: string, restock: boolean): Promise<void>;
  setInventory(sku: string, quantity: number, location?: string): Promise<void>;
  reset(): Promise<void>;
}

export function emulatorControl(origin: string): EmulatorControl {
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${origin.replace(/\/+$/, '')}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /__emulator${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text === '' ? null : JSON.parse(text);
  }
  return {
    async state() {
      return stateSchema.parse(await call('GET', '/state'));
    },
    async createOrder(lines) {
      return createdOrderSchema.parse(await call('POST', '/orders', { lines }));
    },
    async cancelOrder(id, restock) {
      await call('POST', `/orders/${encodeURIComponent(id)}/cancel`, { restock });
    },
    async setInventory(sku, quantity, location) {
      await call('POST', '/inventory', location === undefined ? { sku, quantity } : { sku, quantity, location });
    },
    async reset() {
      await call('POST', '/reset');
    },
  };
}

export function findBySku(state: EmulatorState, sku: string) {
  for (const product of state.products) {
    const variant = product.variants.find((v) => v.sku === sku);
    if (variant) return { product, variant };
  }
  return null;
}
