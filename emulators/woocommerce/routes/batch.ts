// The {create, update, delete} batch endpoints: at most 100 objects in all (413 and nothing
// applied beyond that); each item succeeds or fails on its own, failures in place inside a 200.
import { WooError, invalidParam } from '../woo-error.ts';

export const BATCH_LIMIT = 100;

export interface BatchHandlers<T> {
  create(item: Record<string, unknown>): T;
  update(id: number, item: Record<string, unknown>): T;
  delete(id: number): T;
}

const failure = (id: number, error: unknown) => {
  if (error instanceof WooError) return { id, error: error.toJSON() };
  throw error;
};

function list(body: Record<string, unknown>, key: string): unknown[] {
  const value = body[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidParam(key, `${key} is not of type array.`);
  return value;
}

export function runBatch<T>(body: Record<string, unknown>, handlers: BatchHandlers<T>): unknown {
  const creates = list(body, 'create');
  const updates = list(body, 'update');
  const deletes = list(body, 'delete');
  const total = creates.length + updates.length + deletes.length;
  if (total > BATCH_LIMIT) {
    throw new WooError(413, 'woocommerce_rest_request_entity_too_large', `Unable to accept more than ${BATCH_LIMIT} items for this request.`);
  }
  if (total === 0) return [];
  const out: Record<string, unknown[]> = {};
  const asObject = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  if (creates.length) {
    out.create = creates.map((item) => {
      try {
        return handlers.create(asObject(item));
      } catch (error) {
        return failure(0, error);
      }
    });
  }
  if (updates.length) {
    out.update = updates.map((item) => {
      const id = Number(asObject(item).id ?? 0) || 0;
      try {
        return handlers.update(id, asObject(item));
      } catch (error) {
        return failure(id, error);
      }
    });
  }
  if (deletes.length) {
    out.delete = deletes.map((item) => {
      const id = Number(typeof item === 'object' && item !== null ? asObject(item).id : item) || 0;
      try {
        return handlers.delete(id);
      } catch (error) {
        return failure(id, error);
      }
    });
  }
  return out;
}
