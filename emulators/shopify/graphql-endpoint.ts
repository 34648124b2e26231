// POST /admin/api/2026-07/graphql.json: parse and validate against the real schema, coerce
// variables, price the query, take it from the bucket, execute with the emulator's resolvers,
// and answer with Shopify's shapes (errors[].extensions.code, extensions.cost).
import {
  coerceInputValue,
  execute,
  GraphQLError,
  isNonNullType,
  isInputType,
  Kind,
  parse,
  typeFromAST,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { notEmulated } from './errors.ts';
import type { ShopifyContext } from './context.ts';
import { actualCost, MAX_SINGLE_QUERY_COST, requestedCost } from './query-cost.ts';
import type { ThrottleBucket } from './throttle-bucket.ts';
import { mutationRoot, queryRoot } from './root-resolvers.ts';

export interface GraphQLRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GraphQLAnswer {
  status: number;
  body: Record<string, unknown>;
  /** Root field names of the operation (for request counting). */
  operations: string[];
  throttled: boolean;
}

/** Resolves a field from the view object's property or method; a missing one is "not emulated". */
export const fieldResolver: GraphQLFieldResolver<unknown, ShopifyContext> = (source, args, ctx, info) => {
  if (source === null || source === undefined) return null;
  const holder = source as Record<string, unknown>;
  const value = holder[info.fieldName];
  if (value === undefined && !(info.fieldName in holder)) {
    throw notEmulated(`${info.parentType.name}.${info.fieldName}`, info.fieldNodes);
  }
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).call(source, args, ctx, info) : value;
};

const documentCache = new Map<string, { document: DocumentNode } | { errors: GraphQLError[] }>();
const DOCUMENT_CACHE_LIMIT = 500;

/** Parses and validates once per distinct query text. */
function prepare(schema: GraphQLSchema, query: string): { document: DocumentNode } | { errors: GraphQLError[] } {
  const cached = documentCache.get(query);
  if (cached) return cached;
  let prepared: { document: DocumentNode } | { errors: GraphQLError[] };
  try {
    const document = parse(query);
    const errors = validate(schema, document);
    prepared = errors.length ? { errors: errors.map(toShopifyValidationError) } : { document };
  } catch (error) {
    const e = error as GraphQLError;
    prepared = { errors: [new GraphQLError(e.message, { source: e.source, positions: e.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] };
  }
  if (documentCache.size >= DOCUMENT_CACHE_LIMIT) documentCache.delete(documentCache.keys().next().value!);
  documentCache.set(query, prepared);
  return prepared;
}

/** graphql-js validation messages rewritten to the wording and codes Shopify (graphql-ruby) uses. */
function toShopifyValidationError(error: GraphQLError): GraphQLError {
  const m = error.message;
  const rewrite = (message: string, code: string, extra: Record<string, unknown> = {}) =>
    new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code, ...extra } });
  let match: RegExpExecArray | null;
  if ((match = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(m))) {
    return rewrite(`Field '${match[1]}' doesn't exist on type '${match[2]}'`, 'undefinedField', { typeName: match[2], fieldName: match[1] });
  }
  if ((match = /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"/.exec(m))) {
    return rewrite(`Field '${match[3]}' doesn't accept argument '${match[1]}'`, 'argumentNotAccepted', { name: match[3], typeName: 'Field', argumentName: match[1] });
  }
  if ((match = /^Field "(\w+)\.?(\w*)" argument "(\w+)" of type "([^"]+)" is required/.exec(m))) {
    const field = match[2] || match[1];
    return rewrite(`Field '${field}' is missing required arguments: ${match[3]}`, 'missingRequiredArguments', { className: 'Field', name: field, arguments: match[3] });
  }
  if ((match = /^Unknown type "(\w+)"/.exec(m))) return rewrite(`No such type ${match[1]}, so it can't be a fragment condition`, 'undefinedType', { typeName: match[1] });
  if ((match = /^Unknown directive "@(\w+)"/.exec(m))) return rewrite(`Directive @${match[1]} is not defined`, 'undefinedDirective', { directiveName: match[1] });
  if ((match = /^Variable "\$(\w+)" is never used/.exec(m))) return rewrite(`Variable $${match[1]} is declared by anonymous query but not used`, 'variableNotUsed', { variableName: match[1] });
  if ((match = /^Variable "\$(\w+)" is not defined/.exec(m))) return rewrite(`Variable $${match[1]} is used by anonymous query but not declared`, 'variableNotDefined', { variableName: match[1] });
  if ((match = /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/.exec(m))) {
    return rewrite(`Field must have selections (field '${match[1]}' returns ${match[2].replace(/[[\]!]/g, '')} but has no selections. Did you mean '${match[1]} { ... }'?)`, 'selectionMismatch', { nodeName: `field '${match[1]}'` });
  }
  return rewrite(m, 'GRAPHQL_VALIDATION_FAILED');
}

