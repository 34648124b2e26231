import { operation } from './operation.ts';
import { PRODUCT_FIELDS, VARIANT_FIELDS, VARIANT_NODE_COST, productCost } from './fragments.ts';

/** Variants read with a product in one request; larger products page through `productVariantsPage`. */
export const VARIANTS_PER_REQUEST = 100;

interface ProductRead {
  locationId: string;
  variantsFirst: number;
}

export const productById = operation<ProductRead & { id: string }>(
  'ProductById',
  /* GraphQL */ `
    query ProductById($id: ID!, $locationId: ID!, $variantsFirst: Int!) {
      product(id: $id) { ...ProductFields }
    }
    ${PRODUCT_FIELDS}
  `,
  (v) => productCost(v.variantsFirst),
);

/** Looks a handle up through the products search (productByIdentifier is the newer way; this one is answered everywhere). */
export const productsByHandle = operation<{ query: string; first: number }>(
  'ProductsByHandle',
  /* GraphQL */ `
    query ProductsByHandle($query: String!, $first: Int!) {
      products(first: $first, query: $query) {
        nodes { id handle }
      }
    }
  `,
  (v) => 2 + v.first,
);

export const productVariantsPage = operation<{ id: string; locationId: string; first: number; after: string }>(
  'ProductVariantsPage',
  /* GraphQL */ `
    query ProductVariantsPage($id: ID!, $locationId: ID!, $first: Int!, $after: String!) {
      product(id: $id) {
        variants(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { ...VariantFields }
        }
      }
    }
    ${VARIANT_FIELDS}
  `,
  (v) => 1 + 2 + v.first * VARIANT_NODE_COST,
);

export const variantsBySku = operation<{ query: string; first: number }>(
  'VariantsBySku',
  /* GraphQL */ `
    query VariantsBySku($query: String!, $first: Int!) {
      productVariants(first: $first, query: $query) {
        nodes { id sku product { id } }
      }
    }
  `,
  (v) => 2 + v.first * 2,
);

/** Creates (identifier: handle) or updates (identifier: id) a product with all its variants. */
export const productSet = operation<{
  identifier: { handle: string } | { id: string };
  input: Record<string, unknown>;
  locationId: string;
  variantsFirst: number;
}>(
  'ProductSet',
  /* GraphQL */ `
    mutation ProductSet($identifier: ProductSetIdentifiers, $input: ProductSetInput!, $locationId: ID!, $variantsFirst: Int!) {
      productSet(synchronous: true, identifier: $identifier, input: $input) {
        product { ...ProductFields }
        userErrors { field message code }
      }
    }
    ${PRODUCT_FIELDS}
  `,
  (v) => 10 + productCost(v.variantsFirst),
);
