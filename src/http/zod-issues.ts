// Turns zod's issues into one sentence a person can act on, naming the field.
import type { z } from 'zod';

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/g, '[');
}

export function describeIssue(issue: z.core.$ZodIssue, where: string): string {
  const at = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => (at ? `${at}.${key}` : key));
    return `Unknown field${names.length > 1 ? 's' : ''} in the ${where}: ${names.join(', ')}.`;
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined && issue.path.length > 0) {
    return `The ${where} is missing the field ${at || '(body)'}.`;
  }
  if (!at && issue.code === 'invalid_type' && issue.input === undefined) return `The request needs a JSON ${where}.`;
  return at ? `${at}: ${issue.message}` : `The ${where} is not valid: ${issue.message}`;
}

export function describeZodError(error: z.ZodError, where: string): string {
  return describeIssue(error.issues[0], where);
}

/** The issues without the offending input (which may hold a password). */
export function issueDetails(error: z.ZodError): { issues: Array<{ path: PropertyKey[]; code: string; message: string }> } {
  return { issues: error.issues.map((issue) => ({ path: [...issue.path], code: issue.code, message: issue.message })) };
}
