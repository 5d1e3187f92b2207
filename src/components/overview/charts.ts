// The chart engine, loaded only when the overview opens or an export asks for the 汇总 sheet (its
// own chunk: nothing of it is in the app's first bundle). Only the parts used are registered.
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { init, use, type ECharts } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { ChartOption } from './chartOptions'

// The title only in the 汇总 sheet's pictures (the panel's headings are HTML).
use([BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, TitleComponent, SVGRenderer])

export type { ECharts }

/** Draws `option` in `el`; `onPick` gets the series and data index of a clicked bar. */
export function drawChart(el: HTMLElement, option: ChartOption, onPick: (seriesIndex: number, dataIndex: number) => void): ECharts {
  const chart = init(el, undefined, { renderer: 'svg' })
  chart.setOption(option)
  chart.on('click', (p) => { if (p.seriesIndex !== undefined && p.dataIndex !== undefined) onPick(p.seriesIndex, p.dataIndex) })
  return chart
}

/** An SVG data URL drawn onto a white canvas at twice its size. */
async function svgToCanvas(svgUrl: string): Promise<HTMLCanvasElement> {
  const img = new Image()
  img.src = svgUrl
  await img.decode()
  const canvas = document.createElement('canvas')
  canvas.width = img.width * 2
  canvas.height = img.height * 2
  const ctx = canvas.getContext('2d')!
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  return canvas
}

/** The chart as a PNG data URL, for a download. */
export async function chartPng(chart: ECharts): Promise<string> {
  return (await svgToCanvas(chart.getDataURL({ type: 'svg' }))).toDataURL('image/png')
}

/**
 * `option` drawn off screen at a fixed size, as PNG bytes: the 汇总 sheet's pictures do not
 * depend on whether the overview is open or how wide the window is.
 */
export async function optionPng(option: ChartOption, width: number, height: number): Promise<{ png: Uint8Array; width: number; height: number }> {
  const chart = init(document.createElement('div'), undefined, { renderer: 'svg', width, height })
  try {
    chart.setOption(option)
    const canvas = await svgToCanvas(chart.getDataURL({ type: 'svg' }))
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('canvas.toBlob gave nothing')
    return { png: new Uint8Array(await blob.arrayBuffer()), width, height }
  } finally {
    chart.dispose()
  }
}
