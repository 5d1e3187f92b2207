// The overview and the bulletin draft (docs/core-api.md).
export * from './overview'
export * from './bulletin'
