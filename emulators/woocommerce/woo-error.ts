// WordPress REST errors: `{ code, message, data: { status, ... } }`.

export class WooError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toJSON(): { code: string; message: string; data: Record<string, unknown> } {
    return { code: this.code, message: this.message, data: { status: this.status, ...this.extra } };
  }
}

/** A request parameter that fails the route's schema (WordPress names the parameter). */
export function invalidParam(param: string, reason: string, code = 'rest_invalid_param'): WooError {
  return new WooError(400, code, `Invalid parameter(s): ${param}`, {
    params: { [param]: reason },
    details: { [param]: { code: code === 'rest_invalid_param' ? 'rest_invalid_type' : code, message: reason, data: null } },
  });
}

export const noRoute = (): WooError =>
  new WooError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
