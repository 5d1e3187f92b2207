// Merging returned copies into the master list (docs/core-api.md).
export * from './matchRows'
export * from './planMerge'
export * from './textDiff'
