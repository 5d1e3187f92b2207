// The rules run once over made-up rows, so a thread that has not read such text yet compiles them before the clerk's first edit.
import { assessRow } from './assessDocument'
import { plainAssessment } from './lazyReasons'
import type { TaskDocument, TaskRow } from './document'
import type { Role } from './types'

/**
 * Text for each role, in the shapes the rules read by different paths: a numbered schedule, progress
 * numbered and unnumbered (matched to milestones by their key words), a count short of its
 * target, a status word, a deadline.
 */
const SAMPLES: readonly Partial<Record<Role, string>>[] = [
  {
    task: '建设城区污水管网改造工程',
    schedule: '①3月底前完成方案设计。②6月底前完成施工招标,开工建设3处。③年底前建成投用。',
    progress: '方案设计已完成,施工招标正在推进,已开工两处。',
    status: '序时推进',
    deadline: '2026年12月底',
  },
  {
    task: '开展农村人居环境整治',
    schedule: '一季度启动整治;上半年完成60%;年底前全面完成',
    progress: '①已完成。②完成55%。③正在推进。',
    status: '滞后',
    deadline: '年底前',
  },
]

/**
 * Assesses the made-up rows in `doc`'s own columns and drops the results: nothing is kept or
 * changed. The page assesses a list it opens, but only along the paths that list's text takes;
 * the first edit that takes another (a regular expression compiled, code not yet optimised) cost
 * the clerk up to 17 ms before its save even started (traced at 100k rows). Call when idle.
 * Returns how many milestones the made-up rows gave (none when no column has a role).
 */
export function warmUpRules(doc: Pick<TaskDocument, 'columns' | 'settings'>, asOf: string): number {
  const year = Number(asOf.slice(0, 4))
  let milestones = 0
  for (const [i, sample] of SAMPLES.entries()) {
    const cells: Record<string, string> = {}
    for (const column of doc.columns) {
      const text = column.role ? sample[column.role] : undefined
      if (text) cells[column.id] = text
    }
    const row: TaskRow = { id: `warm-up-${i}`, kind: 'data', cells }
    const assessment = assessRow(doc, row, asOf, year)
    // Reasons are built when read (the grid's tooltip, the export): reading them warms that path too.
    if (assessment) milestones += plainAssessment(assessment).milestones.length
  }
  return milestones
}
