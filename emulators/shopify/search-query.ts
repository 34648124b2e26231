// Shopify's search syntax for the `query:` argument: `sku:ABC updated_at:>'2026-01-01T00:00:00Z'
// status:active,draft`, terms joined by AND (implicit) or OR, `-field:value` to negate.

export type Comparator = ':' | '>' | '>=' | '<' | '<=';

export interface SearchTerm {
  field: string | null;
  comparator: Comparator;
  value: string;
  negated: boolean;
}

/** Alternatives (OR) of conjunctions (AND) of terms. */
export type SearchQuery = SearchTerm[][];

const TOKEN = /\s*(-?)(?:([A-Za-z_.]+):(>=|<=|>|<)?)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s()]+)/y;

export function parseSearchQuery(text: string | null | undefined): SearchQuery {
  if (!text || !text.trim()) return [];
  const groups: SearchQuery = [[]];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (match = TOKEN.exec(text))) {
    const [, negation, field, comparator, rawValue] = match;
    if (!field && rawValue === 'OR') {
      groups.push([]);
      continue;
    }
    if (!field && rawValue === 'AND') continue;
    let value = rawValue;
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    groups[groups.length - 1].push({
      field: field ? field.toLowerCase() : null,
      comparator: (comparator as Comparator | undefined) ?? ':',
      value,
      negated: negation === '-',
    });
    if (text.slice(TOKEN.lastIndex).trim() === '') break;
  }
  return groups.filter((g) => g.length > 0);
}

/** How one search field is checked against a record. */
export type FieldMatcher<T> = (record: T, term: SearchTerm) => boolean;

export interface SearchWarning {
  field: string;
  message: string;
}

export function compareValues(actual: number, term: SearchTerm, expected: number): boolean {
  switch (term.comparator) {
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    default:
      return actual === expected;
  }
}

/** Matches a date field; a bare date (2026-01-31) means that day in UTC. */
export function matchDate(actualIso: string, term: SearchTerm): boolean {
  const expected = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(term.value) ? `${term.value}T00:00:00Z` : term.value);
  if (Number.isNaN(expected)) return false;
  return compareValues(Date.parse(actualIso), term, expected);
}

/** Exact, case-insensitive text match; a trailing * matches a prefix. */
export function matchText(actual: string | null | undefined, term: SearchTerm): boolean {
  if (actual == null) return false;
  const a = actual.toLowerCase();
  const v = term.value.toLowerCase();
  return v.endsWith('*') ? a.startsWith(v.slice(0, -1)) : a === v;
}

/** status:active,draft — any of a comma-separated list. */
export function matchAnyOf(actual: string, term: SearchTerm): boolean {
  return term.value.toLowerCase().split(',').includes(actual.toLowerCase());
}

/**
 * A predicate for the parsed query. Unknown fields are ignored as Shopify ignores them, and
 * reported in `warnings` (Shopify returns them in extensions.search).
 */
export function buildPredicate<T>(
  query: SearchQuery,
  fields: Record<string, FieldMatcher<T>>,
  freeText: FieldMatcher<T>,
  warnings: SearchWarning[],
): ((record: T) => boolean) | null {
  if (query.length === 0) return null;
  const groups = query.map((terms) =>
    terms.flatMap((term) => {
      if (term.field === null) return [{ term, match: freeText }];
      const match = fields[term.field];
      if (!match) {
        warnings.push({ field: term.field, message: 'Invalid search field for this query.' });
        return [];
      }
      return [{ term, match }];
    }),
  );
  return (record) =>
    groups.some((terms) => terms.every(({ term, match }) => match(record, term) !== term.negated));
}
