// Every document the connector sends must be valid against Shopify's own 2026-07 schema
// (introspected from a real store): a field or argument Shopify does not have fails here,
// not in a shopkeeper's store.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogExportQuery, quantityExportQuery } from '../../../src/channels/shopify/operations/bulk.ts';
import { allOperations } from '../../../src/channels/shopify/operations/index.ts';

// The shared specs folder sits beside the project root, on every machine and in CI.
const SCHEMA_PATH = new URL('../../../../shared/vendor-specs/shopify/admin-graphql-2026-07.schema.graphql', import.meta.url);

let schema: GraphQLSchema;

function errorsOf(target: GraphQLSchema, document: string): string[] {
  return validate(target, parse(document)).map((error) => error.message);
}

beforeAll(() => {
  schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
});

describe('Shopify operations against the Admin API 2026-07 schema', () => {
  it('holds every operation once, named as its document names it', () => {
    const names = allOperations.map((op) => op.name);
    expect(new Set(names).size).toBe(names.length);
    for (const op of allOperations) expect(op.document).toMatch(new RegExp(`(query|mutation) ${op.name}\\b`));
    expect(names).toEqual(
      expect.arrayContaining(['IdentifyShop', 'ProductSet', 'InventorySetQuantities', 'BulkOperationRunQuery', 'OrdersPage']),
    );
  });

  for (const op of allOperations) {
    it(`${op.name} is valid`, () => {
      expect(errorsOf(schema, op.document)).toEqual([]);
    });
  }

  it('the bulk export queries are valid for a location', () => {
    const location = 'gid://shopify/Location/1';
    expect(errorsOf(schema, catalogExportQuery(location))).toEqual([]);
    expect(errorsOf(schema, quantityExportQuery(location))).toEqual([]);
  });

  it('rejects a document using the pre-2026-04 compare shape (the check has teeth)', () => {
    const legacy = `mutation Legacy { inventorySetQuantities(input: { name: "available", reason: "correction",
      ignoreCompareQuantity: true, quantities: [{ inventoryItemId: "gid://shopify/InventoryItem/1",
      locationId: "gid://shopify/Location/1", quantity: 1, compareQuantity: 0 }] }) { userErrors { message } } }`;
    expect(errorsOf(schema, legacy).join(' ')).toMatch(/ignoreCompareQuantity/);
  });

  it('the quantity write carries @idempotent (required at run time since 2026-04)', () => {
    const write = allOperations.find((op) => op.name === 'InventorySetQuantities');
    expect(write?.document).toContain('@idempotent(key: $key)');
  });
});
