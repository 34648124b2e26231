// /v3/hooks: webhook subscriptions. The real API wants port 443 destinations; the emulator accepts
// any http(s) URL so tests can receive on loopback.
import { BcError } from '../bc-error.ts';
import { webhookJson } from '../representations.ts';
import type { Route } from '../router.ts';
import type { WebhookDispatcher } from '../webhook-dispatcher.ts';

export function hookRoutes(dispatcher: WebhookDispatcher, storeHash: string): Route[] {
  const hook = (id: string) => {
    const found = dispatcher.hooks.get(Number(id));
    if (!found) throw new BcError(404, `Webhook ${id} was not found.`);
    return found;
  };
  return [
    {
      method: 'GET',
      pattern: '/hooks',
      writes: false,
      handler: () => ({ status: 200, body: { data: [...dispatcher.hooks.values()].map((h) => webhookJson(h, storeHash)), meta: {} } }),
    },
    {
      method: 'POST',
      pattern: '/hooks',
      writes: true,
      handler: (request) => {
        const body = request.body as Record<string, unknown> | null;
        const errors: Record<string, string> = {};
        if (!body || typeof body.scope !== 'string' || !body.scope.startsWith('store/')) errors.scope = 'scope is required, e.g. store/order/created';
        let destinationOk = false;
        try {
          destinationOk = typeof body?.destination === 'string' && /^https?:$/.test(new URL(body.destination).protocol);
        } catch {
          destinationOk = false;
        }
        if (!destinationOk) errors.destination = 'destination must be an absolute http(s) URL';
        if (body?.headers !== undefined && body.headers !== null && (typeof body.headers !== 'object' || Object.values(body.headers).some((v) => typeof v !== 'string'))) {
          errors.headers = 'headers must be an object of strings';
        }
        if (Object.keys(errors).length > 0) throw new BcError(422, 'JSON data is missing or invalid', errors);
        const created = dispatcher.create({
          scope: body!.scope as string,
          destination: body!.destination as string,
          is_active: typeof body!.is_active === 'boolean' ? body!.is_active : true,
          headers: (body!.headers as Record<string, string> | null | undefined) ?? null,
        });
        return { status: 200, body: { data: webhookJson(created, storeHash), meta: {} } };
      },
    },
    {
      method: 'GET',
      pattern: '/hooks/{webhook_id}',
      writes: false,
      handler: (request) => ({ status: 200, body: { data: webhookJson(hook(request.params.webhook_id), storeHash), meta: {} } }),
    },
    {
      method: 'PUT',
      pattern: '/hooks/{webhook_id}',
      writes: true,
      handler: (request) => {
        const found = hook(request.params.webhook_id);
        const body = (request.body ?? {}) as Record<string, unknown>;
        if (typeof body.destination === 'string') found.destination = body.destination;
        if (typeof body.is_active === 'boolean') found.is_active = body.is_active;
        if (typeof body.scope === 'string') found.scope = body.scope;
        if (body.headers !== undefined) found.headers = body.headers as Record<string, string> | null;
        found.updated_at = Math.floor(Date.now() / 1000);
        return { status: 200, body: { data: webhookJson(found, storeHash), meta: {} } };
      },
    },
    {
      method: 'DELETE',
      pattern: '/hooks/{webhook_id}',
      writes: true,
      handler: (request) => {
        const found = hook(request.params.webhook_id);
        dispatcher.hooks.delete(found.id);
        return { status: 200, body: { data: webhookJson(found, storeHash), meta: {} } };
      },
    },
  ];
}
