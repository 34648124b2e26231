// Every failure leaves the API as `{ error: { code, message, details } }`; bad input is a 4xx,
// and only a fault of ours is a 500 (logged, with no internals in the answer).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { ApiError } from './api-error.ts';
import { describeZodError, issueDetails } from './zod-issues.ts';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_input', message: 'The request body is empty; send a JSON object.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', message: 'The request body is not valid JSON.' },
};

export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof ApiError) {
    return { status: error.statusCode, body: { error: { code: error.code, message: error.message, details: error.details } } };
  }
  if (error instanceof DomainError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, details: error.details ?? null } } };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      body: { error: { code: 'invalid_input', message: describeZodError(error, 'request'), details: issueDetails(error) } },
    };
  }
  if (isUniqueViolation(error)) {
    // A race the domain's own check could not see (two requests creating the same SKU at once).
    return { status: 409, body: { error: { code: 'conflict', message: 'That conflicts with a record saved meanwhile; reload and try again.', details: null } } };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    return {
      status,
      body: { error: { code: known?.code ?? 'bad_request', message: known?.message ?? String(fastifyError.message), details: null } },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: 'Something went wrong on the server; the error has been logged.', details: null } },
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = errorResponse(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.code(status).send(body);
}