/** Coerces variables, reporting problems as Shopify does (INVALID_VARIABLE with value and problems). */
function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, raw: Record<string, unknown>): { values: Record<string, unknown> } | { errors: GraphQLError[] } {
  const values: Record<string, unknown> = {};
  const errors: GraphQLError[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never);
    if (!type || !isInputType(type)) continue;
    const typeName = String(type);
    if (!(name in raw) || raw[name] === undefined) {
      if (definition.defaultValue) continue;
      if (isNonNullType(type)) {
        errors.push(new GraphQLError(`Variable $${name} of type ${typeName} was provided invalid value`, { nodes: definition, extensions: { code: 'INVALID_VARIABLE', value: null, problems: [{ path: [], explanation: 'Expected value to not be null' }] } }));
      }
      continue;
    }
    const problems: Array<{ path: Array<string | number>; explanation: string }> = [];
    const coerced = coerceInputValue(raw[name], type, (path, _invalid, error) => {
      const field = /^Field "(\w+)" is not defined by type "(\w+)"/.exec(error.message);
      const missing = /^Field "(\w+)" of required type "([^"]+)" was not provided/.exec(error.message);
      if (field) problems.push({ path: [...path, field[1]], explanation: `Field is not defined on ${field[2]}` });
      else if (missing) problems.push({ path: [...path, missing[1]], explanation: 'Expected value to not be null' });
      else problems.push({ path: [...path], explanation: error.message.replace(/\.$/, '') });
    });
    if (problems.length) {
      const detail = problems.map((p) => `${p.path.join('.') || 'value'} (${p.explanation})`).join(', ');
      errors.push(new GraphQLError(`Variable $${name} of type ${typeName} was provided invalid value for ${detail}`, { nodes: definition, extensions: { code: 'INVALID_VARIABLE', value: raw[name], problems } }));
    } else {
      values[name] = coerced;
    }
  }
  return errors.length ? { errors } : { values };
}

export interface EndpointDeps {
  schema: GraphQLSchema;
  bucket: ThrottleBucket;
  context: () => ShopifyContext;
}

function errorBody(errors: readonly GraphQLError[], extensions?: Record<string, unknown>): Record<string, unknown> {
  return { errors: errors.map((e) => e.toJSON()), ...(extensions ? { extensions } : {}) };
}

export function throttledAnswer(deps: EndpointDeps, requested: number | null): Record<string, unknown> {
  return {
    errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
    extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: deps.bucket.status() } },
  };
}

