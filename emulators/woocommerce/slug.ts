// WordPress's sanitize_title, closely enough: accents removed, lower case, dashes, other
// non-ASCII letters kept percent-encoded.
export function sanitizeTitle(text: string): string {
  const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const dashed = plain
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/[\s-]+/g, '-');
  return encodeURIComponent(dashed).toLowerCase();
}
