// A GraphQL document the connector sends, with the requested query cost it is estimated to have.
// Shopify refuses a query whose requested cost exceeds what the bucket holds, so the governor is
// asked for the estimate before sending (rule 3). Estimates follow Shopify's published method:
// object 1, scalar/enum 0, connection 2 + first × node cost, mutation 10 plus its selection.
export interface ShopifyOperation<Variables> {
  /** The operation name inside `document`. */
  readonly name: string;
  readonly document: string;
  readonly estimateCost: (variables: Variables) => number;
}

export function operation<Variables>(
  name: string,
  document: string,
  estimateCost: (variables: Variables) => number,
): ShopifyOperation<Variables> {
  return { name, document, estimateCost };
}
