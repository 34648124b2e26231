// The real Admin GraphQL 2026-07 schema (vendor-specs), built once per process: it takes a
// noticeable fraction of a second, and every emulator instance in the process shares it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';

export const API_VERSION = '2026-07';

const DEFAULT_SCHEMA_PATH = fileURLToPath(
  new URL('../../../shared/vendor-specs/shopify/admin-graphql-2026-07.schema.graphql', import.meta.url),
);

let cached: GraphQLSchema | undefined;

/** Where the SDL is read from: SHOPIFY_SCHEMA_PATH, or vendor-specs beside the repository. */
export function schemaPath(): string {
  return process.env.SHOPIFY_SCHEMA_PATH ?? DEFAULT_SCHEMA_PATH;
}

export function adminSchema(): GraphQLSchema {
  if (!cached) {
    let sdl: string;
    try {
      sdl = readFileSync(schemaPath(), 'utf8');
    } catch {
      throw new Error(
        `Shopify emulator: cannot read the Admin GraphQL schema at ${schemaPath()} (set SHOPIFY_SCHEMA_PATH)`,
      );
    }
    // The file is a printed introspection of the real API, so SDL validation is skipped.
    cached = buildSchema(sdl, { assumeValidSDL: true });
  }
  return cached;
}
