// A small route table for /wp-json/wc/v3. Each route names its permission check, so the
// anonymous-caller refusals carry WooCommerce's messages.
import type { IncomingMessage } from 'node:http';
import type { ApiKey } from './keys.ts';
import { WooError } from './woo-error.ts';
import { API_PREFIX } from './product-json.ts';

export type Permission = 'list' | 'view' | 'create' | 'edit' | 'delete' | 'batch';

export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  body: Record<string, unknown>;
  key: ApiKey | null;
  origin: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => ApiResponse | Promise<ApiResponse>;

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  names: string[];
  permission: Permission;
  handler: Handler;
}

const REFUSALS: Record<Permission, [string, string]> = {
  list: ['woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.'],
  view: ['woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.'],
  create: ['woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.'],
  edit: ['woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.'],
  delete: ['woocommerce_rest_cannot_delete', 'Sorry, you are not allowed to delete this resource.'],
  batch: ['woocommerce_rest_cannot_batch', 'Sorry, you are not allowed to batch manipulate this resource.'],
};

export function refusal(permission: Permission): WooError {
  const [code, message] = REFUSALS[permission];
  return new WooError(401, code, message);
}

export class Router {
  private routes: Route[] = [];

  /** `pattern` below /wp-json/wc/v3, with :name segments (numeric ids). */
  add(methods: string[], pattern: string, permission: Permission, handler: Handler): void {
    const names: string[] = [];
    const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '(\\d+)';
    });
    for (const method of methods) {
      this.routes.push({ method, pattern, regex: new RegExp(`^${API_PREFIX}${source}/?$`), names, permission, handler });
    }
  }

  match(method: string, path: string): { route: Route; params: Record<string, string>; operation: string } | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = m[i + 1]));
      return { route, params, operation: `${method} ${API_PREFIX}${route.pattern}` };
    }
    return null;
  }
}
