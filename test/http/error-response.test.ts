// How failures map to HTTP answers: a 4xx with a sentence for what the caller can fix, a bare 500
// (no internals) for our own faults.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors/domain-error.ts';
import { ApiError } from '../../src/http/api-error.ts';
import { errorResponse } from '../../src/http/error-response.ts';

describe('errorResponse', () => {
  it('maps domain errors by code: not_found 404, conflict and duplicate_sku 409, csv_invalid 422, invalid_input 400', () => {
    expect(errorResponse(new DomainError('not_found', 'Gone.')).status).toBe(404);
    expect(errorResponse(new DomainError('conflict', 'Taken.')).status).toBe(409);
    expect(errorResponse(new DomainError('duplicate_sku', 'Taken.')).status).toBe(409);
    expect(errorResponse(new DomainError('csv_invalid', 'Bad rows.', { errors: [{ line: 3 }] }))).toEqual({
      status: 422,
      body: { error: { code: 'csv_invalid', message: 'Bad rows.', details: { errors: [{ line: 3 }] } } },
    });
    expect(errorResponse(new DomainError('invalid_input', 'No.')).body).toEqual({ error: { code: 'invalid_input', message: 'No.', details: null } });
  });

  it('passes API errors through and turns a database unique violation (a race) into 409', () => {
    expect(errorResponse(new ApiError(401, 'unauthenticated', 'Log in.')).status).toBe(401);
    expect(errorResponse(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })).status).toBe(409);
    expect(errorResponse(Object.assign(new Error('UNIQUE constraint failed: variant.sku_key'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })).status).toBe(409);
  });

  it('answers anything else with a 500 that reveals nothing of the cause', () => {
    const answer = errorResponse(new TypeError("Cannot read properties of undefined (reading 'secret_column')"));
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('secret_column');
    expect(answer.body.error.code).toBe('internal_error');
  });
});
