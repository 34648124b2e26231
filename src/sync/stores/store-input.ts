// Checking what a person typed for a store's settings, with one-line reasons.
import { invalid } from '../../errors/domain-error.ts';
import type { AttributePolicy } from './store-tables.ts';

export function parseBuffer(value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > 1_000_000) {
    throw invalid(`The safety buffer must be a whole number of units, 0 or more (not "${String(value)}").`);
  }
  return number;
}

export function parseAttributePolicy(value: unknown): AttributePolicy {
  if (value === 'merge' || value === 'skip') return value;
  throw invalid(`The attribute policy must be "merge" or "skip" (not "${String(value)}").`);
}

export function parseStoreUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid('A store needs its address (--url).');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid(`"${value}" is not a web address; give the store's origin, e.g. https://my-shop.myshopify.com.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`The store address must start with http:// or https:// (not "${value}").`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function parseCredentials(value: unknown): Record<string, string> {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw invalid('The credentials must be a JSON object, e.g. {"accessToken":"…"}.');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('The credentials must be a JSON object, e.g. {"accessToken":"…"}.');
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length === 0) throw invalid('The credentials are empty.');
  for (const [key, item] of entries) {
    if (typeof item !== 'string' || item === '') throw invalid(`The credential "${key}" must be a non-empty string.`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
