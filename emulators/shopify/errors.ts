// Errors in the shapes Shopify's Admin GraphQL API answers with.
import { GraphQLError, type ASTNode } from 'graphql';

/** A top-level GraphQL error with Shopify's `extensions.code`. */
export function shopifyError(
  message: string,
  code: string,
  nodes?: readonly ASTNode[] | ASTNode,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code, ...extra } });
}

/** The answer for a schema field this emulator does not implement (never a silent null). */
export function notEmulated(what: string, nodes?: readonly ASTNode[]): GraphQLError {
  return shopifyError(`not emulated: ${what} (the Stockroom Shopify emulator does not implement it)`, 'NOT_EMULATED', nodes);
}

export interface UserError {
  field: string[] | null;
  message: string;
  code: string | null;
}

export function userError(field: Array<string | number> | null, message: string, code: string | null): UserError {
  return { field: field ? field.map(String) : null, message, code };
}
