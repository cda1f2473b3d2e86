// A bar chart of the share of clocks met per municipality. ECharts (only its bar chart and canvas
// renderer) is loaded on first use, so the rest of the app does not carry it.
import { useEffect, useRef } from 'react';
import type { RiskStatisticsRow } from '../riskApi';
import { useI18n } from '../i18n';

export function RiskStatisticsChart({ rows }: { rows: RiskStatisticsRow[] }) {
  const { t } = useI18n();
  const s = t.risks.stats;
  const c = t.risks.clock;
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element || rows.length === 0) return;
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void (async () => {
      const { init } = await import('./RiskChartEngine');
      if (disposed) return;
      const instance = init(element, undefined, { renderer: 'canvas' });
      chart = instance;
      const percent = (v: number | null) => (v === null ? null : Math.round(v * 100));
      instance.setOption({
        textStyle: { fontFamily: 'Inter, sans-serif' },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)} %`) },
        xAxis: { type: 'category', data: rows.map((r) => r.municipalityName), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
        series: [
          { name: c.curProposal, type: 'bar', barMaxWidth: 40, data: rows.map((r) => percent(r.onTime.curProposal)), itemStyle: { color: '#2b5dd9' } },
          { name: c.draft, type: 'bar', barMaxWidth: 40, data: rows.map((r) => percent(r.onTime.draft)), itemStyle: { color: '#30aa6e' } },
        ],
      });
      window.addEventListener('resize', onResize);
    })();
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [rows, c.curProposal, c.draft]);

  if (rows.length === 0) return null;
  return <div ref={box} className="risk-chart" role="img" aria-label={s.chart} data-qa="risk-chart" />;
}
