// BigCommerce's page/limit paging and its `meta.pagination` block.
import { BcError } from '../bc-error.ts';
import type { ApiReply } from '../router.ts';

export interface PageRequest {
  page: number;
  limit: number;
}

export function pageRequest(query: URLSearchParams, defaultLimit: number, maxLimit: number): PageRequest {
  const page = query.has('page') ? Number(query.get('page')) : 1;
  const limit = query.has('limit') ? Number(query.get('limit')) : defaultLimit;
  if (!Number.isInteger(page) || page < 1) throw new BcError(422, 'page must be a whole number of at least 1.', { page: String(query.get('page')) });
  if (!Number.isInteger(limit) || limit < 1) throw new BcError(422, 'limit must be a whole number of at least 1.', { limit: String(query.get('limit')) });
  return { page, limit: Math.min(limit, maxLimit) };
}

export function listPage<T>(items: T[], paging: PageRequest, query: URLSearchParams, toJson: (item: T) => unknown): ApiReply {
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / paging.limit));
  const slice = items.slice((paging.page - 1) * paging.limit, paging.page * paging.limit);
  const link = (page: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(page));
    params.set('limit', String(paging.limit));
    return `?${params.toString()}`;
  };
  const links: Record<string, string> = { current: link(paging.page) };
  if (paging.page > 1) links.previous = link(paging.page - 1);
  if (paging.page < totalPages) links.next = link(paging.page + 1);
  return {
    status: 200,
    body: {
      data: slice.map(toJson),
      meta: { pagination: { total, count: slice.length, per_page: paging.limit, current_page: paging.page, total_pages: totalPages, links } },
    },
  };
}
