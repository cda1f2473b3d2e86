// The statistical part of a quarterly report as readable sections. Every count of appeals is a link to
// the registry filtered to exactly the appeals it counts (the figure's `filter` from the server).
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Card, Text } from '@gravity-ui/uikit';
import { CHANNEL_LABELS, KIND_LABELS, RESULT_CODE_LABELS, type AppealKind, type Channel, type ResultCode } from '../../../domain/appeals';
import { RISK_KIND_LABELS, RISK_LEVEL_LABELS, type RiskKind, type RiskLevel } from '../../../domain/risks';
import { registryLink, type ReportFigure, type ReportFigures as Figures } from '../reportApi';
import { useI18n } from '../i18n';

type Locale = 'ru' | 'en';

/** A count of appeals linked to the registry listing them. */
export function FigureLink({ value, filter, qa, label }: { value: number; filter: string; qa: string; label?: string }) {
  const { locale } = useI18n();
  return (
    <RouterLink className="report-figure__link" to={registryLink(filter)} data-qa={qa} data-value={value} title={label}>
      {value.toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB')}
    </RouterLink>
  );
}

function Section({ title, qa, children, wide }: { title: string; qa: string; children: ReactNode; wide?: boolean }) {
  return (
    <Card view="outlined" className={`report-section${wide ? ' report-section_wide' : ''}`} qa={qa}>
      <Text as="h3" variant="subheader-2" className="report-section__title">{title}</Text>
      {children}
    </Card>
  );
}

function Tile({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <div className="report-tile">
      <span className="report-tile__value">{children}</span>
      <Text color="secondary" variant="caption-2" className="report-tile__label">{label}</Text>
      {hint && <Text color="secondary" variant="caption-1">{hint}</Text>}
    </div>
  );
}

/** Labels of enumerations in the interface's language; topic titles stay as the classifier names them. */
function labelOf(group: string, figure: ReportFigure, locale: Locale): string {
  if (group === 'byChannel') return CHANNEL_LABELS[locale][figure.key as Channel] ?? figure.label;
  if (group === 'byKind') return KIND_LABELS[locale][figure.key as AppealKind] ?? figure.label;
  if (group === 'byResult') return RESULT_CODE_LABELS[locale][figure.key as ResultCode] ?? figure.label;
  return figure.label;
}

function Breakdown({ group, title, items, total }: { group: string; title: string; items: ReportFigure[]; total: number }) {
  const { t, locale } = useI18n();
  const f = t.reports.figures;
  return (
    <Section title={title} qa={`report-${group}`}>
      {items.length === 0 ? <Text color="secondary">{f.none}</Text> : (
        <table className="report-table">
          <tbody>
            {items.map((item) => (
              <tr key={item.key}>
                <td className="report-table__label">
                  {labelOf(group, item, locale)}
                  {(group === 'bySection' || group === 'byTheme') && <Text color="secondary" variant="caption-1" className="report-table__code"> {item.key}</Text>}
                </td>
                <td className="report-table__num"><FigureLink value={item.value} filter={item.filter} qa={`figure-${group}-${item.key}`} label={labelOf(group, item, locale)} /></td>
                <td className="report-table__share"><Text color="secondary" variant="caption-2">{f.share(item.value, total)}</Text></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function ReportFigures({ figures }: { figures: Figures }) {
  const { t, locale } = useI18n();
  const f = t.reports.figures;
  const total = figures.total.value;
  const counted = [
    ['collective', figures.collective],
    ['repeated', figures.repeated],
    ['extended', figures.extended],
    ['answeredLate', figures.answeredLate],
    ['stillOverdue', figures.stillOverdue],
  ] as const;
  const num = (v: number | null, fmt: (n: number) => string = String) => (v === null ? f.noData : fmt(v));
  const tally = (record: Record<string, number>, labels: Record<string, string>) => {
    const entries = Object.entries(record).filter(([, n]) => n > 0);
    return entries.length ? entries.map(([k, n]) => `${labels[k] ?? k}: ${n}`).join(' · ') : f.none;
  };

  return (
    <div className="report-figures" data-qa="report-figures">
      <Section title={f.totals} qa="report-totals" wide>
        <div className="report-tiles">
          <Tile label={f.total}><FigureLink value={total} filter={figures.total.filter} qa="figure-total" label={f.total} /></Tile>
          {counted.map(([key, figure]) => (
            <Tile key={key} label={f[key]} hint={f.share(figure.value, total)}>
              <FigureLink value={figure.value} filter={figure.filter} qa={`figure-${key}`} label={f[key]} />
            </Tile>
          ))}
        </div>
      </Section>
      <Section title={f.answerTime} qa="report-answer-time">
        <div className="report-tiles">
          <Tile label={f.average}>{num(figures.answerDays.average, f.days)}</Tile>
          <Tile label={f.median}>{num(figures.answerDays.median, f.days)}</Tile>
          <Tile label={f.answered}>{figures.answerDays.answered}</Tile>
        </div>
      </Section>
      <Section title={f.satisfaction} qa="report-satisfaction">
        <div className="report-tiles">
          <Tile label={f.rated}><FigureLink value={figures.satisfaction.rated} filter={figures.satisfaction.filter} qa="figure-rated" label={f.rated} /></Tile>
          <Tile label={f.averageScore}>{num(figures.satisfaction.average, f.days)}</Tile>
          <Tile label={f.positiveShare}>{num(figures.satisfaction.positiveShare, f.percent)}</Tile>
        </div>
      </Section>
      <Breakdown group="byChannel" title={f.byChannel} items={figures.byChannel} total={total} />
      <Breakdown group="byKind" title={f.byKind} items={figures.byKind} total={total} />
      <Breakdown group="byResult" title={f.byResult} items={figures.byResult} total={total} />
      <Breakdown group="bySection" title={f.bySection} items={figures.bySection} total={total} />
      <Breakdown group="byTheme" title={f.byTheme} items={figures.byTheme} total={total} />
      <Section title={f.topProblems} qa="report-top-problems" wide>
        {figures.topProblems.length === 0 ? <Text color="secondary">{f.none}</Text> : (
          <table className="report-table report-table_problems">
            <thead>
              <tr><th>{f.topic}</th><th className="report-table__num">{f.count}</th><th>{f.results}</th></tr>
            </thead>
            <tbody>
              {figures.topProblems.map((p) => (
                <tr key={p.topic}>
                  <td className="report-table__label">{p.title} <Text color="secondary" variant="caption-1">{p.topic}</Text></td>
                  <td className="report-table__num"><FigureLink value={p.count} filter={p.filter} qa={`figure-topProblems-${p.topic}`} label={p.title} /></td>
                  <td>
                    <ul className="report-results">
                      {Object.entries(p.results).filter(([, n]) => n > 0).map(([code, n]) => (
                        <li key={code}>
                          {RESULT_CODE_LABELS[locale][code as ResultCode] ?? code}:{' '}
                          <FigureLink value={n} filter={`${p.filter}&result=${encodeURIComponent(code)}`} qa={`figure-topProblems-${p.topic}-${code}`} />
                        </li>
                      ))}
                      {Object.keys(p.results).length === 0 && <li><Text color="secondary">{f.none}</Text></li>}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={f.risks} qa="report-risks" wide>
        <div className="report-tiles">
          <Tile label={f.risksTotal}>{figures.risks.total}</Tile>
          <Tile label={f.curProposalOnTime}>{num(figures.risks.curProposalOnTime, f.percent)}</Tile>
          <Tile label={f.draftOnTime}>{num(figures.risks.draftOnTime, f.percent)}</Tile>
        </div>
        <Text as="p" variant="body-1"><Text color="secondary">{f.riskKinds}:</Text> {tally(figures.risks.byKind, RISK_KIND_LABELS[locale] as Record<RiskKind, string>)}</Text>
        <Text as="p" variant="body-1"><Text color="secondary">{f.riskLevels}:</Text> {tally(figures.risks.byLevel, RISK_LEVEL_LABELS[locale] as Record<RiskLevel, string>)}</Text>
      </Section>
    </div>
  );
}
