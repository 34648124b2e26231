// GraphQL view of a webhook subscription.
import { gid } from './gid.ts';
import type { SubscriptionRecord } from './webhooks.ts';

export class WebhookSubscriptionView {
  readonly __typename = 'WebhookSubscription';
  constructor(private readonly record: SubscriptionRecord) {}
  get id() {
    return gid('WebhookSubscription', this.record.id);
  }
  get legacyResourceId() {
    return String(this.record.id);
  }
  get topic() {
    return this.record.topic;
  }
  get uri() {
    return this.record.uri;
  }
  get callbackUrl() {
    return this.record.uri;
  }
  get format() {
    return this.record.format;
  }
  get createdAt() {
    return this.record.createdAt;
  }
  get updatedAt() {
    return this.record.createdAt;
  }
  get apiVersion() {
    return { __typename: 'ApiVersion', handle: '2026-07', displayName: '2026-07', supported: true };
  }
  get includeFields() {
    return [];
  }
  get metafieldNamespaces() {
    return [];
  }
  get filter() {
    return null;
  }
  get name() {
    return null;
  }
  get endpoint() {
    return { __typename: 'WebhookHttpEndpoint', callbackUrl: this.record.uri };
  }
}
