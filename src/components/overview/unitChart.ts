// The per-unit stacked bar chart, on ECharts loaded only when the overview opens (its own chunk:
// nothing of it is in the app's first bundle). Only the parts used are registered.
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use, type ECharts } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export interface UnitSeries { state: string; label: string; color: string; values: number[] }

/** Draws (or redraws) the chart; `onPick` gets the unit and state of a clicked segment. */
export function drawUnitChart(el: HTMLElement, units: string[], series: UnitSeries[], onPick: (unit: string, state: string) => void): ECharts {
  const chart = init(el, undefined, { renderer: 'svg' })
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: units, inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
    series: series.map((s) => ({ name: s.label, type: 'bar', stack: 'tasks', data: s.values, itemStyle: { color: s.color }, emphasis: { focus: 'series' } })),
  })
  chart.on('click', (p) => {
    const s = series[p.seriesIndex ?? -1]
    if (s && typeof p.name === 'string') onPick(p.name, s.state)
  })
  return chart
}

/** The chart as a PNG data URL, for a download (rendered through a canvas from the SVG). */
export async function chartPng(chart: ECharts): Promise<string> {
  const svg = chart.getDataURL({ type: 'svg' })
  const img = new Image()
  img.src = svg
  await img.decode()
  const canvas = document.createElement('canvas')
  canvas.width = img.width * 2
  canvas.height = img.height * 2
  const ctx = canvas.getContext('2d')!
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/png')
}
