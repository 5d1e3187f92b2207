// STUB — replaced by the milestone engine.
import type { Milestone } from './types'
export function parseSchedule(_text: string, _ctx: { year: number }): Milestone[] { return [] }
