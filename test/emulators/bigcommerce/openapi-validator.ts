// Validates requests and responses against BigCommerce's own OpenAPI files (vendor-specs/bigcommerce).
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const specDir = new URL('../../../../shared/vendor-specs/bigcommerce/', import.meta.url);
const specFiles = ['products_catalog.v3.yml', 'product-variants_catalog.v3.yml', 'product-variant-options_catalog.v3.yml', 'inventory.v3.yml', 'locations.v3.yml', 'webhooks.v3.yml'];

type Doc = { paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> }>> };

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats.default(ajv);
const docs = new Map<string, Doc>();
for (const file of specFiles) {
  const doc = YAML.parse(readFileSync(new URL(file, specDir), 'utf8')) as Doc;
  docs.set(file, doc);
  ajv.addSchema(doc as object, file);
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const cache = new Map<string, ValidateFunction>();

function specFor(path: string, method: string): string {
  for (const [file, doc] of docs) if (doc.paths[path]?.[method]) return file;
  throw new Error(`no spec file describes ${method.toUpperCase()} ${path}`);
}

function compile(pointer: string): ValidateFunction {
  let validate = cache.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: pointer });
    cache.set(pointer, validate);
  }
  return validate;
}

function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ');
}

/** Throws with the spec's complaints when `body` is not what the spec says `path` answers with `status`. */
export function assertResponseMatchesSpec(path: string, method: string, status: number, body: unknown): void {
  const file = specFor(path, method);
  const responses = docs.get(file)!.paths[path][method].responses;
  const response = responses[String(status)];
  if (!response) throw new Error(`the spec lists no ${status} answer for ${method.toUpperCase()} ${path} (it lists ${Object.keys(responses).join(', ')})`);
  const mediaType = Object.keys(response.content ?? {})[0];
  if (!mediaType) return;
  const pointer = `${file}#/paths/${escape(path)}/${method}/responses/${status}/content/${escape(mediaType)}/schema`;
  const validate = compile(pointer);
  if (!validate(body)) throw new Error(`${method.toUpperCase()} ${path} → ${status} does not match the spec: ${describeErrors(validate)}`);
}

/** Throws when a request body is not what the spec accepts. */
export function assertRequestMatchesSpec(path: string, method: string, body: unknown): void {
  const file = specFor(path, method);
  const pointer = `${file}#/paths/${escape(path)}/${method}/requestBody/content/application~1json/schema`;
  const validate = compile(pointer);
  if (!validate(body)) throw new Error(`request to ${method.toUpperCase()} ${path} does not match the spec: ${describeErrors(validate)}`);
}
