// Small pieces shared by the registry and the card: the status label, the running deadline with its
// countdown, and the flags of an appeal.
import { Label, Text, type LabelProps } from '@gravity-ui/uikit';
import { OPEN_STATUSES, STATUS_LABELS, type AppealStatus } from '../../../domain/appeals';
import { useI18n } from '../i18n';

const STATUS_THEMES: Partial<Record<AppealStatus, LabelProps['theme']>> = {
  received: 'info',
  registered: 'info',
  assigned: 'normal',
  in_progress: 'normal',
  on_approval: 'warning',
  answered: 'success',
  closed: 'unknown',
  forwarded: 'unknown',
  left_without_answer: 'unknown',
  merged: 'unknown',
  reopened: 'danger',
};

export function StatusLabel({ status }: { status: string }) {
  const { locale } = useI18n();
  const label = STATUS_LABELS[locale][status as AppealStatus] ?? status;
  return <Label theme={STATUS_THEMES[status as AppealStatus] ?? 'normal'} qa="appeal-status">{label}</Label>;
}

interface DeadlineInfo {
  status: string;
  deadlines: { register: string; answer: string };
  overdue: boolean;
  dueSoon: boolean;
  workingDaysLeft: number | null;
}

/** The deadline that runs now: registration while received, the answer while in work, none once done. */
export function runningDeadline(appeal: DeadlineInfo): string | null {
  if (!(OPEN_STATUSES as readonly string[]).includes(appeal.status)) return null;
  return appeal.status === 'received' ? appeal.deadlines.register : appeal.deadlines.answer;
}

export function useCountdown() {
  const { t } = useI18n();
  const c = t.appeals.countdown;
  return (appeal: DeadlineInfo): string | null => {
    if (runningDeadline(appeal) === null) return null;
    const left = appeal.workingDaysLeft;
    if (appeal.overdue) return left !== null && left < 0 ? c.overdueBy(-left) : c.overdue;
    if (left === null) return null;
    return left === 0 ? c.today : c.left(left);
  };
}

/** The running deadline's date and, under it, the countdown coloured by urgency. */
export function DeadlineCell({ appeal }: { appeal: DeadlineInfo }) {
  const { formatDate } = useI18n();
  const countdown = useCountdown();
  const date = runningDeadline(appeal);
  if (!date) return <Text color="secondary">—</Text>;
  const text = countdown(appeal);
  const color = appeal.overdue ? 'danger' : appeal.dueSoon ? 'warning' : 'secondary';
  return (
    <div className="deadline-cell">
      <div>{formatDate(date)}</div>
      {text && <Text variant="caption-2" color={color} qa="countdown">{text}</Text>}
    </div>
  );
}

interface FlagsOf {
  overdue: boolean;
  dueSoon: boolean;
  onControl: boolean;
  flaggedForCur: boolean;
  repeated?: boolean;
  tone?: string;
  language?: { obscene: string[]; threats: string[] } | null;
  resendOf?: { id: string } | null;
}

/** Flags as labels; the registry leaves out the deadline ones, which its row colour and countdown already say. */
export function AppealFlags({ appeal, deadlines = true }: { appeal: FlagsOf; deadlines?: boolean }) {
  const { t } = useI18n();
  const f = t.appeals.flags;
  return (
    <div className="labels">
      {deadlines && appeal.overdue && <Label theme="danger" size="xs">{f.overdue}</Label>}
      {deadlines && !appeal.overdue && appeal.dueSoon && <Label theme="warning" size="xs">{f.dueSoon}</Label>}
      {appeal.onControl && <Label theme="info" size="xs">{f.onControl}</Label>}
      {appeal.flaggedForCur && <Label theme="danger" size="xs">{f.flagged}</Label>}
      {appeal.repeated && <Label theme="utility" size="xs">{f.repeated}</Label>}
      {appeal.resendOf && <Label theme="warning" size="xs">{f.resend}</Label>}
      {appeal.tone === 'aggressive' && <Label theme="danger" size="xs" qa="tone-label">{f.aggressive}</Label>}
      {appeal.tone === 'negative' && <Label theme="warning" size="xs" qa="tone-label">{f.negative}</Label>}
      {appeal.language && <Label theme="danger" size="xs" qa="offensive-label">{f.offensive}</Label>}
    </div>
  );
}
