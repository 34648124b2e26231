import { operation } from './operation.ts';

/**
 * Sets `available` at one location for up to 250 inventory items. Since 2026-04 every row must
 * carry changeFromQuantity (null skips the check) and the mutation must carry @idempotent.
 * The selection is kept small: a mutation costs 10 and pushes are paid for by the request.
 */
export const inventorySetQuantities = operation<{ key: string; input: Record<string, unknown> }>(
  'InventorySetQuantities',
  /* GraphQL */ `
    mutation InventorySetQuantities($input: InventorySetQuantitiesInput!, $key: String!) {
      inventorySetQuantities(input: $input) @idempotent(key: $key) {
        inventoryAdjustmentGroup { id }
        userErrors { field message code }
      }
    }
  `,
  () => 11,
);

/**
 * Stocks an inventory item at a location that does not stock it yet, with its first `available`
 * quantity. @idempotent is required since 2026-04. Estimate: mutation 10 + inventoryLevel 1.
 */
export const inventoryActivate = operation<{ key: string; inventoryItemId: string; locationId: string; available: number }>(
  'InventoryActivate',
  /* GraphQL */ `
    mutation InventoryActivate($inventoryItemId: ID!, $locationId: ID!, $available: Int, $key: String!) {
      inventoryActivate(inventoryItemId: $inventoryItemId, locationId: $locationId, available: $available) @idempotent(key: $key) {
        inventoryLevel { id }
        userErrors { field message }
      }
    }
  `,
  () => 11,
);
