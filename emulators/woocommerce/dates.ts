// WooCommerce dates: whole seconds, "YYYY-MM-DDTHH:MM:SS" without a zone. The emulated store's
// timezone is UTC, so the local and the _gmt fields are equal.

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function wooDate(seconds: number | null): string | null {
  if (seconds === null) return null;
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

/** Parses an ISO 8601 query value; a value without a zone is the site's time (UTC). */
export function parseQueryDate(value: string): number | null {
  const hasZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(value);
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}
