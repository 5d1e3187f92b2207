// The typed messages between the page and the import worker, and the results the page gets back.
// Failures travel as codes and figures: the page's store says them in the clerk's words (src/i18n).
// The sheets' raw grids never cross: the worker keeps them after `done` until the page releases
// the read, and reads a sheet again with other header rows when asked (`reinterpret`).
import type { ImportedSheet, ImportedWorkbook } from '../imported'
import type { SheetSummary, WorkbookSummary } from '../summary'
import type { ImportErrorCode, ImportFailure } from './failure'
import type { ImportPhase } from './readWorkbook'

export interface ReadRequest { type: 'read'; id: number; bytes: Uint8Array; fileName: string }
/** Read sheet `sheetIndex` of read `readId` again, with these 0-based header rows; answered under `id`. */
export interface ReinterpretRequest { type: 'reinterpret'; id: number; readId: number; sheetIndex: number; headerRows: number[] }
/** The page is done with read `readId`: its grids may go. */
export interface ReleaseRequest { type: 'release'; readId: number }
export type WorkerRequest = ReadRequest | ReinterpretRequest | ReleaseRequest

/**
 * Why a read or a reinterpret failed. Beyond the reader's own codes: the browser could not start
 * a worker (`no-worker`), the worker died while reading (`worker-died`), a reinterpret found its
 * worker stopped, released or silent past its time (`reread-stopped`), a file could not be read
 * again from disk (`file-changed`).
 */
export type ReadFailureCode = ImportErrorCode | 'no-worker' | 'worker-died' | 'reread-stopped' | 'file-changed'
export type ReadFailure = ImportFailure<ReadFailureCode>

export type WorkerResponse =
  | { type: 'progress'; id: number; phase: ImportPhase; fraction: number }
  /** Posted just before `done`: what the confirmation needs, so it shows while `done` is still crossing. */
  | { type: 'summary'; id: number; summary: WorkbookSummary }
  | { type: 'done'; id: number; workbook: ImportedWorkbook }
  /** A reinterpreted sheet, and its summary for the confirmation. */
  | { type: 'sheet'; id: number; sheet: ImportedSheet; summary: SheetSummary }
  | ({ type: 'error'; id: number } & ReadFailure)

export type ReinterpretResult =
  | { ok: true; sheet: ImportedSheet; summary: SheetSummary }
  | ({ ok: false } & ReadFailure)

/**
 * A finished read whose raw grids the worker keeps: ask it for a sheet with other header rows,
 * and release it when done (the worker stops; every later reinterpret answers `reread-stopped`).
 */
export interface KeptRead {
  reinterpret(sheetIndex: number, headerRows: readonly number[]): Promise<ReinterpretResult>
  release(): void
}

export type ImportResult =
  | { ok: true; workbook: ImportedWorkbook; kept: KeptRead }
  | ({ ok: false } & ReadFailure)
  | { ok: false; code: 'cancelled' }
