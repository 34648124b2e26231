// A timestamp from the API as the browser's locale says it; "never" for none.
export function formatWhen(value: string | null | undefined): string {
  if (!value) return 'never';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}
