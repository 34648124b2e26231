/** Names are compared trimmed and case-insensitively (SKUs, master data, locations). */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
