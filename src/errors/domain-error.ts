/**
 * An error a person can act on: a stable `code`, a one-sentence `message`, and optional `details`
 * (for example every bad CSV row). The HTTP layer maps it to a 4xx; the CLI prints the message.
 */
export type DomainErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'duplicate_sku'
  /** deleting it would lose what must be kept (stock movements, store links): archive instead */
  | 'has_history'
  | 'csv_invalid';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: unknown;

  constructor(code: DomainErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  /** The HTTP status this error maps to. */
  get status(): 400 | 404 | 409 | 422 {
    switch (this.code) {
      case 'not_found':
        return 404;
      case 'conflict':
      case 'duplicate_sku':
      case 'has_history':
        return 409;
      case 'csv_invalid':
        return 422;
      default:
        return 400;
    }
  }
}

export function invalid(message: string, details?: unknown): DomainError {
  return new DomainError('invalid_input', message, details);
}

export function notFound(message: string, details?: unknown): DomainError {
  return new DomainError('not_found', message, details);
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
