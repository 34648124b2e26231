// Which store variant a draft variant of a product update stands for, for connectors whose store
// variants carry an id and a SKU: the one it is linked to (its remote id), else the one holding its
// SKU. By id first, so a variant whose SKU changed in the same edit is still found.
import type { ProductDraft, VariantDraft } from './channel.ts';

export function matchLinkedVariants<Remote extends { id: number | string; sku?: string | null }>(remote: Remote[], draft: ProductDraft): Map<VariantDraft, Remote> {
  const skuKey = (sku: string | null | undefined) => (sku ?? '').trim().toLowerCase();
  const unmatched = new Map(remote.map((v) => [String(v.id), v]));
  const matches = new Map<VariantDraft, Remote>();
  for (const variant of draft.variants) {
    const byId = variant.remoteVariantId === undefined ? undefined : unmatched.get(variant.remoteVariantId);
    if (byId) {
      matches.set(variant, byId);
      unmatched.delete(variant.remoteVariantId!);
    }
  }
  for (const variant of draft.variants) {
    if (matches.has(variant)) continue;
    const bySku = [...unmatched.values()].find((v) => skuKey(v.sku) !== '' && skuKey(v.sku) === skuKey(variant.sku));
    if (bySku) {
      matches.set(variant, bySku);
      unmatched.delete(String(bySku.id));
    }
  }
  return matches;
}
