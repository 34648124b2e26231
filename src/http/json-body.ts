// The JSON body parser: keeps the raw text on the request (webhook signatures are computed over
// it) and turns malformed JSON into a 400 that says so.
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received, for JSON requests. */
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
