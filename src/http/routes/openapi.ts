// GET /api/openapi.json: the document describing every route added through the ApiRouter.
import type { ApiRouter } from '../route-registry.ts';
import { buildOpenApiDocument } from '../openapi.ts';

export function register(router: ApiRouter): void {
  let cached: unknown;
  router.add({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tags: ['meta'],
    handler: async () => (cached ??= buildOpenApiDocument(router.routes)),
  });
}
