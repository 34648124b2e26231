import { operation } from './operation.ts';

export const WEBHOOKS_FIRST = 100;

export const webhookSubscriptions = operation<{ uri: string }>(
  'WebhookSubscriptions',
  /* GraphQL */ `
    query WebhookSubscriptions($uri: String!) {
      webhookSubscriptions(first: ${WEBHOOKS_FIRST}, uri: $uri) {
        nodes { id topic uri }
      }
    }
  `,
  () => 2 + WEBHOOKS_FIRST,
);

export const webhookSubscriptionCreate = operation<{ topic: string; uri: string }>(
  'WebhookSubscriptionCreate',
  /* GraphQL */ `
    mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $uri: String!) {
      webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON }) {
        webhookSubscription { id topic uri }
        userErrors { field message }
      }
    }
  `,
  () => 11,
);
