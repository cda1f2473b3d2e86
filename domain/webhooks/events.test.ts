import { describe, expect, it } from 'vitest';
import { afterFailure, isDelivered, webhookRetryDelayMs, WEBHOOK_MAX_ATTEMPTS } from './events';

const MIN = 60_000;

describe('webhook delivery schedule', () => {
  it.each([[1, 1], [2, 2], [3, 4], [4, 8], [8, 128], [9, 256], [10, 360], [20, 360]])('after %i failed attempts waits %i minutes', (attempts, minutes) => {
    expect(webhookRetryDelayMs(attempts)).toBe(minutes * MIN);
  });

  it('gives up at the last attempt and retries before it', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(afterFailure(1, now)).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + MIN) });
    expect(afterFailure(WEBHOOK_MAX_ATTEMPTS - 1, now).status).toBe('pending');
    expect(afterFailure(WEBHOOK_MAX_ATTEMPTS, now).status).toBe('failed');
  });

  it.each([[200, true], [204, true], [299, true], [301, false], [404, false], [500, false], [null, false]])('status %s delivered: %s', (code, delivered) => {
    expect(isDelivered(code)).toBe(delivered);
  });
});
