// How the API's missing-field names read to a shopkeeper.
export const missingFieldLabels: Record<string, string> = {
  group: 'Group',
  productGroup: 'Group',
  brand: 'Brand',
  supplier: 'Supplier',
  productType: 'Type',
  taxGroup: 'Tax group',
  costPrice: 'Cost price',
};
