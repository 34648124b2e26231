// Body parsers. JSON: keeps the raw text on the request (webhook signatures are computed over
// it) and turns malformed JSON into a 400 that says so. Form-encoded bodies are taken outside
// /api only (WooCommerce pings a new webhook's URL with `webhook_id=N`); the API takes JSON alone,
// so a cross-site HTML form can never drive it.
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received (JSON and form-encoded requests). */
    rawBody?: string;
  }
}

export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    request.rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      done(new ApiError(400, 'malformed_json', `The request body is not valid JSON (${reason}).`), undefined);
    }
  });
}

export function installFormBodyParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) => {
    if (request.url.startsWith('/api/')) {
      return done(new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.'), undefined);
    }
    const text = body as string;
    request.rawBody = text;
    done(null, Object.fromEntries(new URLSearchParams(text)));
  });
}
