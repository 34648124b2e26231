// Shopify global ids: gid://shopify/<Type>/<number>.

export function gid(type: string, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

/** The numeric id of a gid of the given type, or null when it is not one. */
export function parseGid(value: unknown, type: string): number | null {
  if (typeof value !== 'string') return null;
  const prefix = `gid://shopify/${type}/`;
  if (!value.startsWith(prefix)) return null;
  const rest = value.slice(prefix.length).split('?')[0];
  if (!/^\d+$/.test(rest)) return null;
  return Number(rest);
}

/** The type and number of any Shopify gid. */
export function splitGid(value: string): { type: string; id: number } | null {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)/.exec(value);
  return match ? { type: match[1], id: Number(match[2]) } : null;
}
