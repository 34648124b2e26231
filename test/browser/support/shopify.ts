// The Shopify emulator in process (over real HTTP), with no artificial delays, and its control routes.
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';

export interface EmulatedVariant {
  id: string;
  sku: string | null;
  options: string[];
  quantities: Record<string, number>;
}

export interface EmulatedProduct {
  id: string;
  title: string;
  status: string;
  variants: EmulatedVariant[];
}

export interface EmulatorState {
  locations: { id: string; name: string }[];
  products: EmulatedProduct[];
}

export async function startShopify(): Promise<EmulatorHandle & { state(): Promise<EmulatorState> }> {
  const emulator = await start({ seed: 'empty', delayMs: 0 });
  return {
    ...emulator,
    async state() {
      const response = await fetch(`${emulator.url}/__emulator/state`);
      if (!response.ok) throw new Error(`emulator state: ${response.status}`);
      return (await response.json()) as EmulatorState;
    },
  };
}

/** Sum of a variant's quantities over the store's locations. */
export function quantityOf(state: EmulatorState, sku: string): number | undefined {
  for (const product of state.products) {
    const variant = product.variants.find((v) => v.sku === sku);
    if (variant) return Object.values(variant.quantities).reduce((sum, q) => sum + q, 0);
  }
  return undefined;
}
