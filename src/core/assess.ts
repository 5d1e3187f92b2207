// STUB — replaced by the milestone engine.
import type { AssessContext, TaskAssessment, TaskFields } from './types'
export function assessTask(_fields: TaskFields, _ctx: AssessContext): TaskAssessment { return { state: 'undated', milestones: [] } }
