/**
 * Chart island (ECharts).
 *
 * <div data-wh-chart data-chart-url="/api/dashboard/overdue-trend" data-chart-kind="bar|line|pie|timeline"></div>
 * <div data-wh-chart data-option='{ "xAxis": ..., "series": [...] }'></div>
 * Optional: data-title="..." and data-height="320" (pixels).
 *
 * The URL answers either a complete ECharts option (it has `series` entries with a `type`), or data:
 *   bar / line: { "categories": ["城区", ...], "series": [{ "name": "逾期", "data": [3, ...], "stack": "s" }] }
 *   pie:        { "items": [{ "name": "重大隐患", "value": 12 }, ...] }
 *   timeline:   { "events": [{ "name": "整改", "start": "2026-01-05T08:00:00Z", "end": "...", "category": "区县" }] }
 */
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, FunnelChart, GaugeChart, LineChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent, DatasetComponent, GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent,
  MarkPointComponent, TitleComponent, ToolboxComponent, TooltipComponent, VisualMapComponent
} from 'echarts/components';
import { LabelLayout, UniversalTransition } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import { h, jsonAttribute, mountAll } from './shared/dom';
import { pageLanguage, t } from './shared/i18n';
import { errorMessage, request } from './shared/http';

echarts.use([
  BarChart, LineChart, PieChart, ScatterChart, CustomChart, GaugeChart, RadarChart, FunnelChart,
  TitleComponent, TooltipComponent, LegendComponent, GridComponent, DatasetComponent, DataZoomComponent, GraphicComponent,
  MarkLineComponent, MarkPointComponent, MarkAreaComponent, ToolboxComponent, VisualMapComponent,
  LabelLayout, UniversalTransition, CanvasRenderer
]);

type ChartKind = 'bar' | 'line' | 'pie' | 'timeline';
interface SeriesData { name?: string; data: number[]; stack?: string }
interface TimelineEvent { name: string; start: string; end?: string; category?: string }
interface ChartData {
  title?: string;
  categories?: string[];
  series?: SeriesData[] | Array<Record<string, unknown>>;
  items?: Array<{ name: string; value: number }>;
  events?: TimelineEvent[];
}

const palette = ['#1d4f91', '#c0392b', '#d68910', '#1a7f37', '#7d3c98', '#117a8b', '#5d6d7e', '#b9770e'];

function isEChartsOption(data: ChartData): boolean {
  return Array.isArray(data.series) && data.series.some((series) => typeof (series as Record<string, unknown>).type === 'string');
}

function titleOption(title: string | undefined) {
  return title ? { text: title, left: 'left', textStyle: { fontSize: 14, fontWeight: 600 } } : undefined;
}

function categoryOption(kind: 'bar' | 'line', data: ChartData, title: string | undefined): EChartsCoreOption {
  const series = (data.series ?? []) as SeriesData[];
  return {
    title: titleOption(title),
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: title ? 24 : 0, right: 0 } : undefined,
    grid: { left: 48, right: 16, top: title || series.length > 1 ? 56 : 24, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: data.categories ?? [], axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((entry) => ({
      type: kind,
      name: entry.name,
      data: entry.data,
      stack: entry.stack,
      smooth: kind === 'line' ? 0.2 : undefined,
      barMaxWidth: 36,
      emphasis: { focus: 'series' }
    }))
  };
}

function pieOption(data: ChartData, title: string | undefined): EChartsCoreOption {
  const items = data.items
    ?? ((data.series?.[0] as SeriesData | undefined)?.data ?? []).map((value, index) => ({ name: data.categories?.[index] ?? String(index + 1), value }));
  return {
    title: titleOption(title),
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      type: 'pie',
      radius: ['38%', '62%'],
      center: ['50%', title ? '52%' : '46%'],
      data: items,
      label: { formatter: '{d}%' }
    }]
  };
}

