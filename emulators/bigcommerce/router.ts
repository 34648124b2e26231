// A small method + path-pattern router; each route names its operation as `METHOD /pattern` for the
// request counters.
export interface ApiRequest {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface ApiReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: ApiRequest) => ApiReply | Promise<ApiReply>;

export interface Route {
  method: string;
  /** e.g. `/catalog/products/{product_id}` (relative to the API version prefix). */
  pattern: string;
  /** Whether the request changes state: a lost response is only simulated for writes. */
  writes: boolean;
  handler: Handler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(route: Route): void {
    const names: string[] = [];
    const source = route.pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ ...route, regex: new RegExp(`^${source}/?$`), names });
  }

  match(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | { allowed: string[] } | null {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1])));
      return { route, params };
    }
    return allowed.length > 0 ? { allowed } : null;
  }
}
