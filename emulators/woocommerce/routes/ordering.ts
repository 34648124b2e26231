// Orders a filtered list as WP_Query would and cuts the requested page.
import type { OrderBy } from './list-filters.ts';
import { pageWithTies, pagingHeaders, type PageRequest } from '../paging.ts';

export interface Sortable {
  id: number;
  createdS: number;
  modifiedS: number;
  name?: string;
  slug?: string;
  menuOrder?: number;
}

export interface ListRequest {
  orderby: OrderBy;
  order: 'asc' | 'desc';
  paging: PageRequest;
  include: number[] | null;
}

/** `presorted`: `items` are already newest-first ('date') or in ascending id order ('id'). */
export function orderAndPage<T extends Sortable>(
  items: T[],
  list: ListRequest,
  url: URL,
  presorted: 'date' | 'id' | null = null,
): { page: T[]; headers: Record<string, string> } {
  const sign = list.order === 'asc' ? 1 : -1;
  let sorted: T[];
  let tieKey: ((item: T) => number) | null = null;
  switch (list.orderby) {
    case 'date':
      tieKey = (i) => i.createdS;
      if (presorted === 'date') sorted = list.order === 'desc' ? items : [...items].reverse();
      else sorted = [...items].sort((a, b) => sign * (a.createdS - b.createdS));
      break;
    case 'modified':
      tieKey = (i) => i.modifiedS;
      sorted = [...items].sort((a, b) => sign * (a.modifiedS - b.modifiedS));
      break;
    case 'id':
      if (presorted === 'id') sorted = list.order === 'asc' ? items : [...items].reverse();
      else sorted = [...items].sort((a, b) => sign * (a.id - b.id));
      break;
    case 'title':
      sorted = [...items].sort((a, b) => sign * (a.name ?? '').localeCompare(b.name ?? '') || sign * (a.id - b.id));
      break;
    case 'slug':
      sorted = [...items].sort((a, b) => sign * (a.slug ?? '').localeCompare(b.slug ?? '') || sign * (a.id - b.id));
      break;
    case 'menu_order':
      sorted = [...items].sort((a, b) => sign * ((a.menuOrder ?? 0) - (b.menuOrder ?? 0)) || sign * (a.id - b.id));
      break;
    case 'include': {
      const position = new Map((list.include ?? []).map((id, i) => [id, i]));
      sorted = [...items].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
      break;
    }
  }
  return { page: pageWithTies(sorted, list.paging, tieKey), headers: pagingHeaders(url, items.length, list.paging) };
}
