// The two 3-hour clocks of a risk as live countdowns: hh:mm:ss ticking every second, amber in the last
// hour, red and «просрочено на …» once run out, green «в срок» / red «с опозданием» once done.
import { useSyncExternalStore, type ReactNode } from 'react';
import { RISK_WARNING_MINUTES } from '../../../domain/risks';
import type { RiskClockInfo } from '../riskApi';
import { useI18n } from '../i18n';

// One timer for every clock on the page.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = Date.now();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, updated every second while something shows it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}

/** The value of a datetime-local input for a moment, in the browser's time. */
export function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export type LiveClockState = 'running' | 'due_soon' | 'overdue' | 'met' | 'late' | 'not_started' | 'waiting';

interface Live {
  state: LiveClockState;
  /** Milliseconds left (negative once run out) while the clock runs. */
  left: number | null;
}

/**
 * The clock's state at `at` (the browser's time). `receivedAt` is when the server's answer came: the
 * server's `leftMs` then corrects for a browser clock that is off.
 */
export function liveClock(clock: RiskClockInfo, at: number, receivedAt: number, stopped: boolean): Live {
  if (clock.state === 'met' || clock.state === 'late') return { state: clock.state, left: null };
  if (!clock.deadline || clock.state === 'not_started') return { state: clock.deadline || stopped ? 'not_started' : 'waiting', left: null };
  const deadline = Date.parse(clock.deadline);
  if (stopped) return { state: clock.state === 'overdue' ? 'overdue' : 'not_started', left: null };
  const offset = clock.leftMs === null ? 0 : deadline - clock.leftMs - receivedAt;
  const left = deadline - (at + offset);
  return { state: left < 0 ? 'overdue' : left <= RISK_WARNING_MINUTES * 60_000 ? 'due_soon' : 'running', left };
}

interface RiskClockProps {
  clock: RiskClockInfo;
  receivedAt: number;
  /** The risk is closed: a clock no longer runs. */
  stopped?: boolean;
  /** Also show the deadline or the time it was done, under the countdown. */
  detailed?: boolean;
  qa?: string;
}

export function RiskClock({ clock, receivedAt, stopped = false, detailed = false, qa }: RiskClockProps) {
  const { t, formatDateTime } = useI18n();
  const c = t.risks.clock;
  const at = useNow();
  const { state, left } = liveClock(clock, at, receivedAt, stopped);
  let main: ReactNode;
  switch (state) {
    case 'met': main = c.met; break;
    case 'late': main = c.late; break;
    case 'waiting': main = c.waiting; break;
    case 'not_started': main = '—'; break;
    // «просрочено на» may wrap in a narrow column; the time itself never does.
    case 'overdue': main = left === null ? c.overdue : <>{c.overdueBy} <span className="risk-clock__time">{c.span(left)}</span></>; break;
    default: main = <span className="risk-clock__time">{c.span(left ?? 0)}</span>;
  }
  const sub = clock.doneAt ? c.doneAt(formatDateTime(clock.doneAt)) : clock.deadline ? c.deadline(formatDateTime(clock.deadline)) : null;
  return (
    <span className={`risk-clock risk-clock_${state}`} data-qa={qa} data-state={state}>
      <span className="risk-clock__main" role={state === 'running' || state === 'due_soon' ? 'timer' : undefined}>{main}</span>
      {detailed && sub && <span className="risk-clock__sub">{sub}</span>}
    </span>
  );
}
