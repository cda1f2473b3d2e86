// Throttle of failed logins: `check` returns whether a source may try now, or how long it must wait.
//
// Only failures count, and they slow the failing source, never the owner of the login:
// - per address: `perIp` failures within the window, whatever the logins;
// - per login and address: `perLogin` failures within the window — guessing one password from one
//   address is as slow as a plain per-login lock, yet the right password from elsewhere still works;
// - per login across all addresses: after `perLogin` failures each further attempt waits a delay
//   that doubles with every failure, up to a minute — guessing spread over many addresses is slowed
//   too, while the owner waits seconds, not the whole window; an address the owner logged in from
//   recently skips this delay.
// The state lives in the memory of one process and is bounded in size: several instances behind a
// balancer each keep their own, so the budgets multiply by their number.
import { normalizeIP } from '@fastify/rate-limit';

export interface ThrottleLimits {
  perIp: number;
  perLogin: number;
  windowMinutes: number;
}

export type RefusalReason = 'ip' | 'login_ip' | 'login';

export interface Refusal {
  reason: RefusalReason;
  retryAfterSeconds: number;
  /** The first refusal of this block: worth an audit row; the repeats are not. */
  first: boolean;
}

interface Counter {
  failures: number;
  /** End of the window that started with the first failure. */
  resetAt: number;
  lastFailureAt: number;
  refused: boolean;
}

const MAX_LOGIN_DELAY_MS = 60_000;
/** How long an address the owner logged in from skips the per-login delay. */
const TRUSTED_FOR_MS = 30 * 24 * 3600_000;
const MAX_KEYS = 50_000;

/** A map that forgets its oldest keys beyond `MAX_KEYS`, so a flood of addresses cannot exhaust memory. */
class BoundedMap<V> extends Map<string, V> {
  constructor(private readonly expired: (value: V, now: number) => boolean) {
    super();
  }

  put(key: string, value: V, now: number): void {
    this.delete(key);
    this.set(key, value);
    if (this.size <= MAX_KEYS) return;
    for (const [k, v] of this) if (this.expired(v, now)) this.delete(k);
    for (const k of this.keys()) {
      if (this.size <= MAX_KEYS) break;
      this.delete(k);
    }
  }
}

export function loginDelayMs(failures: number, perLogin: number): number {
  if (failures <= perLogin) return 0;
  return Math.min(1000 * 2 ** (failures - perLogin - 1), MAX_LOGIN_DELAY_MS);
}

export class LoginThrottle {
  private readonly windowMs: number;
  private readonly byIp = new BoundedMap<Counter>((c, now) => c.resetAt <= now);
  private readonly byLoginIp = new BoundedMap<Counter>((c, now) => c.resetAt <= now);
  private readonly byLogin = new BoundedMap<Counter>((c, now) => c.resetAt <= now);
  /** Login and address → the last successful login from there. */
  private readonly trusted = new BoundedMap<number>((at, now) => at + TRUSTED_FOR_MS <= now);

  constructor(private readonly limits: ThrottleLimits) {
    this.windowMs = limits.windowMinutes * 60_000;
  }

  check(login: string, ip: string, now: Date): Refusal | null {
    const t = now.getTime();
    const { address, pair, name } = keys(login, ip);
    const byIp = this.current(this.byIp, address, t);
    if (byIp && byIp.failures >= this.limits.perIp) return refuse(byIp, 'ip', byIp.resetAt - t);
    const byPair = this.current(this.byLoginIp, pair, t);
    if (byPair && byPair.failures >= this.limits.perLogin) return refuse(byPair, 'login_ip', byPair.resetAt - t);
    const byLogin = this.current(this.byLogin, name, t);
    if (byLogin && !this.isTrusted(pair, t)) {
      const wait = byLogin.lastFailureAt + loginDelayMs(byLogin.failures, this.limits.perLogin) - t;
      if (wait > 0) return refuse(byLogin, 'login', wait);
    }
    return null;
  }

  recordFailure(login: string, ip: string, now: Date): void {
    const t = now.getTime();
    const { address, pair, name } = keys(login, ip);
    this.count(this.byIp, address, t);
    this.count(this.byLoginIp, pair, t);
    this.count(this.byLogin, name, t);
  }

  recordSuccess(login: string, ip: string, now: Date): void {
    const { pair } = keys(login, ip);
    this.byLoginIp.delete(pair);
    this.trusted.put(pair, now.getTime(), now.getTime());
  }

  private isTrusted(pair: string, t: number): boolean {
    const at = this.trusted.get(pair);
    return at !== undefined && at + TRUSTED_FOR_MS > t;
  }

  private current(map: BoundedMap<Counter>, key: string, t: number): Counter | undefined {
    const counter = map.get(key);
    if (counter && counter.resetAt <= t) {
      map.delete(key);
      return undefined;
    }
    return counter;
  }

  private count(map: BoundedMap<Counter>, key: string, t: number): void {
    const counter = this.current(map, key, t) ?? { failures: 0, resetAt: t + this.windowMs, lastFailureAt: t, refused: false };
    counter.failures += 1;
    counter.lastFailureAt = t;
    map.put(key, counter, t);
  }
}

function keys(login: string, ip: string) {
  const name = login.trim().toLowerCase();
  // An IPv6 network hands out a whole /64 to one customer: it counts as one address.
  const address = normalizeIP(ip);
  return { address, pair: `${name}\n${address}`, name };
}

function refuse(counter: Counter, reason: RefusalReason, waitMs: number): Refusal {
  const first = !counter.refused;
  counter.refused = true;
  return { reason, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), first };
}