/** Parses, validates and prices a request (no state is touched). */
export function planRequest(deps: EndpointDeps, request: GraphQLRequest):
  | { kind: 'answer'; answer: GraphQLAnswer }
  | { kind: 'run'; document: DocumentNode; operation: OperationDefinitionNode; fragments: Record<string, FragmentDefinitionNode>; variables: Record<string, unknown>; operations: string[]; requested: number } {
  const answer = (status: number, body: Record<string, unknown>, operations: string[] = []) => ({ kind: 'answer' as const, answer: { status, body, operations, throttled: false } });
  if (typeof request.query !== 'string' || request.query.trim() === '') {
    return answer(400, { errors: [{ message: 'No query string was present', extensions: { code: 'BAD_REQUEST' } }] });
  }
  const prepared = prepare(deps.schema, request.query);
  if ('errors' in prepared) return answer(200, errorBody(prepared.errors));
  const operations = prepared.document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const wanted = typeof request.operationName === 'string' ? request.operationName : null;
  const operation = wanted ? operations.find((o) => o.name?.value === wanted) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) {
    const message = wanted ? `No operation named "${wanted}"` : 'An operation name is required';
    return answer(200, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  }
  const rootFields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  if (operation.operation === 'subscription') {
    return answer(200, { errors: [{ message: 'not emulated: subscriptions', extensions: { code: 'NOT_EMULATED' } }] }, rootFields);
  }
  let variablesInput = request.variables;
  if (typeof variablesInput === 'string' && variablesInput.trim() !== '') {
    try {
      variablesInput = JSON.parse(variablesInput);
    } catch {
      return answer(400, { errors: [{ message: 'variables is not a valid JSON object', extensions: { code: 'BAD_REQUEST' } }] }, rootFields);
    }
  }
  const rawVariables = variablesInput && typeof variablesInput === 'object' && !Array.isArray(variablesInput) ? (variablesInput as Record<string, unknown>) : {};
  const coerced = coerceVariables(deps.schema, operation, rawVariables);
  if ('errors' in coerced) return answer(200, errorBody(coerced.errors), rootFields);
  const fragments = Object.fromEntries(
    prepared.document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const requested = requestedCost({ schema: deps.schema, operation, fragments, variables: coerced.values });
  if (requested > MAX_SINGLE_QUERY_COST) {
    return answer(200, {
      errors: [
        {
          message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
          extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_SINGLE_QUERY_COST, documentation: 'https://shopify.dev/api/usage/rate-limits' },
        },
      ],
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: deps.bucket.status() } },
    }, rootFields);
  }
  return { kind: 'run', document: prepared.document, operation, fragments, variables: coerced.values, operations: rootFields, requested };
}

/** Runs a planned request: takes the cost from the bucket, executes, refunds the unused part. */
export async function runRequest(deps: EndpointDeps, plan: Extract<ReturnType<typeof planRequest>, { kind: 'run' }>): Promise<GraphQLAnswer> {
  if (!deps.bucket.take(plan.requested)) {
    return { status: 200, body: throttledAnswer(deps, plan.requested), operations: plan.operations, throttled: true };
  }
  const context = deps.context();
  const result: ExecutionResult = await execute({
    schema: deps.schema,
    document: plan.document,
    rootValue: plan.operation.operation === 'mutation' ? mutationRoot : queryRoot,
    contextValue: context,
    variableValues: plan.variables,
    operationName: plan.operation.name?.value,
    fieldResolver,
  });
  const actual = actualCost({ schema: deps.schema, operation: plan.operation, fragments: plan.fragments, variables: plan.variables }, result.data);
  deps.bucket.giveBack(plan.requested - Math.min(actual, plan.requested));
  const extensions: Record<string, unknown> = {
    cost: { requestedQueryCost: plan.requested, actualQueryCost: Math.min(actual, plan.requested), throttleStatus: deps.bucket.status() },
  };
  if (context.searchWarnings.length) extensions.search = context.searchWarnings;
  const body: Record<string, unknown> = {};
  if (result.errors?.length) body.errors = result.errors.map((e) => (e.extensions?.code ? e.toJSON() : { ...e.toJSON(), extensions: { ...e.extensions, code: 'INTERNAL_SERVER_ERROR' } }));
  body.data = result.data ?? null;
  body.extensions = extensions;
  return { status: 200, body, operations: plan.operations, throttled: false };
}
