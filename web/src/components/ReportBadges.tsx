// The chips of the quarterly reports: a matrix cell (on time, late, missing, returned, accepted,
// expected), the legend of them, and the report's own status.
import { Icon, Label, Text, type LabelProps } from '@gravity-ui/uikit';
import { CircleCheckFill } from '@gravity-ui/icons';
import { REPORT_CELL_STATUSES, type ReportCellStatus } from '../reportApi';
import { useI18n } from '../i18n';

const CELL_THEMES: Record<ReportCellStatus, LabelProps['theme']> = {
  pending: 'unknown',
  on_time: 'success',
  late: 'warning',
  missing: 'danger',
  returned: 'utility',
  accepted_on_time: 'success',
  accepted_late: 'warning',
};

const STATUS_THEMES: Record<string, LabelProps['theme']> = {
  draft: 'unknown',
  signed: 'info',
  submitted: 'info',
  accepted: 'success',
  returned: 'utility',
};

/** A matrix cell's chip; `data-status` carries the server's value for the tests and styles. */
export function ReportChip({ status }: { status: string }) {
  const { t } = useI18n();
  const r = t.reports;
  const known = status as ReportCellStatus;
  const accepted = known === 'accepted_on_time' || known === 'accepted_late';
  return (
    <span className={`report-chip report-chip_${status}`} data-qa="report-chip" data-status={status} title={r.cellHints[status]}>
      <Label theme={CELL_THEMES[known] ?? 'normal'} icon={accepted ? <Icon data={CircleCheckFill} size={12} /> : undefined}>
        {r.cells[status] ?? status}
      </Label>
    </span>
  );
}

export function ReportStatusLabel({ status }: { status: string }) {
  const { t } = useI18n();
  return <Label theme={STATUS_THEMES[status] ?? 'normal'} qa="report-status">{t.reports.statuses[status] ?? status}</Label>;
}

/** What each chip means. */
export function ReportLegend() {
  const { t } = useI18n();
  return (
    <section className="report-legend" aria-label={t.reports.legend} data-qa="report-legend">
      <Text variant="subheader-1" as="h2" className="report-legend__title">{t.reports.legend}</Text>
      <ul className="report-legend__list">
        {REPORT_CELL_STATUSES.map((s) => (
          <li key={s} className="report-legend__item">
            <ReportChip status={s} />
            <Text color="secondary" variant="caption-2">{t.reports.cellHints[s]}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
