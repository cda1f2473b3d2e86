// The part of ECharts the risk statistics use: bars on a grid with a legend and tooltips, drawn on canvas.
// Loaded on demand by RiskStatisticsChart.
import { init, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };
