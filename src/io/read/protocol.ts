// The typed messages between the page and the import worker, and the result the page gets back.
import type { ImportedWorkbook } from '../imported'
import type { WorkbookSummary } from '../summary'
import type { ImportErrorCode } from './errors'
import type { ImportPhase } from './readWorkbook'

export interface ReadRequest { type: 'read'; id: number; bytes: Uint8Array; fileName: string }
export type WorkerRequest = ReadRequest

export type WorkerResponse =
  | { type: 'progress'; id: number; phase: ImportPhase; fraction: number }
  /** Posted just before `done`: what the confirmation needs, so it shows while `done` is still crossing. */
  | { type: 'summary'; id: number; summary: WorkbookSummary }
  | { type: 'done'; id: number; workbook: ImportedWorkbook }
  | { type: 'error'; id: number; code: ImportErrorCode; message: string; messageEn: string }

export type ImportResult =
  | { ok: true; workbook: ImportedWorkbook }
  | { ok: false; code: ImportErrorCode; message: string; messageEn: string }
  | { ok: false; code: 'cancelled' }
