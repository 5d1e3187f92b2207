// The core's public surface (docs/core-api.md). Pure TypeScript: runs in Node, a Worker and the page.
export * from './types'
export * from './text'
export * from './document'
export { parseSchedule } from './schedule'
export { assessTask } from './assess'
export { detectRole } from './roles'
export { documentYear, suggestAsOf } from './period'
export * from './assessDocument'
