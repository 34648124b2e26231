import { operation } from './operation.ts';

export const LOCATIONS_FIRST = 50;

export const identifyShop = operation<Record<string, never>>(
  'IdentifyShop',
  /* GraphQL */ `
    query IdentifyShop {
      shop { name currencyCode }
      locations(first: ${LOCATIONS_FIRST}, includeInactive: false) {
        nodes { id name isActive isPrimary }
      }
    }
  `,
  () => 1 + 2 + LOCATIONS_FIRST,
);