/** A Gantt-like chart: one row per category, a bar from start to end (a dot when it has no end). */
function timelineOption(data: ChartData, title: string | undefined): EChartsCoreOption {
  const events = data.events ?? [];
  const categories = [...new Set(events.map((event) => event.category ?? event.name))];
  const locale = document.documentElement.lang || undefined;
  const rows = events.map((event) => {
    const start = Date.parse(event.start);
    const end = event.end ? Date.parse(event.end) : start;
    return { name: event.name, value: [categories.indexOf(event.category ?? event.name), start, end] };
  });
  return {
    title: titleOption(title),
    tooltip: {
      formatter: (params: { name: string; value: [number, number, number] }) => {
        const [, start, end] = params.value;
        const format = (time: number) => new Date(time).toLocaleString(locale);
        return `${params.name}<br>${format(start)}${end !== start ? ` – ${format(end)}` : ''}`;
      }
    },
    grid: { left: 16, right: 24, top: title ? 40 : 16, bottom: 48, containLabel: true },
    dataZoom: [{ type: 'slider', filterMode: 'weakFilter', height: 18, bottom: 8 }, { type: 'inside', filterMode: 'weakFilter' }],
    xAxis: { type: 'time', scale: true },
    yAxis: { type: 'category', data: categories, inverse: true },
    series: [{
      type: 'custom',
      encode: { x: [1, 2], y: 0 },
      data: rows,
      renderItem: (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
        const row = api.value(0) as number;
        const start = api.coord([api.value(1), row]);
        const end = api.coord([api.value(2), row]);
        const height = (api.size!([0, 1]) as number[])[1] * 0.5;
        const color = palette[params.dataIndex % palette.length];
        if (end[0] - start[0] < 2) {
          return { type: 'circle', shape: { cx: start[0], cy: start[1], r: Math.min(7, height / 2) }, style: { fill: color } };
        }
        return {
          type: 'rect',
          shape: { x: start[0], y: start[1] - height / 2, width: end[0] - start[0], height, r: 2 },
          style: { fill: color }
        };
      }
    }]
  };
}

export function buildOption(kind: ChartKind, data: ChartData, title?: string): EChartsCoreOption {
  if (isEChartsOption(data)) {
    return data as EChartsCoreOption;
  }
  const chartTitle = title ?? data.title;
  switch (kind) {
    case 'pie':
      return pieOption(data, chartTitle);
    case 'timeline':
      return timelineOption(data, chartTitle);
    case 'line':
      return categoryOption('line', data, chartTitle);
    default:
      return categoryOption('bar', data, chartTitle);
  }
}

function isEmpty(option: EChartsCoreOption): boolean {
  const series = option.series;
  const list = Array.isArray(series) ? series : series ? [series] : [];
  return list.every((entry) => {
    const data = (entry as { data?: unknown[] }).data;
    return !data || data.length === 0;
  }) && !option.dataset;
}

const charts = new Set<echarts.ECharts>();
let resizeTimer: number | undefined;
window.addEventListener('resize', () => {
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => charts.forEach((chart) => chart.resize()), 100);
});

async function mountChart(host: HTMLElement): Promise<void> {
  const kind = (host.dataset.chartKind ?? 'bar') as ChartKind;
  const height = Number(host.dataset.height);
  if (Number.isFinite(height) && height > 0) {
    host.style.height = `${height}px`;
  } else if (host.clientHeight < 120) {
    host.style.height = '320px';
  }

  let option: EChartsCoreOption;
  try {
    const data = host.dataset.chartUrl
      ? await request<ChartData>(host.dataset.chartUrl)
      : jsonAttribute<ChartData>(host, 'data-option', {});
    option = buildOption(kind, data, host.dataset.title);
  } catch (error) {
    host.replaceChildren(h('p', { class: 'wh-alert wh-alert-error', role: 'alert' }, errorMessage(error)));
    return;
  }

  const chart = echarts.init(host, undefined, { locale: pageLanguage() === 'en' ? 'EN' : 'ZH', renderer: 'canvas' });
  chart.setOption({ color: palette, textStyle: { fontFamily: getComputedStyle(document.body).fontFamily }, ...option });
  if (isEmpty(option)) {
    chart.setOption({
      graphic: [{ type: 'text', left: 'center', top: 'middle', style: { text: t('charts.noData'), fill: '#59636e', fontSize: 14 } }],
      ...(option.xAxis ? { xAxis: { show: false }, yAxis: { show: false } } : {})
    });
  }
  charts.add(chart);
  new ResizeObserver(() => chart.resize()).observe(host);
}

mountAll('[data-wh-chart]', mountChart);
