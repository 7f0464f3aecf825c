/** The by-organisation bar chart: ECharts' core with only the parts it uses, loaded when the dashboard opens. */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, DataZoomComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

export interface Bar {
  id: string;
  name: string;
  ratio: number | null;
  numerator: number;
  denominator: number;
}

export default function OrgBarChart({ bars, figureName, onPick }: { bars: Bar[]; figureName: string; onPick: (id: string) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => pick.current(bars[p.dataIndex as number]?.id ?? ''));
    const resize = () => c.resize();
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      c.dispose();
    };
  }, []);

  useEffect(() => {
    const c = chart.current!;
    c.off('click');
    c.on('click', (p) => {
      const bar = bars[p.dataIndex as number];
      if (bar) pick.current(bar.id);
    });
    c.setOption(
      {
        grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (ps: { dataIndex: number }[]) => {
            const b = bars[ps[0].dataIndex];
            return `${b.name}<br/>${figureName}：${b.ratio === null ? '—' : `${(b.ratio * 100).toFixed(1)}%`}（${b.numerator} / ${b.denominator}）`;
          },
        },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name), axisLabel: { width: 180, overflow: 'truncate' } },
        series: [
          {
            type: 'bar',
            cursor: 'pointer',
            barMaxWidth: 22,
            data: bars.map((b) => ({
              value: b.ratio === null ? 0 : Math.round(b.ratio * 1000) / 10,
              itemStyle: { color: b.ratio === null ? '#bfbfbf' : b.ratio >= 0.9 ? '#389e0d' : b.ratio >= 0.6 ? '#d48806' : '#cf1322' },
            })),
            label: {
              show: true,
              position: 'right',
              formatter: (p: { dataIndex: number }) => `${bars[p.dataIndex].numerator}/${bars[p.dataIndex].denominator}`,
            },
          },
        ],
      },
      { notMerge: true },
    );
    c.resize({ height: Math.max(160, bars.length * 34 + 24) });
  }, [bars, figureName]);

  return (
    <div
      ref={el}
      className="hub-chart"
      style={{ height: Math.max(160, bars.length * 34 + 24) }}
      role="img"
      aria-label={`各单位${figureName}条形图，点击条形查看该单位项目`}
    />
  );
}
