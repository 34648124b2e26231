// An error as BigCommerce's v3 API answers it: { status, title, type, errors }.
export class BcError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: Record<string, string> = {},
  ) {
    super(title);
  }

  toBody(): { status: number; title: string; type: string; errors: Record<string, string> } {
    return {
      status: this.status,
      title: this.title,
      type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
      errors: this.errors,
    };
  }
}
