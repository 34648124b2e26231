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
