// GET /v2/store: the store's own profile (name, domain, currency), as BigCommerce's v2 Store
// Information API answers it.
import type { Route } from '../router.ts';

export function storeRoutes(storeHash: string, origin: () => string): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/store',
      writes: false,
      handler: () => ({
        status: 200,
        body: {
          id: storeHash,
          domain: new URL(origin()).host,
          secure_url: origin(),
          name: 'Emulated BigCommerce Store',
          first_name: 'Store',
          last_name: 'Owner',
          address: '1 Emulator Way',
          country: 'United States',
          country_code: 'US',
          phone: '',
          admin_email: 'owner@example.invalid',
          order_email: 'orders@example.invalid',
          timezone: { name: 'Etc/UTC', raw_offset: 0, dst_offset: 0, dst_correction: false },
          language: 'en',
          currency: 'USD',
          currency_symbol: '$',
          decimal_separator: '.',
          thousands_separator: ',',
          weight_units: 'kg',
          dimension_units: 'Centimeters',
          plan_name: 'Emulated',
        },
      }),
    },
  ];
}
