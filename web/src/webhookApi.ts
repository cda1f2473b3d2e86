// The client of the webhook routes: subscriptions, their deliveries and «отправить снова».
import type { Static } from 'typebox';
import type {
  CreatedWebhookSubscription as CreatedSchema, CreateWebhookSubscription as CreateSchema, UpdateWebhookSubscription as UpdateSchema,
  WebhookDelivery as DeliverySchema, WebhookDeliveryList as DeliveryListSchema, WebhookSubscription as SubscriptionSchema, WebhookSubscriptionList as ListSchema,
} from '../../server/modules/webhooks/schema';
import { request } from './api';

export type WebhookSubscription = Static<typeof SubscriptionSchema>;
export type WebhookSubscriptionList = Static<typeof ListSchema>;
export type CreateWebhookSubscription = Static<typeof CreateSchema>;
export type UpdateWebhookSubscription = Static<typeof UpdateSchema>;
export type CreatedWebhookSubscription = Static<typeof CreatedSchema>;
export type WebhookDelivery = Static<typeof DeliverySchema>;

const path = (id: string) => `/api/webhooks/${encodeURIComponent(id)}`;

export const webhookApi = {
  list: () => request<WebhookSubscriptionList>('GET', '/api/webhooks'),
  create: (body: CreateWebhookSubscription) => request<CreatedWebhookSubscription>('POST', '/api/webhooks', { body }),
  update: (id: string, body: UpdateWebhookSubscription) => request<WebhookSubscription>('PATCH', path(id), { body }),
  remove: (id: string) => request<void>('DELETE', path(id)),
  deliveries: (id: string) => request<Static<typeof DeliveryListSchema>>('GET', `${path(id)}/deliveries`),
  redeliver: (id: string, deliveryId: string) => request<WebhookDelivery>('POST', `${path(id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`),
};
