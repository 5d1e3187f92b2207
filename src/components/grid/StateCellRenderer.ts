// The state column: a coloured state badge and one chip per milestone, each explaining itself.
// Plain DOM (not a Vue component) because it is rendered for every visible row while scrolling.
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community'
import type { AssessedMilestone, TaskAssessment } from '../../core'
import type { TaskRow } from '../../core'

export interface StateCellContext {
  assessmentOf(rowId: string): TaskAssessment | undefined
  label(state: string): string
  reasonOf(m: AssessedMilestone): string
  taskReason(a: TaskAssessment): string
  /** Called with the milestone's current `done`: the store cycles auto → by hand → auto. */
  toggleMilestone(rowId: string, index: number): void
}

type Params = ICellRendererParams<TaskRow, unknown, StateCellContext>

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

export class StateCellRenderer implements ICellRendererComp<TaskRow> {
  private el!: HTMLDivElement
  private params!: Params

  init(params: Params): void {
    this.el = document.createElement('div')
    this.el.className = 'state-cell'
    this.el.addEventListener('click', this.onClick)
    this.render(params)
  }

  getGui(): HTMLElement { return this.el }

  refresh(params: Params): boolean {
    this.render(params)
    return true
  }

  destroy(): void {
    this.el.removeEventListener('click', this.onClick)
  }

  private render(params: Params): void {
    this.params = params
    this.el.replaceChildren()
    const row = params.data
    if (!row || row.kind !== 'data') return
    const ctx = params.context
    const assessment = ctx.assessmentOf(row.id)
    if (!assessment) return
    const badge = document.createElement('span')
    badge.className = `state-badge state-${assessment.state}`
    badge.textContent = ctx.label(assessment.state)
    badge.title = ctx.taskReason(assessment)
    badge.dataset.state = assessment.state
    this.el.appendChild(badge)
    for (const m of assessment.milestones) {
      const chip = document.createElement('button')
      chip.type = 'button'
      chip.tabIndex = -1
      chip.className = `chip state-${m.state}${m.overridden ? ' chip-overridden' : ''}`
      chip.dataset.index = String(m.index)
      chip.dataset.state = m.state
      chip.textContent = CIRCLED[m.index - 1] ?? String(m.index)
      // A milestone set by hand says so in its reason (and the chip's dashed border shows it).
      chip.title = ctx.reasonOf(m)
      chip.setAttribute('aria-label', `${chip.textContent} ${ctx.label(m.state)}: ${chip.title}`)
      this.el.appendChild(chip)
    }
  }

  private readonly onClick = (event: MouseEvent): void => {
    const chip = (event.target as HTMLElement).closest<HTMLElement>('.chip')
    if (!chip || !this.params.data) return
    event.stopPropagation()
    this.params.context.toggleMilestone(this.params.data.id, Number(chip.dataset.index))
  }
}
