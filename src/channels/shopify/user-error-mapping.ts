// Shopify's userErrors → one ChannelError with a sentence a shopkeeper can act on.
import { ChannelError } from '../channel.ts';
import type { UserError } from './payloads/user-errors.ts';

const CONFLICT_CODES = new Set(['HANDLE_NOT_UNIQUE', 'DUPLICATED_VALUE', 'DUPLICATED_OPTION_VALUE', 'DUPLICATED_OPTION_NAME']);

export function userErrorsToChannelError(what: string, errors: UserError[]): ChannelError {
  const conflict = errors.some((error) => (error.code && CONFLICT_CODES.has(error.code)) || /already|taken|unique/i.test(error.message));
  const details = errors
    .slice(0, 3)
    .map((error) => (error.field && error.field.length > 0 ? `${error.field.join('.')}: ${error.message}` : error.message))
    .join('; ');
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return new ChannelError(conflict ? 'conflict' : 'invalid', `Shopify refused to ${what}: ${details}${more}`);
}
