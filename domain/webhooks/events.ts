// Events an integrator may subscribe to, and the schedule of delivery attempts. Pure, shared with the web.

export const WEBHOOK_EVENTS = ['appeal.created', 'appeal.status_changed', 'appeal.answered', 'risk.registered', 'risk.published', 'report.submitted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'appeal.created': 'Обращение поступило',
  'appeal.status_changed': 'Статус обращения изменён',
  'appeal.answered': 'Дан ответ на обращение',
  'risk.registered': 'Зарегистрирован информационный риск',
  'risk.published': 'Опубликован официальный комментарий',
  'report.submitted': 'Квартальный отчёт направлен в ЦУР',
};

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WEBHOOK_DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  pending: 'Ожидает отправки',
  delivered: 'Доставлено',
  failed: 'Не доставлено',
};

/** Attempts before a delivery is given up; «отправить снова» allows one more. */
export const WEBHOOK_MAX_ATTEMPTS = 8;

const MINUTE = 60_000;

/** Delay before the next attempt after `attempts` failed ones: 1, 2, 4, 8… minutes, at most six hours. */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0), 360) * MINUTE;
}

/** What happens after a failed attempt: give up, or try again after the delay. */
export function afterFailure(attempts: number, now: Date): { status: 'failed' | 'pending'; nextAttemptAt: Date } {
  return attempts >= WEBHOOK_MAX_ATTEMPTS
    ? { status: 'failed', nextAttemptAt: now }
    : { status: 'pending', nextAttemptAt: new Date(now.getTime() + webhookRetryDelayMs(attempts)) };
}

/** An answer counts as delivered only with a 2xx status. */
export function isDelivered(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}
