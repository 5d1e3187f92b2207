// The 汇总 sheet's pictures: the overview's two charts drawn off screen at a fixed size, in the
// page (the export worker has no canvas). Loaded with the chart chunk, only for such an export.
import type { MessageKey } from '../../i18n/messages'
import { useOverviewStore } from '../../stores/overview'
import { TASK_STATE_ORDER } from '../../core'
import { MAX_UNITS, timelineOption, unitChartOption } from './chartOptions'
import { optionPng } from './charts'

type SummaryChartImage = Awaited<ReturnType<typeof optionPng>>

export async function summaryChartImages(): Promise<SummaryChartImage[]> {
  const store = useOverviewStore()
  await store.ready()
  const o = store.overview
  if (!o) return []
  const state = (s: (typeof TASK_STATE_ORDER)[number]) => store.t(`state.${s}` as MessageKey)
  const images: SummaryChartImage[] = []
  if (o.units.length) {
    const option = { ...unitChartOption(o.units, { state, supportOnly: store.t('overview.supportOnly') }), title: { text: store.t('overview.byUnit'), left: 'center', top: 0, textStyle: { fontSize: 14 } } }
    images.push(await optionPng({ ...option, legend: { top: 24 }, grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true } }, 900, 100 + 26 * Math.min(MAX_UNITS, Math.max(3, o.units.length))))
  }
  if (o.months.length) {
    const option = timelineOption(o.months, o.asOf, {
      done: store.t('overview.msDone'), overdue: store.t('overview.msOverdue'), open: store.t('overview.msOpen'), asOf: store.t('overview.asOfMark', { date: o.asOf }),
    })
    images.push(await optionPng({ ...option, title: { text: store.t('overview.timeline'), left: 'center', top: 0, textStyle: { fontSize: 14 } }, legend: { top: 24 }, grid: { left: 8, right: 24, top: 64, bottom: 8, containLabel: true } }, 900, 380))
  }
  return images
}
