// The typed messages between the page and the export worker.
import type { DocumentAssessment, TaskDocument } from '../../core'
import type { ExportOptions, ExportResult } from './types'

export interface ExportRequest {
  type: 'export'
  id: number
  doc: TaskDocument
  options: ExportOptions
  assessment?: DocumentAssessment
}

export type ExportResponse = { type: 'done'; id: number; result: ExportResult }
