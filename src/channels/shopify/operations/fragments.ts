// Selections shared by several product documents. They use the operation's $locationId
// variable so a product read carries the quantity at the store's mapped location.

/** Cost of one variant node as selected below: variant, selectedOptions, inventoryItem, inventoryLevel, quantities. */
export const VARIANT_NODE_COST = 5;

export const VARIANT_FIELDS = /* GraphQL */ `
  fragment VariantFields on ProductVariant {
    id
    sku
    barcode
    price
    selectedOptions { name value }
    inventoryItem {
      id
      tracked
      inventoryLevel(locationId: $locationId) {
        quantities(names: ["available"]) { name quantity }
      }
    }
  }
`;

/** Cost of the product fields below without its variants connection: product, options. */
export const PRODUCT_BASE_COST = 2;

export const PRODUCT_FIELDS = /* GraphQL */ `
  fragment ProductFields on Product {
    id
    handle
    title
    descriptionHtml
    status
    updatedAt
    options { name position values }
    variants(first: $variantsFirst) {
      pageInfo { hasNextPage endCursor }
      nodes { ...VariantFields }
    }
  }
  ${VARIANT_FIELDS}
`;

export function productCost(variantsFirst: number): number {
  return PRODUCT_BASE_COST + 2 + variantsFirst * VARIANT_NODE_COST;
}
