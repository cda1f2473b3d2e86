// A quarterly report: the municipality, quarter, due date, status and timeliness; ЦУР's remarks when it
// was returned; the steps this user may take now; XLSX and PDF; the figures from the registry, each a
// link to exactly the appeals it counts; and the analytical part, editable in a draft or after a return.
import { useCallback, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Icon, Loader, Text } from '@gravity-ui/uikit';
import { ArrowDownToLine, ArrowLeft } from '@gravity-ui/icons';
import { ApiError } from '../api';
import { isReportAction, reportApi, type Report, type ReportAction } from '../reportApi';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { MessagePage } from '../components/MessagePage';
import { useNotify } from '../components/notify';
import { ReportChip, ReportStatusLabel } from '../components/ReportBadges';
import { ReportFigures } from '../components/ReportFigures';
import { ReportAnalytics, useReportAnalytics } from '../components/ReportAnalytics';
import { ReportActionDialog } from '../components/ReportActionDialog';
import '../reports.css';

const PRIMARY: ReportAction[] = ['sign', 'submit', 'accept'];

export function ReportCardPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const { data: report, error, set: setReport } = useResource(() => reportApi.get(id), [id]);

  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <MessagePage title={t.reports.card.notFound} text={errorText(error)} action={<RouterLink className="text-link" to="/reports">{t.reports.card.back}</RouterLink>} />;
  }
  if (error) return <Text color="danger">{errorText(error)}</Text>;
  if (!report) return <Loader />;
  return <ReportCard report={report} onChange={setReport} />;
}

function ReportCard({ report, onChange }: { report: Report; onChange(report: Report): void }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const r = t.reports;
  const c = r.card;
  const notify = useNotify();
  const editable = report.can.edit;
  const analytics = useReportAnalytics(report, editable, onChange);
  const [action, setAction] = useState<ReportAction | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const actions = report.actions.filter(isReportAction);
  const primary = PRIMARY.find((a) => actions.includes(a));

  const start = useCallback(async (next: ReportAction) => {
    // What is typed is saved before the head signs it.
    if (next === 'sign' && !(await analytics.save())) return;
    setRefusal(null);
    setAction(next);
  }, [analytics]);

  const done = (updated: Report, performed: ReportAction) => {
    onChange(updated);
    setAction(null);
    setRefusal(null);
    notify.success(r.actionDone[performed]);
  };

  const person = (entry: { at: string; by: { fullName: string } | null } | null) => (entry ? c.by(formatDateTime(entry.at), entry.by?.fullName) : null);
  const facts: [string, string | null][] = [
    [c.period, `${formatDate(report.figures.period.from)} — ${formatDate(report.figures.period.to)}`],
    [c.dueDate, formatDate(report.dueDate)],
    [c.signed, person(report.signed)],
    [c.submitted, person(report.submitted)],
    [c.reviewed, person(report.reviewed)],
  ];

  return (
    <div className="page page_wide report-card" data-qa="report-card">
      <RouterLink className="text-link back-link" to={`/reports?year=${report.year}`}>
        <Icon data={ArrowLeft} size={14} />{c.back}
      </RouterLink>
      <header className="page-header">
        <div className="page-header__row">
          <div className="report-card__title">
            <Text as="h1" variant="header-2" qa="report-title">{r.reportTitle(report.quarter, report.year)}</Text>
            <Text variant="subheader-3" qa="report-municipality">{report.municipalityName}</Text>
          </div>
          <div className="report-card__badges">
            <span className="report-card__badge"><Text color="secondary" variant="caption-2">{c.status}</Text><ReportStatusLabel status={report.status} /></span>
            <span className="report-card__badge" data-qa="report-timeliness"><Text color="secondary" variant="caption-2">{c.timeliness}</Text><ReportChip status={report.timeliness} /></span>
          </div>
        </div>
        <dl className="facts report-card__facts">
          {facts.filter(([, v]) => v).map(([k, v]) => (
            <div key={k} className="report-card__fact"><dt>{k}</dt><dd>{v}</dd></div>
          ))}
        </dl>
        {report.status === 'returned' && report.reviewed && (
          <Alert
            theme="danger" view="filled" title={c.returnedTitle} qa="report-remarks"
            message={<><Text as="div" className="report-remarks__text">{report.reviewed.remarks}</Text><Text color="secondary" variant="caption-2">{person(report.reviewed)}</Text></>}
          />
        )}
        {report.status === 'accepted' && (
          <Alert theme="success" title={c.acceptedTitle} qa="report-accepted" message={report.reviewed?.remarks ?? person(report.reviewed) ?? ''} />
        )}
        <div className="report-card__toolbar">
          <div className="report-actions" role="group" aria-label={c.actions} data-qa="report-actions">
            {actions.length === 0 && <Text color="secondary">{c.noActions}</Text>}
            {actions.map((a) => (
              <Button key={a} view={a === primary ? 'action' : a === 'return' ? 'outlined-danger' : 'outlined'} onClick={() => void start(a)} qa={`report-action-${a}`}>
                {r.actions[a]}
              </Button>
            ))}
          </div>
          {report.can.export && (
            <div className="report-downloads" role="group" aria-label={c.downloads} data-qa="report-downloads">
              <Button view="outlined" href={reportApi.exportUrl(report.id, 'xlsx')} qa="report-xlsx"><Icon data={ArrowDownToLine} size={16} />XLSX</Button>
              <Button view="outlined" href={reportApi.exportUrl(report.id, 'pdf')} qa="report-pdf"><Icon data={ArrowDownToLine} size={16} />PDF</Button>
            </div>
          )}
        </div>
      </header>
      <section className="report-card__stats" aria-label={r.figures.totals}>
        <Text color="secondary" as="p" qa="report-figures-note">{report.figuresFrozen ? c.frozen : c.live} {c.linksHint}</Text>
        <ReportFigures figures={report.figures} />
      </section>
      <ReportAnalytics state={analytics} editable={editable} fieldErrors={refusal} />
      <ReportActionDialog report={report} action={action} onClose={() => setAction(null)} onDone={done} onRefused={setRefusal} />
    </div>
  );
}
