// Quarterly reports (§10.1–10.2). ЦУР sees the matrix of municipalities × quarters of a year, each cell
// on time / late / missing / returned / accepted, with the due dates, a legend and counters per quarter.
// An administration sees its own row of quarters and opens (creates on first use) a quarter's report.
import { useCallback, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { Button, Icon, Loader, Select, Text } from '@gravity-ui/uikit';
import { FileText } from '@gravity-ui/icons';
import { reportDueDate, reportingQuarter, type Quarter } from '../../../domain/reports/quarters';
import { DEFAULT_TIME_ZONE, toLocalDate } from '../../../domain/calendar/localDate';
import { reportApi, REPORT_CELL_STATUSES, type ReportCell, type ReportMatrix } from '../reportApi';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';
import { ReportChip, ReportLegend } from '../components/ReportBadges';
import '../reports.css';

const FIRST_YEAR = 2020;

/** The reporting quarter of today in the region: the previous quarter, whose report is due next. */
function currentReporting() {
  const today = toLocalDate(new Date(), DEFAULT_TIME_ZONE);
  return { today, ...reportingQuarter(today) };
}

export function ReportsPage() {
  const { t, errorText } = useI18n();
  const r = t.reports;
  const session = useCurrentSession();
  const regional = session.user.organization.kind === 'regional_center';
  const navigate = useNavigate();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const reporting = useMemo(currentReporting, []);
  const thisYear = Number(reporting.today.slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= thisYear ? asked : reporting.year;
  const { data: matrix, error } = useResource(() => reportApi.matrix(year), [year]);
  const [opening, setOpening] = useState<string | null>(null);

  const open = useCallback(async (y: number, quarter: number) => {
    setOpening(`${y}-${quarter}`);
    try {
      const report = await reportApi.open({ year: y, quarter });
      navigate(`/reports/${report.id}`);
    } catch (e) {
      notify.failure(e);
      setOpening(null);
    }
  }, [navigate, notify]);

  const years = Array.from({ length: Math.min(5, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
  const yearPicker = (
    <Select
      width={120} value={[String(year)]} onUpdate={([v]) => v && setParams({ year: v }, { replace: true })}
      options={years.map((y) => ({ value: String(y), content: String(y) }))} aria-label={r.year} title={r.year} qa="report-year"
    />
  );
  const reportingLabel = r.openReporting(reporting.quarter, reporting.year);

  return (
    <div className="page page_wide reports-page" data-qa="reports-page">
      <PageHeader
        title={r.title}
        actions={(
          <>
            {yearPicker}
            {session.policies['reports.compose'] === true && (
              <Button
                view="action" loading={opening === `${reporting.year}-${reporting.quarter}`} onClick={() => void open(reporting.year, reporting.quarter)}
                title={r.openReportingHint(reportDueDate(reporting.year, reporting.quarter))} qa="open-reporting-quarter"
              >
                <Icon data={FileText} size={16} />{reportingLabel}
              </Button>
            )}
          </>
        )}
      >
        <Text color="secondary">{regional ? r.leadRegional : r.leadOwn}</Text>
      </PageHeader>
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {!matrix && error === null && <Loader />}
      {matrix && regional && <RegionalMatrix matrix={matrix} />}
      {matrix && !regional && <OwnQuarters matrix={matrix} opening={opening} onOpen={(q) => void open(matrix.year, q)} />}
      {matrix && <ReportLegend />}
    </div>
  );
}

function QuarterHead({ quarter, dueDate }: { quarter: number; dueDate: string }) {
  const { t } = useI18n();
  return (
    <>
      <span className="report-matrix__quarter">{t.reports.quarter(quarter)}</span>
      <Text as="span" color="secondary" variant="caption-2" className="report-matrix__due">{t.reports.due(dueDate)}</Text>
    </>
  );
}

function RegionalMatrix({ matrix }: { matrix: ReportMatrix }) {
  const { t } = useI18n();
  const r = t.reports;
  const counts = matrix.quarters.map((q) => {
    const tally = new Map<string, number>();
    for (const row of matrix.rows) {
      const cell = row.cells.find((c) => c.quarter === q.quarter);
      if (cell) tally.set(cell.status, (tally.get(cell.status) ?? 0) + 1);
    }
    return { quarter: q.quarter, started: q.started, tally };
  });

  if (matrix.rows.length === 0) return <Text color="secondary">{r.empty}</Text>;
  return (
    <div className="table-wrap">
      <table className="report-matrix" data-qa="report-matrix">
        <thead>
          <tr>
            <th scope="col" className="report-matrix__name">{r.municipality}</th>
            {matrix.quarters.map((q) => (
              <th key={q.quarter} scope="col" data-qa={`report-quarter-${q.quarter}`}><QuarterHead quarter={q.quarter} dueDate={q.dueDate} /></th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.municipality} data-qa={`report-row-${row.municipality}`}>
              <th scope="row" className="report-matrix__name">{row.municipalityName}</th>
              {matrix.quarters.map((q) => {
                const cell = row.cells.find((c) => c.quarter === q.quarter);
                return (
                  <td key={q.quarter} data-qa={`report-cell-${q.quarter}`}>
                    {cell && <MatrixCell cell={cell} started={q.started} label={r.openCell(row.municipalityName, q.quarter)} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-qa="report-counters">
            <th scope="row" className="report-matrix__name">{r.counters}</th>
            {counts.map((c) => (
              <td key={c.quarter} data-qa={`report-counters-${c.quarter}`}>
                {c.started ? (
                  <ul className="report-counters">
                    {REPORT_CELL_STATUSES.filter((s) => c.tally.get(s)).map((s) => (
                      <li key={s} data-qa={`report-counter-${s}`}>
                        <ReportChip status={s} /> <span className="report-counters__n">{c.tally.get(s)}</span>
                      </li>
                    ))}
                  </ul>
                ) : <Text color="secondary" variant="caption-2">{r.notStarted}</Text>}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function MatrixCell({ cell, started, label }: { cell: ReportCell; started: boolean; label: string }) {
  const { t, formatDateTime } = useI18n();
  if (!started) return <Text color="secondary" title={t.reports.notStarted}>—</Text>;
  const chip = <ReportChip status={cell.status} />;
  return (
    <div className="report-cell">
      {cell.reportId ? <RouterLink to={`/reports/${cell.reportId}`} className="report-cell__link" aria-label={label} data-qa="report-link">{chip}</RouterLink> : chip}
      {cell.submittedAt && <Text color="secondary" variant="caption-2">{formatDateTime(cell.submittedAt)}</Text>}
    </div>
  );
}

function OwnQuarters({ matrix, opening, onOpen }: { matrix: ReportMatrix; opening: string | null; onOpen(quarter: number): void }) {
  const { t, formatDateTime } = useI18n();
  const r = t.reports;
  const row = matrix.rows[0];
  if (!row) return <Text color="secondary">{r.empty}</Text>;
  return (
    <ol className="report-quarters" data-qa="report-quarters">
      {matrix.quarters.map((q) => {
        const cell = row.cells.find((c) => c.quarter === q.quarter);
        return (
          <li key={q.quarter} className={`report-quarter${q.started ? '' : ' report-quarter_future'}`} data-qa={`report-cell-${q.quarter}`}>
            <Text variant="subheader-2" as="h2">{r.quarter(q.quarter)} {matrix.year}</Text>
            <Text color="secondary" variant="caption-2">{r.due(q.dueDate)}</Text>
            {!q.started && <Text color="secondary">{r.notStarted}</Text>}
            {q.started && cell && (
              <>
                <div><ReportChip status={cell.status} /></div>
                {cell.submittedAt && <Text color="secondary" variant="caption-2">{formatDateTime(cell.submittedAt)}</Text>}
                {cell.reportId && !cell.submittedAt && <Text color="secondary" variant="caption-2" qa="report-in-preparation">{r.draftExists}</Text>}
                {cell.reportId
                  ? <RouterLink className="text-link" to={`/reports/${cell.reportId}`} data-qa="report-link">{r.open}</RouterLink>
                  : (
                    <Button view="outlined" size="s" loading={opening === `${matrix.year}-${q.quarter}`} onClick={() => onOpen(q.quarter as Quarter)} qa={`report-open-${q.quarter}`}>
                      {r.compose}
                    </Button>
                  )}
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
