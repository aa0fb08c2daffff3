// The zod schemas of the event contract and of every API request and
// response: the server validates with them and documents them in OpenAPI
// (each named schema is a component of the document).
export * from './comments.js'
export * from './errors.js'
export * from './events.js'
export * from './excluded.js'
export * from './filters.js'
export * from './flags.js'
export * from './imports.js'
export * from './issue-reason.js'
export * from './metrics.js'
export * from './open-data.js'
export * from './ops.js'
export * from './registry.js'
export * from './sites.js'
export * from './tokens.js'
