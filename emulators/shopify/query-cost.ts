// Shopify's calculated query cost: objects 1, scalars and enums 0, connections 2 + first × the
// cost of one node, mutations 10 (their payload object is included in the 10). Lists of objects
// that are not connections cost what their element selection costs, once: with this, the
// figures recorded in vendor-specs/shopify/captures-2026-04 for the inventory mutations come out
// exactly (13 requested; 13 actual on success, 10 when the payload carries only userErrors). Requested cost is
// computed before execution from first/last; actual cost walks the response with the real sizes.
import {
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export const MAX_SINGLE_QUERY_COST = 1000;
const MUTATION_COST = 10;

interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function argumentNumber(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

function fieldDef(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

function resolveParent(schema: GraphQLSchema, current: GraphQLCompositeType, typeCondition: string | undefined): GraphQLCompositeType {
  if (!typeCondition) return current;
  const type = schema.getType(typeCondition);
  return type && isCompositeType(type) ? type : current;
}

/** Nodes of a connection value: edges[].node or nodes[] (whichever is larger). */
function connectionSize(value: unknown): number {
  if (!value || typeof value !== 'object') return 0;
  const v = value as { edges?: unknown[]; nodes?: unknown[] };
  return Math.max(v.edges?.length ?? 0, v.nodes?.length ?? 0);
}

function selectionCost(
  input: CostInput,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode | undefined,
  data: unknown,
  actual: boolean,
): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += selectionCost(input, resolveParent(input.schema, parent, selection.typeCondition?.name.value), selection.selectionSet, data, actual);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = input.fragments[selection.name.value];
      if (fragment) total += selectionCost(input, resolveParent(input.schema, parent, fragment.typeCondition.name.value), fragment.selectionSet, data, actual);
      continue;
    }
    const def = fieldDef(parent, selection.name.value);
    if (!def) continue;
    const type = getNamedType(def.type);
    if (!isCompositeType(type)) continue;
    const key = selection.alias?.value ?? selection.name.value;
    const value = actual ? (data as Record<string, unknown> | null | undefined)?.[key] : undefined;
    if (actual && (value === null || value === undefined)) continue;
    if (type.name.endsWith('Connection')) {
      const args = Object.fromEntries((selection.arguments ?? []).map((a) => [a.name.value, a.value]));
      const size = actual
        ? connectionSize(value)
        : (argumentNumber(args.first, input.variables) ?? argumentNumber(args.last, input.variables) ?? 1);
      // One node's cost: the connection's own selection with edges/node/nodes flattened.
      const nodeSamples = actual ? connectionNodes(value) : [undefined];
      const connectionType = type;
      const nodeCosts = nodeSamples.map((node) => connectionNodeCost(input, connectionType, selection.selectionSet, node, actual));
      const perNode = actual ? nodeCosts.reduce((s, c) => s + c, 0) : nodeCosts[0] * size;
      total += 2 + perNode;
      continue;
    }
    if (Array.isArray(value)) {
      // A plain list is priced like its element selection, once (as the requested cost is).
      if (value.length > 0) total += selectionCost(input, type, selection.selectionSet, value[0], actual);
      continue;
    }
    const isList = def.type.toString().includes('[');
    total += (isList ? 0 : 1) + selectionCost(input, type, selection.selectionSet, value, actual);
  }
  return total;
}

function connectionNodes(value: unknown): unknown[] {
  const v = value as { edges?: Array<{ node: unknown }>; nodes?: unknown[] };
  if (v.nodes && v.nodes.length >= (v.edges?.length ?? 0)) return v.nodes;
  return (v.edges ?? []).map((e) => e.node);
}

/** The cost of one node of a connection: its node selection (under edges.node or nodes) plus 1. */
function connectionNodeCost(
  input: CostInput,
  connectionType: GraphQLCompositeType,
  selectionSet: SelectionSetNode | undefined,
  node: unknown,
  actual: boolean,
): number {
  if (!selectionSet || !isObjectType(connectionType)) return 1;
  const fields = connectionType.getFields();
  const nodeType = fields.nodes ? getNamedType(fields.nodes.type) : undefined;
  let cost = 0;
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = input.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
        continue;
      }
      if (selection.name.value === 'nodes' && nodeType && isCompositeType(nodeType)) {
        cost += selectionCost(input, nodeType, selection.selectionSet, node, actual);
      } else if (selection.name.value === 'edges' && fields.edges) {
        const edgeType = getNamedType(fields.edges.type);
        for (const edgeSel of selection.selectionSet?.selections ?? []) {
          if (edgeSel.kind === Kind.FIELD && edgeSel.name.value === 'node' && isObjectType(edgeType)) {
            const realNodeType = getNamedType(edgeType.getFields().node.type);
            if (isCompositeType(realNodeType)) cost += selectionCost(input, realNodeType, edgeSel.selectionSet, node, actual);
          }
        }
      }
    }
  };
  visit(selectionSet);
  return cost + 1;
}

export function requestedCost(input: CostInput): number {
  return operationCost(input, undefined, false);
}

export function actualCost(input: CostInput, data: unknown): number {
  return operationCost(input, data, true);
}

function operationCost(input: CostInput, data: unknown, actual: boolean): number {
  const root = input.operation.operation === 'mutation' ? input.schema.getMutationType() : input.schema.getQueryType();
  if (!root) return 0;
  if (input.operation.operation !== 'mutation') {
    return selectionCost(input, root, input.operation.selectionSet, data, actual);
  }
  let total = 0;
  for (const selection of input.operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const def = root.getFields()[selection.name.value];
    const type = def ? getNamedType(def.type) : undefined;
    const key = selection.alias?.value ?? selection.name.value;
    const value = actual ? (data as Record<string, unknown> | null | undefined)?.[key] : undefined;
    total += MUTATION_COST;
    if (type && isCompositeType(type) && (!actual || value != null)) {
      total += selectionCost(input, type, selection.selectionSet, value, actual);
    }
  }
  return total;
}
