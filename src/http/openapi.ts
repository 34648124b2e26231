// The OpenAPI 3.1 document, generated from the routes' zod schemas (the same ones that check input).
import { z } from 'zod';
import type { RegisteredRoute } from './route-registry.ts';

type JsonSchema = Record<string, unknown>;

/** What a client sends (`input`: before defaults and transforms) or receives (`output`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const result = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete result.$schema;
  return result;
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema);
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      schema: rest,
      ...(description ? { description } : {}),
    };
  });
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

function operation(route: RegisteredRoute): JsonSchema {
  const success = String(route.status);
  const responses: JsonSchema = {
    [success]: route.response
      ? { description: 'Success', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
      : { description: 'Success' },
    '400': { $ref: '#/components/responses/Error' },
    '404': { $ref: '#/components/responses/Error' },
  };
  if (!route.public) responses['401'] = { $ref: '#/components/responses/Error' };
  for (const [status, when] of Object.entries(route.errors)) {
    responses[status] = { description: when, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  return {
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    operationId: `${route.method.toLowerCase()}${route.url.replace(/[/:{}-]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    tags: route.tags,
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
    responses,
    security: route.public ? [] : [{ sessionCookie: [] }, { bearerToken: [] }],
  };
}

/** `/api/products/:id` → `/api/products/{id}` */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

export function buildOpenApiDocument(routes: ReadonlyArray<RegisteredRoute>): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.url);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stockroom API',
      version: '1',
      description:
        'Errors are `{ "error": { "code", "message", "details" } }`. Money is a decimal string ("12.50"); quantities are numbers with at most 3 decimals.',
    },
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'stockroom_session' },
        bearerToken: { type: 'http', scheme: 'bearer' },
      },
      schemas: { Error: errorSchema },
      responses: {
        Error: { description: 'The request failed', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  };
}
