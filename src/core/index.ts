// The core's public surface (docs/core-api.md). Pure TypeScript: runs in Node, a Worker and the page.
export * from './types'
export * from './text'
export * from './document'
export { parseSchedule } from './schedule'
export { assessTask } from './assess'
export { plainAssessment, plainMilestone } from './lazyReasons'
export { detectRole } from './roles'
export { documentYear, suggestAsOf, reportDateIn, type DatedLine } from './period'
export * from './assessDocument'
export { warmUpRules } from './warmUp'
export * from './units'
export * from './script'
// What the stores use to edit a document: commands with inverses, their history, find/replace,
// the clipboard's table readers and writers.
export * from './commands'
export { History, DEFAULT_HISTORY_LIMIT, type HistoryMove, type HistoryStep } from './history'
export { findMatches, replaceCommand, type FindMatch, type FindOptions, type FindResult } from './find'
export { parseHtmlTable, parsePlainText, parseTsv, parseBarTable, barRowCells, pasteCommand, toHtmlTable, toTsv } from './clipboard'
export * from './merge'
// The overview's functions load with the overview (its own chunk): the first paint never pays for
// them. Their types are here; the functions come from `loadOverview()` (or './overview' in Node).
export type * from './overview'
export const loadOverview = () => import('./overview')
export type OverviewEngine = Awaited<ReturnType<typeof loadOverview>>
export { runSlicedPass, type SlicedPass, type SlicedPassOptions, type SlicedPassEvents } from './slicedPass'
