// A chart of the analytics page: ECharts loaded on first use, an accessible name that points to the table
// beside it, and a PNG download of what is drawn.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@gravity-ui/uikit';
import { useI18n } from '../i18n';

type Instance = { dispose(): void; resize(): void; setOption(option: object, notMerge?: boolean): void; getDataURL(o: object): string };

export function AnalyticsChart({ name, option, file, qa }: { name: string; option: object; file: string; qa: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<Instance | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let disposed = false;
    let instance: Instance | null = null;
    const onResize = () => instance?.resize();
    void (async () => {
      const { init } = await import('./AnalyticsChartEngine');
      if (disposed) return;
      instance = init(element, undefined, { renderer: 'canvas' }) as unknown as Instance;
      setChart(instance);
      window.addEventListener('resize', onResize);
    })();
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      instance?.dispose();
      setChart(null);
    };
  }, []);

  useEffect(() => {
    chart?.setOption({ textStyle: { fontFamily: 'Inter, sans-serif' }, ...option }, true);
  }, [chart, option]);

  const download = () => {
    if (!chart) return;
    const a = document.createElement('a');
    a.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    a.download = `${file}.png`;
    a.click();
  };

  return (
    <div className="analytics-chart">
      <div ref={box} className="analytics-chart__canvas" role="img" aria-label={t.analytics.chartLabel(name)} data-qa={qa} />
      <Button view="flat-secondary" size="s" onClick={download} disabled={!chart} qa={`${qa}-png`}>{t.analytics.downloadPng}</Button>
    </div>
  );
}
