// The overview, the 汇总 table and the bulletin draft (docs/core-api.md).
export * from './overview'
export * from './summary'
export * from './compare'
export * from './bulletin'
