import { operation } from './operation.ts';

export const bulkOperationRunQuery = operation<{ query: string }>(
  'BulkOperationRunQuery',
  /* GraphQL */ `
    mutation BulkOperationRunQuery($query: String!) {
      bulkOperationRunQuery(query: $query, groupObjects: false) {
        bulkOperation { id status }
        userErrors { field message code }
      }
    }
  `,
  () => 11,
);

export const bulkOperationPoll = operation<{ id: string }>(
  'BulkOperationPoll',
  /* GraphQL */ `
    query BulkOperationPoll($id: ID!) {
      bulkOperation(id: $id) { id status errorCode objectCount url }
    }
  `,
  () => 1,
);

// The inner queries of bulk exports cannot take variables, so the location id is written into
// the text. It is a GID we read from Shopify; JSON.stringify gives a valid GraphQL string literal.

/** Every product with its options and variants, each variant with its available quantity at the location. */
export function catalogExportQuery(locationId: string): string {
  return /* GraphQL */ `
    {
      products {
        edges { node {
          id handle title descriptionHtml status updatedAt
          options { name position values }
          variants { edges { node {
            id sku barcode price
            selectedOptions { name value }
            inventoryItem {
              id tracked
              inventoryLevel(locationId: ${JSON.stringify(locationId)}) { quantities(names: ["available"]) { name quantity } }
            }
          } } }
        } }
      }
    }
  `;
}

/** Every variant's inventory item and its available quantity at the location (for drift checks). */
export function quantityExportQuery(locationId: string): string {
  return /* GraphQL */ `
    {
      products {
        edges { node {
          id
          variants { edges { node {
            id sku
            inventoryItem {
              id tracked
              inventoryLevel(locationId: ${JSON.stringify(locationId)}) { quantities(names: ["available"]) { name quantity } }
            }
          } } }
        } }
      }
    }
  `;
}
