import { Label } from '@gravity-ui/uikit';
import type { AddresseeStatus } from '../directoryApi';
import { useI18n } from '../i18n';

const THEMES: Record<AddresseeStatus, 'info' | 'normal' | 'success' | 'danger'> = { sent: 'normal', read: 'info', answered: 'success', overdue: 'danger' };

export function RequestStatus({ status, prefix }: { status: AddresseeStatus; prefix?: string }) {
  const { t } = useI18n();
  return <Label theme={THEMES[status]}>{prefix ? `${prefix}: ` : ''}{t.directory.requests.status[status]}</Label>;
}

/** «осталось 2 д 3 ч» / «просрочено на 5 ч» from a deadline. */
export function useDueText() {
  const { t } = useI18n();
  return (dueAt: string, now = Date.now()) => {
    const ms = Date.parse(dueAt) - now;
    const hours = Math.floor(Math.abs(ms) / 3_600_000);
    const u = t.directory.requests.units;
    const text = hours >= 24 ? `${Math.floor(hours / 24)} ${u.d} ${hours % 24} ${u.h}` : `${hours} ${u.h} ${Math.floor((Math.abs(ms) % 3_600_000) / 60_000)} ${u.min}`;
    return ms >= 0 ? t.directory.requests.left(text) : t.directory.requests.overdueBy(text);
  };
}
