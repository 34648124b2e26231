// A tiny test client for the Shopify emulator: GraphQL over real HTTP plus the control routes.
import type { EmulatorHandle } from '../../../emulators/emulator.ts';

export const GRAPHQL_PATH = '/admin/api/2026-07/graphql.json';

export interface GraphQLBody {
  data?: any;
  errors?: any;
  extensions?: any;
}

export function shopifyClient(emu: EmulatorHandle) {
  const gql = async (query: string, variables: Record<string, unknown> = {}, token = emu.credentials.accessToken) => {
    const response = await fetch(emu.url + GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLBody };
  };
  const control = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(`${emu.url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  return { gql, control };
}

export const LEVEL_QUERY = `query Level($id: ID!) {
  inventoryItem(id: $id) {
    id sku
    inventoryLevels(first: 5) { nodes { location { id } quantities(names: ["available", "on_hand", "committed"]) { name quantity } } }
  }
}`;

/** { available, on_hand, committed } of an inventory item at a location. */
export async function quantitiesAt(client: ReturnType<typeof shopifyClient>, itemId: string, locationId: string) {
  const { body } = await client.gql(LEVEL_QUERY, { id: itemId });
  const level = body.data.inventoryItem.inventoryLevels.nodes.find((n: any) => n.location.id === locationId);
  return Object.fromEntries(level.quantities.map((q: any) => [q.name, q.quantity])) as Record<'available' | 'on_hand' | 'committed', number>;
}

export const VARIANT_BY_SKU = `query V($q: String!) { productVariants(first: 5, query: $q) { nodes { id sku inventoryItem { id } product { id } } } }`;

export async function variantBySku(client: ReturnType<typeof shopifyClient>, sku: string) {
  const { body } = await client.gql(VARIANT_BY_SKU, { q: `sku:${sku}` });
  return body.data.productVariants.nodes[0] as { id: string; sku: string; inventoryItem: { id: string }; product: { id: string } };
}
